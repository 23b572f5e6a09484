import { describe, it, expect, afterEach } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { campaigns, events, holidaySounds, pollCursors, rootSettings } from "@/db/schema";
import { BodyTooLargeError, readBoundedBody } from "@/lib/auth/body";
import { firstAccountsMessage } from "@/lib/boot";
import { campaignsWithUnreadableCredentials, getRootSettings } from "@/lib/campaigns/root";
import { InngestDevRefused, refuseInngestDevInProduction } from "@/lib/config/env";
import { ensureSecrets, secureDataFolder } from "@/lib/config/secrets";
import { encryptSecret } from "@/lib/crypto/secrets";
import { pollCampaign } from "@/lib/ingestion/poll";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

// @ts-expect-error -- next.config.mjs is plain JavaScript, without a declaration file
const nextConfig = (await import("../next.config.mjs")) as unknown as {
  default: { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
  contentSecurityPolicy(dev?: boolean): string;
};
const sound = await import("@/app/api/holidays/sound/route");

/** A secret encrypted under another RELAIS_SECRET_KEY: what a key change leaves in the database. */
function encryptedWithOldKey(value: unknown) {
  const current = process.env.RELAIS_SECRET_KEY;
  process.env.RELAIS_SECRET_KEY = "a-previous-secret-key-0123456789";
  try {
    return encryptSecret(value);
  } finally {
    process.env.RELAIS_SECRET_KEY = current;
  }
}

/** A body that streams `size` bytes in 64 KB chunks; `pulled` counts what the server read. */
function streamed(size: number) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= size) return controller.close();
      const n = Math.min(64 * 1024, size - state.pulled);
      state.pulled += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
  return { body, state };
}

describe("HTTP headers", () => {
  it("every answer carries a CSP forbidding framing, plugins and foreign scripts", async () => {
    const rules = await nextConfig.default.headers();
    const all = rules.find((r) => r.source === "/:path*")!;
    const csp = all.headers.find((h) => h.key === "Content-Security-Policy")!.value;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(nextConfig.contentSecurityPolicy(true)).toContain("'unsafe-eval'");
    expect(all.headers).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
  });
});

describe("request bodies are limited by the bytes that arrive, not by what Content-Length claims", () => {
  it("stops a body that streams more than its declared length, at the limit", async () => {
    const { body, state } = streamed(3 * 1024 * 1024);
    const request = new Request("http://localhost/x", {
      method: "POST",
      body,
      headers: { "content-length": "10" },
      duplex: "half",
    } as RequestInit);
    await expect(readBoundedBody(request, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(state.pulled).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });
});

describe("files of the data folder", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
  });
  const tempFolder = () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "relais-perm-"));
    folders.push(folder);
    return folder;
  };
  const mode = (p: string) => fs.statSync(p).mode & 0o777;

  it("are narrowed to 0700 (folder) and 0600 (secrets) on every start, whatever they were", () => {
    const folder = tempFolder();
    fs.chmodSync(folder, 0o755);
    fs.writeFileSync(path.join(folder, "secrets.json"), "{}", { mode: 0o644 });
    fs.writeFileSync(path.join(folder, "demo-credentials.txt"), "x", { mode: 0o664 });
    fs.mkdirSync(path.join(folder, "pgdata"), { mode: 0o755 });
    const previous = process.env.RELAIS_DATA_DIR;
    process.env.RELAIS_DATA_DIR = folder;
    try {
      // Secrets already in the environment: nothing is generated, the modes are still fixed.
      expect(ensureSecrets({ NEXTAUTH_SECRET: "x".repeat(32), RELAIS_SECRET_KEY: "y".repeat(32) })).toEqual({ generated: [] });
    } finally {
      process.env.RELAIS_DATA_DIR = previous;
    }
    expect(mode(folder)).toBe(0o700);
    expect(mode(path.join(folder, "pgdata"))).toBe(0o700);
    expect(mode(path.join(folder, "secrets.json"))).toBe(0o600);
    expect(mode(path.join(folder, "demo-credentials.txt"))).toBe(0o600);
    secureDataFolder(path.join(folder, "missing")); // nothing to do, no error
  });

  it("a real first administrator's password goes to a private file, never to the log; the demo's is printed", () => {
    const folder = tempFolder();
    const admin = [{ login: "admin", name: "Admin", role: "admin" as const, password: "Very-secret-first-password" }];
    const message = firstAccountsMessage(admin, { demo: false, url: "https://relais.example", folder });
    expect(message).not.toContain("Very-secret-first-password");
    const file = path.join(folder, "initial-credentials.txt");
    expect(message).toContain(file);
    expect(fs.readFileSync(file, "utf8")).toContain("Very-secret-first-password");
    expect(mode(file)).toBe(0o600);
    expect(firstAccountsMessage(admin, { demo: true, url: "http://localhost:3000", folder })).toContain("Very-secret-first-password");
  });
});

