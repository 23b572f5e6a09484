#!/usr/bin/env node
/**
 * `npm test`: every test Relais has: vitest (unit + database) then Playwright journeys in
 * Debian's Chromium against a production build started the way `npm start` starts it.
 * TEST_DATABASE_URL set → the database tests and the browser journeys run on that PostgreSQL
 * server, each in a database of their own that is dropped at the end.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const chromium = process.env.RELAIS_CHROMIUM || "/usr/bin/chromium";

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function ensureChromium() {
  if (fs.existsSync(chromium)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log("Chromium is missing: installing Debian's package (apt-get install chromium)…");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    let r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    if (r.status !== 0) {
      spawnSync("apt-get", ["update"], { stdio: "inherit" });
      r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
        stdio: "inherit",
        env: { ...process.env, ...env },
      });
    }
    if (r.status === 0 && fs.existsSync(chromium)) return;
  }
  console.error(
    `The browser journeys need Debian's Chromium at ${chromium}. Install it with:\n` +
      `  sudo apt-get install -y chromium\n` +
      `(or point RELAIS_CHROMIUM at a Chromium binary).`,
  );
  process.exit(1);
}

// `node scripts/test.mjs unit|e2e [files…]`: one half, optionally only some files of it.
const [only, ...files] = process.argv.slice(2);
if (only !== "e2e")
  run(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...(only === "unit" ? files : [])]);
if (only !== "unit") {
  ensureChromium();
  const specs = only === "e2e" ? files : [];
  run(process.execPath, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", ...specs], {
    RELAIS_CHROMIUM: chromium,
  });
}
