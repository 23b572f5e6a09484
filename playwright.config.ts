import { defineConfig } from "@playwright/test";

// The app is started by e2e/global-setup.ts exactly as `npm start` starts it (production
// build, embedded runner, simulator), on a throw-away data folder or PostgreSQL database.
export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  // CI (.ci/run) sets E2E_RETRIES=1: a journey that fails once is run again and, if it then
  // passes, is listed as "flaky" in the summary (and the run stays green); one that fails twice
  // fails the run. Locally a failure is a failure.
  retries: Number(process.env.E2E_RETRIES || 0),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: "fr-FR",
    trace: "retain-on-failure",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.RELAIS_CHROMIUM || "/usr/bin/chromium",
      // Without these Chromium keeps trying to reach Google's hosts, which this network refuses.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
