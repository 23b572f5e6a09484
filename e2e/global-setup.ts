import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export const E2E_PASSWORD = "E2e-demo-Password!";

async function waitFor(url: string, child: { exitCode: number | null }, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Relais exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Relais did not answer on ${url} within ${timeoutMs / 1000}s`);
}

/** Whether something already listens on 127.0.0.1:port. */
function portBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

/**
 * Waits (up to 20 s) for the ports to be free. The previous run's server — the PostgreSQL stage
 * before the PGlite one in CI — may still be closing; a server started on a busy port exits, and a
 * journey that reached the old one would run against a server on its way out.
 */
async function waitForFreePorts(ports: number[]) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const busy: number[] = [];
    for (const p of ports) if (await portBusy(p)) busy.push(p);
    if (busy.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `${busy.length > 1 ? `Ports ${busy.join(", ")} on 127.0.0.1 are` : `Port ${busy[0]} on 127.0.0.1 is`} in use by another program, and the journeys need it. ` +
          `Stop it, or choose other ports with E2E_PORT, E2E_SIMULATOR_PORT and E2E_SMTP_PORT.`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Whether any process of the group led by pid is still alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup() {
  const port = process.env.E2E_PORT || "3210";
  const simPort = process.env.E2E_SIMULATOR_PORT || "4466";
  // The simulator's SMTP listener, where the demo's root settings send mail.
  const smtpPort = process.env.E2E_SMTP_PORT || String(Number(simPort) + 1000);
  await waitForFreePorts([Number(port), Number(simPort), Number(smtpPort)]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    RELAIS_HOST: "127.0.0.1",
    SIMULATOR_PORT: simPort,
    SIMULATOR_SMTP_PORT: smtpPort,
    RELAIS_DATA_DIR: dataDir,
    RELAIS_DEMO_PASSWORD: E2E_PASSWORD,
    RELAIS_DEMO_POLL_SECONDS: "2",
    // The journeys move the server's clock through /api/test/clock (lib/clock.ts).
    RELAIS_TEST_CLOCK: "1",
  };
  delete env.DATABASE_URL;

  // On PostgreSQL: a database of our own, with the secrets an operator would provide.
  let dropDatabase = async () => {};
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `relais_e2e_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    Object.assign(env, {
      DATABASE_URL: url.toString(),
      RELAIS_DEMO: "1",
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      RELAIS_SECRET_KEY: crypto.randomBytes(32).toString("base64url"),
    });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }

  const logFile = path.join(dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/login`, child, 5 * 60_000);
  } catch (err) {
    console.error(fs.readFileSync(logFile, "utf8"));
    throw err;
  }
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_SIM_URL = `http://127.0.0.1:${simPort}`;
  process.env.E2E_SMTP_PORT = smtpPort;
  process.env.E2E_SERVER_LOG = logFile;

  return async () => {
    // The whole process group (tsx, the start script, Next and any worker it forked): SIGTERM,
    // up to 5 s to stop, then SIGKILL for whatever is left, and wait until the group is gone so
    // that the next run finds its ports free.
    const pid = child.pid;
    if (pid && groupAlive(pid)) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5_000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pid)) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          /* already gone */
        }
        const killDeadline = Date.now() + 5_000;
        while (groupAlive(pid) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 100));
      }
    }
    await dropDatabase();
    if (process.env.E2E_KEEP_DATA !== "1") fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
