/**
 * Idle footprint of Relais started as `npm start` starts it, on a fresh data folder:
 *   npx tsx bench/footprint.ts
 * Builds first if needed (`scripts/start.ts --build-only`, not timed), then for each engine starts
 * `npm start` in a process group of its own, waits for the first answer of /login (ready_s,
 * counted from the spawn: secrets, simulator, server start, migrations, seed), waits BENCH_IDLE_S
 * (30 s), and sums the resident memory (VmRSS) of every process of the group. PSS, which counts
 * the pages several processes share (the Node binary) once, is printed beside it.
 *   engine=pglite             the embedded default
 *   engine=pglite-defaults    the same with PGlite's own PostgreSQL settings (128 MB of shared
 *                             buffers, 100 connections), through RELAIS_PGLITE_SETTINGS
 *   engine=postgres           with BENCH_DATABASE_URL: a database of its own on that server, dropped
 *                             at the end (no simulator, as with DATABASE_URL in production)
 * BENCH_ENGINES=pglite,postgres picks some. Ports: BENCH_PORT (3309), BENCH_SIMULATOR_PORT (4509).
 * BENCH_ROOT=<checkout> measures another checkout's `npm start` (e.g. an older commit, built
 * beforehand) with this same benchmark. Prints figures; asserts nothing.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(process.env.BENCH_ROOT || process.cwd());
const port = process.env.BENCH_PORT || "3309";
const simulatorPort = process.env.BENCH_SIMULATOR_PORT || "4509";
const idleSeconds = Number(process.env.BENCH_IDLE_S || 30);
/** PGlite 0.5's PostgreSQL settings, as initdb chose them (postgresql.conf of a fresh folder). */
const PGLITE_DEFAULTS = "shared_buffers=128MB wal_buffers=4MB max_connections=100 max_locks_per_transaction=64";

interface ProcessMemory {
  pid: number;
  name: string;
  rssKb: number;
  anonKb: number;
  fileKb: number;
  pssKb: number;
}

function statusField(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status);
  return m ? Number(m[1]) : 0;
}

/** Every live process whose process group is `pgid`, read from /proc. */
function processGroup(pgid: number): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      const rollup = fs.readFileSync(`/proc/${entry}/smaps_rollup`, "utf8");
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      out.push({
        pid: Number(entry),
        name: processName(cmdline),
        rssKb: statusField(status, "VmRSS"),
        anonKb: statusField(status, "RssAnon"),
        fileKb: statusField(status, "RssFile"),
        pssKb: statusField(rollup, "Pss"),
      });
    } catch {
      /* the process ended while we read it */
    }
  }
  return out.sort((a, b) => a.pid - b.pid);
}

function processName(cmdline: string[]): string {
  const text = cmdline.join(" ");
  if (text.startsWith("next-server")) return "next-server";
  if (text.startsWith("sh ")) return "sh";
  if (text.includes("esbuild")) return "esbuild";
  if (/tsx\/dist\/cli\.mjs|\.bin\/tsx/.test(text)) return "tsx-cli"; // the wrapper the `tsx` command runs
  if (text.includes("lib/simulator/main.ts")) return "simulator";
  if (text.includes("scripts/start.ts")) return "launcher"; // since the footprint work, the simulator runs in it
  if (text.includes("npm")) return "npm";
  return path.basename(cmdline[0] ?? "?");
}

const mb = (kb: number) => Math.round(kb / 1024);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(engine: string, extraEnv: Record<string, string>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-footprint-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    SIMULATOR_PORT: simulatorPort,
    RELAIS_HOST: "127.0.0.1",
    RELAIS_DATA_DIR: dataDir,
    RELAIS_DEMO_PASSWORD: "Footprint-bench-1",
    ...extraEnv,
  };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  for (const k of ["NODE_OPTIONS", "RELAIS_PGLITE_SETTINGS"]) if (!(k in extraEnv)) delete env[k];
  const log = fs.openSync(path.join(dataDir, "server.log"), "a");
  const t0 = performance.now();
  const child = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", log, log], detached: true });
  const pgid = child.pid!;
  try {
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`Relais exited (${child.exitCode}):\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8").slice(-3000)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/login`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error("Relais did not answer /login in 5 minutes");
      await sleep(100);
    }
    const readySeconds = (performance.now() - t0) / 1000;
    await sleep(idleSeconds * 1000);
    const group = processGroup(pgid);
    const sum = (f: (p: ProcessMemory) => number) => group.reduce((s, p) => s + f(p), 0);
    const breakdown = group.map((p) => `${p.name}=${mb(p.rssKb)} (anon ${mb(p.anonKb)}, file ${mb(p.fileKb)})`).join(", ");
    console.log(`  ${engine}: ${group.length} processes, RSS MB: ${breakdown}; PSS total ${mb(sum((p) => p.pssKb))} MB`);
    console.log(
      `RESULT footprint engine=${engine} idle_rss_mb=${mb(sum((p) => p.rssKb))} ready_s=${readySeconds.toFixed(1)} ` +
        `idle_pss_mb=${mb(sum((p) => p.pssKb))} processes=${group.length} idle_s=${idleSeconds}`,
    );
  } finally {
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 100 && processGroup(pgid).length > 0; i++) await sleep(100);
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      /* stopped cleanly */
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!process.env.BENCH_ROOT) {
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--build-only"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const serverUrl = process.env.BENCH_DATABASE_URL;
  const wanted = (process.env.BENCH_ENGINES || `pglite,pglite-defaults${serverUrl ? ",postgres" : ""}`).split(",");
  console.log(`Idle footprint of \`npm start\` in ${root} on a fresh data folder (${idleSeconds} s idle after the first /login answer)`);
  if (wanted.includes("pglite")) await measure("pglite", {});
  if (wanted.includes("pglite-defaults")) await measure("pglite-defaults", { RELAIS_PGLITE_SETTINGS: PGLITE_DEFAULTS });
  if (wanted.includes("postgres")) {
    if (!serverUrl) throw new Error("engine postgres needs BENCH_DATABASE_URL");
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const name = `relais_bench_footprint_${crypto.randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database "${name}"`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      await measure("postgres", {
        DATABASE_URL: url.toString(),
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        RELAIS_SECRET_KEY: crypto.randomBytes(32).toString("base64url"),
      });
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
