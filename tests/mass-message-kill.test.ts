// Exactly once across a crash (issue 12): a child process delivers a mass message and is killed
// with SIGKILL in the middle of the send; delivery is restarted, and the simulator must have
// received each sendable recipient exactly once. A page post's delivering process is killed
// once after publishing but before recording, and once after claiming but before publishing: on
// restart the post is read back from the feed, and the page has it exactly once. On PGlite (a data folder the two processes take
// in turn) and on PostgreSQL (TEST_DATABASE_URL).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db/client";
import { campaigns, massMessageRecipients, massMessages, queues } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { seedIfEmpty } from "@/lib/demo/seed";
import { pollCampaign } from "@/lib/ingestion/poll";
import { startMassMessage } from "@/lib/mass-message/mutations";
import { deliverSlice } from "@/lib/mass-message/deliver";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { createSimulatorClient } from "@/lib/simulator/client";
import { startSimulator } from "@/lib/simulator/server";

const PEOPLE = 60;
const RATE = 25;

async function openDatabase(): Promise<{ open(): Promise<DatabaseHandle>; env: Record<string, string>; cleanup(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "relais-mass-kill-"));
    return {
      open: () => openPglite(folder),
      env: { RELAIS_DATA_DIR: folder, DATABASE_URL: "" },
      cleanup: async () => fs.rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `relais_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    open: () => openPostgres(url.toString()),
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A simulator, a fresh database with the demo seed, and a Facebook campaign cloned from the demo's (in its own queue if `queueCode`). */
async function facebookCampaign(cleanups: (() => Promise<void>)[], name: string, queueCode?: string) {
  const sim = await startSimulator({ port: 0 });
  cleanups.push(() => sim.close());
  const database = await openDatabase();
  cleanups.push(database.cleanup);
  const handle = await database.open();
  await migrateDatabase(handle);
  setDatabase(handle);
  await seedIfEmpty(handle.db, { demo: true, password: "Demo-password-2026!", simulatorUrl: sim.url, keyword: "relais", pollSeconds: 10 });
  const [twitter] = await handle.db.select().from(campaigns);
  const queueId = queueCode
    ? (await handle.db.insert(queues).values({ code: queueCode, description: "Kill test" }).returning())[0].id
    : twitter.queueId;
  const [fb] = await handle.db
    .insert(campaigns)
    .values({ ...twitter, id: undefined, type: "facebook", name, queueId, credentials: encryptSecret(DEMO_FACEBOOK_CREDENTIALS) })
    .returning();
  return { client: createSimulatorClient(sim.url), database, handle, fb };
}

/** The delivering process of send `id` (tests/fixtures/deliver-mass-message.ts), stopping dead at `point` if given. */
function spawnDelivery(id: number, env: Record<string, string>, point?: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "tests/fixtures/deliver-mass-message.ts", String(id), ...(point ? [point] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
}

describe("a delivering process killed with SIGKILL mid-send", () => {
  let child: ChildProcess | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    child?.kill("SIGKILL");
    for (const c of cleanups.reverse()) await c();
  });

  it("resumes on restart and reaches each sendable recipient exactly once", { timeout: 120_000 }, async () => {
    process.env.RELAIS_FB_SEND_RATE = String(RATE);
    process.env.RELAIS_MASS_MESSAGE_STALE_MS = "1000";
    // The campaign, its contacts (ingested from the simulator for real) and the started send.
    const setup = await facebookCampaign(cleanups, "Kill Facebook", "KILLFB");
    const { client, database, fb } = setup;
    let handle = setup.handle;
    await client.postCustomerMessages({ count: PEOPLE, namePrefix: "Client kill", text: "Bonjour" });
    await client.postCustomerMessages({ count: 5, namePrefix: "Client ancien", text: "Bonjour", ageHours: 30 });
    for (let i = 0; i < 10; i++) if ((await pollCampaign(fb.id)).newMessages === 0) break;
    const { id, counts } = await startMassMessage(
      { id: 0, login: "test" },
      { campaignId: fb.id, sendType: "messenger", text: "Promo pour $AUTEUR", template: null, criteria: {} },
    );
    expect(counts).toMatchObject({ total: PEOPLE + 5, sendable: PEOPLE });
    await handle.close();
    setDatabase(undefined);

    // The delivering process, killed once some but not all have been sent.
    child = spawnDelivery(id, database.env);
    child.stdout!.resume();
    const prefix = `relais-mm:${id}:`;
    let atKill = 0;
    for (const started = Date.now(); Date.now() - started < 60_000;) {
      atKill = (await client.sentWithMetadata(prefix)).total;
      if (atKill >= 12) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    child = undefined;
    const afterKill = (await client.sentWithMetadata(prefix)).total;
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(PEOPLE);

    // Restart: the delivery reads back what the dead process left `sending`, then goes on.
    handle = await database.open();
    setDatabase(handle);
    cleanups.unshift(async () => {
      setDatabase(undefined);
      await handle.close();
    });
    const left = await handle.db.select().from(massMessageRecipients).where(eq(massMessageRecipients.massMessageId, id));
    // Every message the simulator got is a row the dead process recorded `sent` or left `sending`.
    const recorded = left.filter((r) => r.status === "sent").length;
    expect(recorded).toBeLessThanOrEqual(afterKill);
    expect(recorded + left.filter((r) => r.status === "sending").length).toBeGreaterThanOrEqual(afterKill);
    await new Promise((r) => setTimeout(r, 1_100)); // the dead claim goes stale
    let result;
    do result = await deliverSlice(id, { sliceMs: 10_000 });
    while (result.state === "running");
    expect(result.state).toBe("done");

    const sent = await client.sentWithMetadata(prefix);
    expect(Object.keys(sent.byRecipient)).toHaveLength(PEOPLE);
    expect(Object.values(sent.byRecipient).every((n) => n === 1)).toBe(true);
    expect(sent.total).toBe(PEOPLE);
    const [mm] = await handle.db.select().from(massMessages).where(eq(massMessages.id, id));
    expect(mm).toMatchObject({ status: "done", sentCount: PEOPLE, notSendableCount: 5, failedCount: 0 });
    const rowsAfter = await handle.db.select().from(massMessageRecipients).where(eq(massMessageRecipients.massMessageId, id));
    expect(rowsAfter.filter((r) => r.status === "sent")).toHaveLength(PEOPLE);
  });

  it(
    "a page post killed after publishing (or before) is read back from the feed on restart, and published exactly once",
    { timeout: 120_000 },
    async () => {
      process.env.RELAIS_MASS_MESSAGE_STALE_MS = "1000";
      const setup = await facebookCampaign(cleanups, "Kill post");
      const { client, database, fb } = setup;
      let handle = setup.handle;

      for (const point of ["hang-after-publish", "hang-before-publish"] as const) {
        const text = `Portes ouvertes (${point}) ${crypto.randomBytes(3).toString("hex")}`;
        const { id } = await startMassMessage(
          { id: 0, login: "test" },
          { campaignId: fb.id, sendType: "page_post", text, template: null, criteria: {} },
        );
        await handle.close();
        setDatabase(undefined);

        // The delivering process stops dead at the point, and is killed there.
        child = spawnDelivery(id, database.env, point);
        let out = "";
        const reached = new Promise<void>((resolve) =>
          child!.stdout!.on("data", (d: Buffer) => {
            out += d.toString();
            if (/^(published|claimed)/m.test(out)) resolve();
          }),
        );
        await reached;
        child.kill("SIGKILL");
        await new Promise((r) => child!.once("exit", r));
        child = undefined;
        const onFeed = async () => (await client.listPagePosts()).filter((p) => p.message === text);
        expect(await onFeed()).toHaveLength(point === "hang-after-publish" ? 1 : 0);

        handle = await database.open();
        setDatabase(handle);
        const [left] = await handle.db.select().from(massMessages).where(eq(massMessages.id, id));
        expect(left).toMatchObject({ status: "running", postState: "sending", postId: null });
        await new Promise((r) => setTimeout(r, 1_100)); // the dead claim goes stale
        let result;
        for (let i = 0; i < 5; i++) {
          result = await deliverSlice(id, { sliceMs: 10_000 });
          if (result.state !== "running") break;
          await new Promise((r) => setTimeout(r, 1_100));
        }
        expect(result!.state).toBe("done");
        const posts = await onFeed();
        expect(posts).toHaveLength(1);
        const [mm] = await handle.db.select().from(massMessages).where(eq(massMessages.id, id));
        expect(mm).toMatchObject({ status: "done", postState: "sent", postId: posts[0].id, sentCount: 1, failedCount: 0 });
      }
      await handle.close();
      setDatabase(undefined);
    },
  );
});
