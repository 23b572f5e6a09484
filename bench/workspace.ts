/**
 * The agent workspace in Chromium, against Relais started as the browser tests start it
 * (e2e/global-setup.ts: production build, embedded runner, simulator):
 *   npx tsx bench/workspace.ts            (BENCH_DATABASE_URL adds a PostgreSQL run)
 * - js_kb: the JavaScript the /workspace page loads (sum of the decoded JS responses), beside
 *   the /login page's (baseline: what every page of the app loads anyway);
 * - event_to_shown_ms p50/p95 over 20: from the moment the browser receives the live event
 *   `conversation.assigned` (SSE) to the conversation shown in the list (a MutationObserver),
 *   beside tweet_to_shown_ms (from the customer's post through polling and routing: the
 *   baseline the live part sits in). Agent 1003; each conversation is qualified before the next.
 * Ports: BENCH_PORT (3306), BENCH_SIMULATOR_PORT (4506). Prints figures; asserts nothing.
 */
import { chromium, type Page } from "@playwright/test";
import globalSetup, { E2E_PASSWORD } from "../e2e/global-setup";

const RUNS = Number(process.env.BENCH_RUNS || 20);

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
}

/** Decoded size of every script the page loaded (Resource Timing), in KB. */
async function jsKb(page: Page, path: string): Promise<number> {
  await page.goto(path, { waitUntil: "networkidle" });
  const bytes = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => e.initiatorType === "script" || /\.js(\?|$)/.test(e.name))
      .reduce((n, e) => n + e.decodedBodySize, 0),
  );
  return Math.round(bytes / 1024);
}

async function run(engine: "pglite" | "postgres") {
  process.env.E2E_PORT = process.env.BENCH_PORT || "3306";
  process.env.E2E_SIMULATOR_PORT = process.env.BENCH_SIMULATOR_PORT || "4506";
  if (engine === "postgres") process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.TEST_DATABASE_URL;
  const teardown = await globalSetup();
  const browser = await chromium.launch({ executablePath: process.env.RELAIS_CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const options = { baseURL: process.env.E2E_BASE_URL, locale: "fr-FR", viewport: { width: 1280, height: 900 } };
    // Each page's JS measured in a fresh context (empty cache): everything it loads is counted.
    const loginContext = await browser.newContext(options);
    const loginKb = await jsKb(await loginContext.newPage(), "/login");
    await loginContext.close();
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto("/login");
    await page.locator('input[name="login"]').fill("1003");
    await page.locator('input[name="password"]').fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/workspace$/);
    const fresh = await browser.newContext({ ...options, storageState: await context.storageState() });
    const workspaceKb = await jsKb(await fresh.newPage(), "/workspace");
    await fresh.close();
    await page.goto("/workspace");
    await page.getByRole("button", { name: "Prêt" }).click();
    await page.getByTestId("presence").filter({ hasText: "Prêt" }).waitFor();
    // A second stream of our own, to time the event's arrival next to the page's own listener.
    await page.evaluate(() => {
      const w = window as unknown as { __assigned: number[] };
      w.__assigned = [];
      new EventSource("/api/stream").addEventListener("relais", (e) => {
        if ((JSON.parse((e as MessageEvent).data) as { type: string }).type === "conversation.assigned")
          w.__assigned.push(performance.now());
      });
    });
    await page.waitForTimeout(500);

    const live: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const name = `Bench ${Date.now()} ${i}`;
      await page.evaluate((n) => {
        const w = window as unknown as { __shown: number | null; __obs?: MutationObserver };
        w.__shown = null;
        w.__obs?.disconnect();
        w.__obs = new MutationObserver(() => {
          if (w.__shown === null && document.querySelector('[data-testid="conversation-list"]')?.textContent?.includes(n))
            w.__shown = performance.now();
        });
        w.__obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, name);
      const posted = await page.evaluate(() => performance.now());
      await fetch(`${process.env.E2E_SIM_URL}/_sim/twitter/tweets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ authorHandle: `b${String(Date.now()).slice(-9)}${i}`, authorName: name, text: `relais bench ${i}` }),
      });
      await page.waitForFunction(() => (window as unknown as { __shown: number | null }).__shown !== null, null, { timeout: 60_000 });
      const { shown, assigned } = await page.evaluate(() => {
        const w = window as unknown as { __shown: number; __assigned: number[] };
        return { shown: w.__shown, assigned: w.__assigned[w.__assigned.length - 1] };
      });
      live.push(shown - assigned);
      total.push(shown - posted);
      // Qualify it, so the next one gets the agent's free capacity.
      const panel = page.locator('[data-active="true"]');
      await page.getByTestId("conversation-item").filter({ hasText: name }).click();
      await panel.getByRole("combobox", { name: "Qualification" }).selectOption({ label: "Information donnée (Argumenté)" });
      await panel.getByRole("button", { name: "Qualifier et clôturer" }).click();
      await page.getByTestId("conversation-item").filter({ hasText: name }).waitFor({ state: "detached" });
    }
    console.log(
      `RESULT workspace_js engine=${engine} workspace_js_kb=${workspaceKb} login_js_kb=${loginKb} delta_kb=${workspaceKb - loginKb}`,
    );
    console.log(
      `RESULT workspace_live engine=${engine} runs=${RUNS} event_to_shown_p50_ms=${pct(live, 50)} event_to_shown_p95_ms=${pct(live, 95)} ` +
        `tweet_to_shown_p50_ms=${pct(total, 50)} tweet_to_shown_p95_ms=${pct(total, 95)}`,
    );
  } finally {
    await browser.close();
    await teardown();
  }
}

async function main() {
  await run("pglite");
  if (process.env.BENCH_DATABASE_URL) await run("postgres");
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
