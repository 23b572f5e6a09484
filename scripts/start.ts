/**
 * `npm start`: the embedded default in one command. Builds when the build is missing or older
 * than the sources, prepares the secrets, starts the network simulator (embedded default or
 * RELAIS_DEMO=1) and then the Next.js server, whose instrumentation migrates, seeds and starts
 * the job runner.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, ensureSecrets } from "@/lib/config/secrets";
import { dataDir, databaseUrl } from "@/lib/config/env";

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
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
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

function main(): void {
  try {
    ensureSecrets();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Relais cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  refuseIfDataFolderInUse();
  buildIfNeeded();

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

  const children: ChildProcess[] = [];
  const startSimulator =
    process.env.RELAIS_SIMULATOR !== "off" && !process.env.RELAIS_SIMULATOR_URL && (!databaseUrl() || process.env.RELAIS_DEMO === "1");
  if (startSimulator) {
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    const simEnv = { ...env, SIMULATOR_REPLY_POLICY: process.env.SIMULATOR_REPLY_POLICY || "open" };
    children.push(spawn(process.execPath, [tsx, path.join(root, "lib", "simulator", "main.ts")], { stdio: "inherit", env: simEnv }));
  }
  const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", host], { stdio: "inherit", env });
  children.push(server);

  const shutdown = (signal: NodeJS.Signals) => {
    for (const c of children) if (c.exitCode === null) c.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  server.on("exit", (code) => {
    shutdown("SIGTERM");
    process.exit(code ?? 0);
  });
}

main();
