import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { count, sql } from "drizzle-orm";
import { DataFolderLockedError, migrateDatabase, openPglite } from "@/db/client";
import { queues } from "@/db/schema";

function holdFolderInAnotherProcess(folder: string) {
  // `--import tsx` keeps the script in this very process, so killing it kills the lock owner.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/hold-data-folder.ts", folder], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { child, ready };
}

describe("embedded PGlite data folder", () => {
  it("keeps what was written across a close and reopen (a server restart)", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "relais-pglite-"));
    const first = await openPglite(folder);
    await migrateDatabase(first);
    await first.db.insert(queues).values({ code: "KEEP", description: "survives" });
    await first.close();

    const second = await openPglite(folder);
    await migrateDatabase(second); // idempotent on an up-to-date database
    const rows = await second.db.select({ code: queues.code }).from(queues);
    expect(rows).toEqual([{ code: "KEEP" }]);
    await second.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("refuses a second process on the same folder with a clear message, and takes over after it died", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "relais-lock-"));
    const holder = holdFolderInAnotherProcess(folder);
    await holder.ready;
    const attempt = openPglite(folder);
    await expect(attempt).rejects.toBeInstanceOf(DataFolderLockedError);
    await expect(attempt).rejects.toThrow(/already used by another Relais process \(pid \d+\)/);

    // Killed without cleanup: its lock is stale and the folder can be opened.
    holder.child.kill("SIGKILL");
    await new Promise((r) => holder.child.once("exit", r));
    const handle = await openPglite(folder);
    const [{ n }] = (await handle.db.select({ n: count() }).from(sql`(select 1) as one`)) as { n: number }[];
    expect(n).toBe(1);
    await handle.close();
    expect(fs.existsSync(path.join(folder, "relais.lock"))).toBe(false);
    fs.rmSync(folder, { recursive: true, force: true });
  }, 60_000);
});
