import { getDatabase, migrateDatabase } from "@/db/client";
import {
  dataDir,
  databaseUrl,
  inngestConfigured,
  refuseInngestDevInProduction,
  simulatorEnabled,
  simulatorSmtpPort,
  simulatorUrl,
} from "@/lib/config/env";
import { ensureSecrets } from "@/lib/config/secrets";
import { seedIfEmpty, writeCredentialsFile, type SeededAccount } from "@/lib/demo/seed";
import { ensureDefaultDatabase } from "@/lib/databases/mutations";

const holder = globalThis as unknown as { __relaisBooted?: Promise<void> };

/** Runs once per server process (instrumentation.ts): secrets, migrations, seed, job runner or Inngest forwarder. */
export function boot(): Promise<void> {
  holder.__relaisBooted ??= doBoot();
  return holder.__relaisBooted;
}

async function doBoot(): Promise<void> {
  ensureSecrets();
  refuseInngestDevInProduction();
  const handle = await getDatabase();
  await migrateDatabase(handle);
  await ensureDefaultDatabase();

  const embedded = !databaseUrl();
  const demo = embedded || process.env.RELAIS_DEMO === "1";
  const url = process.env.RELAIS_PUBLIC_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
  const created = await seedIfEmpty(handle.db, {
    demo,
    password: process.env.RELAIS_DEMO_PASSWORD || undefined,
    simulatorUrl: simulatorUrl(),
    smtpPort: simulatorEnabled() ? simulatorSmtpPort() : undefined,
    keyword: process.env.RELAIS_DEMO_KEYWORD || undefined,
    pollSeconds: process.env.RELAIS_DEMO_POLL_SECONDS ? Number(process.env.RELAIS_DEMO_POLL_SECONDS) : undefined,
  });
  if (created.length > 0) console.log(firstAccountsMessage(created, { demo, url, folder: dataDir() }));

  const log = (msg: string, err?: unknown) => console.warn(`[jobs] ${msg}:`, err instanceof Error ? err.message : err);
  let background: { stop(): Promise<void> };
  if (!inngestConfigured()) {
    // The embedded runner: pending work is in the database, so a restart resumes it.
    const [{ EmbeddedRunner }, { jobs }] = await Promise.all([import("@/lib/jobs/runner"), import("@/lib/jobs/registry")]);
    // On PGlite this process holds the data folder alone: what a previous process left running is resumed at once.
    const runner = new EmbeddedRunner(jobs, { log, soleRunner: handle.kind === "pglite" });
    await runner.start();
    background = runner;
  } else {
    // Inngest runs the jobs (served at /api/inngest); this process forwards committed events to it.
    const [{ InngestForwarder }, { inngest }] = await Promise.all([import("@/lib/jobs/forwarder"), import("@/inngest/client")]);
    const forwarder = new InngestForwarder((payloads) => inngest.send(payloads), { log });
    await forwarder.start();
    background = forwarder;
  }
  const stop = () => void background.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(`Relais ready on ${url} (database: ${handle.kind}, jobs: ${inngestConfigured() ? "Inngest" : "embedded runner"})`);
}

/**
 * What the log says of the accounts the first start created. The demo's passwords are printed
 * (a shared demo password, meant to be typed from the screen); a real first administrator's
 * password is never written to a log, which outlives it and is read by others: it goes to a file
 * readable by the owner only, and the log names the file.
 */
export function firstAccountsMessage(created: SeededAccount[], options: { demo: boolean; url: string; folder: string }): string {
  const file = writeCredentialsFile(
    options.folder,
    options.url,
    created,
    options.demo ? "demo-credentials.txt" : "initial-credentials.txt",
  );
  if (!options.demo) {
    return [
      "",
      `Relais first administrator created. Sign in at ${options.url}`,
      `  Login and password: see ${file} (readable by you only)`,
      "",
    ].join("\n");
  }
  const lines = created.map((a) => `  ${a.role.padEnd(11)} login ${a.login.padEnd(12)} password ${a.password}`);
  return [
    "",
    `Relais demo workspace created. Sign in at ${options.url}`,
    ...lines,
    `  (also written to ${file}, readable by you only)`,
    "",
  ].join("\n");
}
