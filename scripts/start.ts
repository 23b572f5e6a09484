/**
 * `npm start`: the embedded default in one command. Builds when the build is missing or older
 * than the sources, prepares the secrets, starts the network simulator (embedded default or
 * RELAIS_DEMO=1) in this process, initialises a fresh embedded data folder in a short-lived child
 * (`--prepare-database`), and then starts the Next.js server, whose instrumentation migrates, seeds
 * and starts the job runner. `--build-only` stops after the build (benchmarks use it).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, ensureSecrets } from "@/lib/config/secrets";
import { dataDir, databaseUrl, InngestDevRefused, refuseInngestDevInProduction, simulatorSmtpPort } from "@/lib/config/env";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCE_DIRS = ["app", "components", "lib", "db", "inngest", "public"];
const SOURCE_FILES = ["next.config.mjs", "package-lock.json", "instrumentation.ts", "proxy.ts", "tsconfig.json", "postcss.config.mjs"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (entry !== "node_modules") visit(path.join(p, entry));
    } else if (!p.endsWith(".test.ts")) newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  for (const f of SOURCE_FILES) visit(path.join(root, f));
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > newestSourceMtime()) return;
  console.log(built ? "Sources changed since the last build: rebuilding…" : "First start: building Relais (a few minutes)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Said before building, rather than as a crash of the server when it opens the database. */
function refuseIfDataFolderInUse(): void {
  if (databaseUrl()) return;
  const lock = path.join(dataDir(), "relais.lock");
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, "utf8"));
  try {
    process.kill(pid, 0);
  } catch {
    return; // a stale lock from a process that died: the server takes it over
  }
  console.error(
    `Relais cannot start: the data folder ${dataDir()} is already used by another Relais process (pid ${pid}).\n` +
      "Stop it first, or set RELAIS_DATA_DIR to another folder, or use PostgreSQL with DATABASE_URL.",
  );
  process.exit(1);
}

async function main(): Promise<void> {
  try {
    ensureSecrets();
    // The server runs with NODE_ENV=production (next start): said here, before building.
    refuseInngestDevInProduction({ ...process.env, NODE_ENV: "production" }, () => {});
  } catch (err) {
    if (err instanceof ConfigError || err instanceof InngestDevRefused) {
      console.error(`Relais cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (process.argv.includes("--build-only")) {
    buildIfNeeded();
    return;
  }
  if (process.argv.includes("--prepare-database")) {
    await prepareDatabase();
    return;
  }
  refuseIfDataFolderInUse();
  buildIfNeeded();
  prepareFreshDataFolder();

  const port = process.env.PORT || "3000";
  const host = process.env.RELAIS_HOST || "0.0.0.0";
  const url = process.env.RELAIS_PUBLIC_URL || `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
    RELAIS_PUBLIC_URL: url,
    RELAIS_DATA_DIR: dataDir(),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  // The simulator runs in this process, which is otherwise idle once the server is started: a
  // process of its own cost ~125 MB (a tsx wrapper and a Node runtime) for a few MB of state.
  const simulator =
    process.env.RELAIS_SIMULATOR !== "off" && !process.env.RELAIS_SIMULATOR_URL && (!databaseUrl() || process.env.RELAIS_DEMO === "1")
      ? await startEmbeddedSimulator()
      : null;
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, nextBin, "start", "-p", port, "-H", host], {
    stdio: "inherit",
    env: { ...env, ...SERVER_ENV, NODE_OPTIONS: serverNodeOptions() },
  });
  // Whatever ends this process (a crash of the simulator included) ends the server with it.
  process.once("exit", () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  server.on("exit", (code) => {
    // The simulator saves its state once the server, its only client, has stopped.
    const closed = simulator ? simulator.close() : Promise.resolve();
    closed.then(
      () => process.exit(code ?? 0),
      (err: unknown) => {
        console.error("Network simulator: could not stop cleanly:", err);
        process.exit(code || 1);
      },
    );
  });
}

/**
 * The server process's runtime settings (measured by bench/footprint.ts):
 * - --max-semi-space-size=4: the young generation grew to 2 × 16 MB during the boot and stayed so;
 * - --wasm-tiering-budget=18000000 (10 × V8's): V8 recompiles a wasm function with its optimizing
 *   compiler once it has run for this budget. PGlite runs thousands of PostgreSQL functions a few
 *   times each at start; optimizing them all cost ~30 MB of compiler memory for code run once.
 *   Really hot functions (a large query's executor loop) still get optimized within milliseconds;
 *   bench/campaign-summary.ts's steady runs are about as fast, its first run ~20 % slower;
 * - MALLOC_ARENA_MAX=2: the compiler threads each left a glibc malloc arena of 25–50 MB behind;
 *   two arenas hold the same work in less.
 */
const SERVER_NODE_FLAGS = ["--max-semi-space-size=4", "--wasm-tiering-budget=18000000"];
const SERVER_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2" };

/** The server (and any worker Next forks) drops a client's own X-Forwarded-For: see scripts/peer-address.mjs. */
function serverNodeOptions(): string {
  const preload = `--import ${pathToFileURL(path.join(root, "scripts", "peer-address.mjs")).href}`;
  return [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
}

/**
 * A fresh data folder: PGlite's initdb and the first migrations run in a short-lived process of
 * their own. They are PGlite's heaviest work: initdb runs in a second wasm instance whose heap and a
 * copy of it (~400 MB) an idle server kept until its garbage collector happened to run, and every
 * DDL path of PostgreSQL compiled and tiered up left a server ~50 MB larger for good than one that
 * opened a prepared folder. The server still migrates (nothing left to do) and seeds.
 */
function prepareFreshDataFolder(): void {
  if (databaseUrl() || fs.existsSync(path.join(dataDir(), "pgdata", "PG_VERSION"))) return;
  const result = spawnSync(process.execPath, [...process.execArgv, path.join(root, "scripts", "start.ts"), "--prepare-database"], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function prepareDatabase(): Promise<void> {
  const { migrateDatabase, openPglite } = await import("@/db/client");
  const handle = await openPglite(dataDir());
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}

/** The network simulator of the embedded default, as `npm run simulator` runs it alone (lib/simulator/main.ts). */
async function startEmbeddedSimulator(): Promise<{ close(): Promise<void> }> {
  const { startSimulator } = await import("@/lib/simulator/server");
  const rawPort = process.env.SIMULATOR_PORT ?? "4455";
  const simPort = Number(rawPort);
  if (!Number.isInteger(simPort) || simPort < 0 || simPort > 65_535) {
    console.error(`Relais cannot start: SIMULATOR_PORT must be a port number, got "${rawPort}"`);
    process.exit(1);
  }
  fs.mkdirSync(dataDir(), { recursive: true });
  // The embedded demo answers keyword hits, so X's 2026 reply rule is off unless asked for.
  const enforceReplyPolicy = (process.env.SIMULATOR_REPLY_POLICY || "open") !== "open";
  try {
    const sim = await startSimulator({
      port: simPort,
      host: "127.0.0.1",
      stateFile: path.join(dataDir(), "simulator.json"),
      enforceReplyPolicy,
      smtpPort: simulatorSmtpPort(),
    });
    console.log(
      `Network simulator listening on ${sim.url} (reply policy: ${enforceReplyPolicy ? "X 2026, mentions only" : "open"}), SMTP on 127.0.0.1:${sim.smtpPort}`,
    );
    return sim;
  } catch (err) {
    console.error("Network simulator failed to start:", err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

void main();