describe("INNGEST_DEV", () => {
  it("is refused in production unless allowed on purpose, and warned about otherwise", () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(() => refuseInngestDevInProduction({ INNGEST_DEV: "1", NODE_ENV: "production" }, warn)).toThrow(InngestDevRefused);
    refuseInngestDevInProduction({ INNGEST_DEV: "1", NODE_ENV: "production", RELAIS_ALLOW_INNGEST_DEV: "1" }, warn);
    refuseInngestDevInProduction({ INNGEST_DEV: "1", NODE_ENV: "development" }, warn);
    refuseInngestDevInProduction({ NODE_ENV: "production" }, warn);
    expect(warnings).toHaveLength(2);
  });
});

describe("secrets that no longer decrypt (RELAIS_SECRET_KEY changed)", () => {
  const w = setupDemoWorkspace();

  it("the root page reads them as 'enter again' instead of failing, naming the campaigns concerned", async () => {
    await w.db
      .insert(rootSettings)
      .values({ id: 1, smtpHost: "smtp.example", smtpPassword: encryptedWithOldKey("old-smtp-password") })
      .onConflictDoUpdate({ target: rootSettings.id, set: { smtpPassword: encryptedWithOldKey("old-smtp-password") } });
    await w.db
      .update(campaigns)
      .set({ credentials: encryptedWithOldKey({ bearerToken: "x" }) })
      .where(eq(campaigns.id, w.state.campaignId));
    expect(await getRootSettings()).toMatchObject({ smtpPasswordUnreadable: true, smtpPasswordSet: false });
    expect((await campaignsWithUnreadableCredentials()).map((c) => c.id)).toEqual([w.state.campaignId]);
  });

  it("polling does not stop silently: the error is recorded once and the summary is asked to recompute", async () => {
    const changed = async () => (await w.db.select({ n: count() }).from(events).where(eq(events.name, "relais/campaign.changed")))[0].n;
    const before = await changed();
    const result = await pollCampaign(w.state.campaignId);
    expect(result).toMatchObject({ status: "failed", error: expect.stringContaining("cannot be decrypted") });
    const [cursor] = await w.db.select().from(pollCursors).where(eq(pollCursors.campaignId, w.state.campaignId));
    expect(cursor.lastError).toContain("cannot be decrypted");
    expect(await changed()).toBe(before + 1);
    await pollCampaign(w.state.campaignId);
    expect(await changed()).toBe(before + 1);
  });

  it("an upload without Origin is refused before anything is stored", async () => {
    signInAs(w.state.adminId);
    const before = (await w.db.select({ n: count() }).from(holidaySounds))[0].n;
    const { body } = streamed(1000);
    const response = await sound.POST(
      new Request("http://localhost:3000/api/holidays/sound", {
        method: "POST",
        body,
        duplex: "half",
        headers: { host: "localhost:3000", "content-type": "multipart/form-data; boundary=x" },
      } as RequestInit),
    );
    expect(response.status).toBe(403);
    expect((await w.db.select({ n: count() }).from(holidaySounds))[0].n).toBe(before);
  });
});
