import { getDatabase, migrateDatabase } from "@/db/client";
import { dataDir, databaseUrl, inngestConfigured, simulatorUrl } from "@/lib/config/env";
import { ensureSecrets } from "@/lib/config/secrets";
import { seedIfEmpty, writeCredentialsFile } from "@/lib/demo/seed";
import { ensureDefaultDatabase } from "@/lib/databases/mutations";
import { EmbeddedRunner } from "@/lib/jobs/runner";
import { installEmbeddedRunner } from "@/lib/jobs/dispatch";
import { jobs } from "@/inngest/functions";

const holder = globalThis as unknown as { __relaisBooted?: Promise<void> };

/** Runs once per server process (instrumentation.ts): secrets, migrations, seed, job runner. */
export function boot(): Promise<void> {
  holder.__relaisBooted ??= doBoot();
  return holder.__relaisBooted;
}

async function doBoot(): Promise<void> {
  ensureSecrets();
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
    keyword: process.env.RELAIS_DEMO_KEYWORD || undefined,
    pollSeconds: process.env.RELAIS_DEMO_POLL_SECONDS ? Number(process.env.RELAIS_DEMO_POLL_SECONDS) : undefined,
  });
  if (created.length > 0) {
    const lines = created.map((a) => `  ${a.role.padEnd(11)} login ${a.login.padEnd(12)} password ${a.password}`);
    const file = embedded ? writeCredentialsFile(dataDir(), url, created) : null;
    console.log(
      [
        "",
        demo ? "Relais demo workspace created. Sign in at " + url : "Relais first administrator created. Sign in at " + url,
        ...lines,
        file ? `  (also written to ${file}, readable by you only)` : "",
        "",
      ].join("\n"),
    );
  }

  if (!inngestConfigured()) {
    const runner = new EmbeddedRunner(jobs, { log: (msg, err) => console.warn(`[jobs] ${msg}:`, err instanceof Error ? err.message : err) });
    installEmbeddedRunner(runner);
    runner.start();
    const stop = () => void runner.stop();
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
  console.log(`Relais ready on ${url} (database: ${handle.kind}, jobs: ${inngestConfigured() ? "Inngest" : "embedded runner"})`);
}
