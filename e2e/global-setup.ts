import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
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

export default async function globalSetup() {
  const port = process.env.E2E_PORT || "3210";
  const simPort = process.env.E2E_SIMULATOR_PORT || "4466";
  // The simulator's SMTP listener, where the demo's root settings send mail.
  const smtpPort = process.env.E2E_SMTP_PORT || String(Number(simPort) + 1000);
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
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await dropDatabase();
    if (process.env.E2E_KEEP_DATA !== "1") fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
