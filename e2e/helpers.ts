import fs from "node:fs";
import { test as base, expect, type Browser, type Page, type Request } from "@playwright/test";
import { E2E_PASSWORD } from "./global-setup";

/**
 * The journeys' `test`: every browser context a journey opened (signIn opens one per user) is
 * closed when it ends. Playwright closes only its own `page`/`context` fixtures; the contexts of
 * signIn stayed open for the rest of the run, each page holding its live stream and re-rendering
 * on every event: 33 renderers after 11 journeys, both cores busy, and the late journeys' timing
 * (an offer's 10 s expiry, a 30 s wait) at the mercy of that load.
 */
export const test = base.extend<{ closeJourneyContexts: void }>({
  closeJourneyContexts: [
    async ({ browser }, run) => {
      const before = new Set(browser.contexts());
      // What the journey's browsers are still sending (a form's save, an action) is let finish
      // first: a context closed under a save cancels it, and the journeys after this one would
      // meet what it was putting back (the campaigns journey's mail settings, once).
      const sending = new Set<Request>();
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        context.on("request", (r) => void (r.method() !== "GET" && sending.add(r)));
        context.on("requestfinished", (r) => void sending.delete(r));
        context.on("requestfailed", (r) => void sending.delete(r));
        return context;
      };
      try {
        await run();
      } finally {
        browser.newContext = newContext;
      }
      for (const deadline = Date.now() + 10_000; sending.size > 0 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100));
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
});

/** Signs in through the login form, in a fresh browser context of its own. */
export async function signIn(browser: Browser, login: string, password = E2E_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/**
 * A quiet floor before a journey that routes work (journeys share the demo queue and agents):
 * real time again, nothing left waiting, offered or assigned, every agent Offline
 * (app/api/test/reset, only on the journeys' server). Call it first in the journey.
 */
export async function quietFloor(browser: Browser): Promise<void> {
  const admin = await signIn(browser, "admin");
  const res = await admin.request.post("/api/test/reset", { headers: { origin: process.env.E2E_BASE_URL! } });
  expect(res.status(), await res.text()).toBe(200);
  await admin.context().close();
}

/**
 * Screenshots for review (not assertions), at 1280 and 1920 px wide, when RELAIS_SHOTS names a
 * folder (`RELAIS_SHOTS=/tmp/shots npm run test:e2e`); the viewport is put back to 1280 px after.
 */
export async function shots(page: Page, name: string, height = 1000): Promise<void> {
  const dir = process.env.RELAIS_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The agent makes himself Ready in his workspace (opened first unless `onWorkspace`). */
export async function ready(page: Page, { onWorkspace = false } = {}): Promise<void> {
  if (!onWorkspace) await page.goto("/workspace");
  await page.getByRole("button", { name: "Prêt" }).click();
  await expect(page.getByTestId("presence")).toHaveText("Prêt");
}

/** A customer's tweet, posted from the simulator's page by an administrator. */
export async function postTweet(admin: Page, handle: string, text: string): Promise<void> {
  await admin.goto("/simulator");
  await admin.getByLabel("Identifiant (@handle)").fill(handle);
  await admin.getByLabel("Nom affiché").fill(handle);
  await admin.getByLabel("Texte").fill(text);
  await admin.getByRole("button", { name: "Publier" }).click();
  await expect(admin.getByTestId("sim-tweets")).toContainText(text);
}

/**
 * Picks the campaign's agent script in «Relation Client» and waits until the form has taken it
 * (its «Version de production» choice appears). A choice made while the tab was still being put
 * on screen could be undone by React, and the save then stored no script.
 */
export async function chooseScript(admin: Page, name: string): Promise<void> {
  const select = admin.getByLabel("Script agent", { exact: true });
  const version = admin.getByLabel("Version de production", { exact: true });
  await expect(async () => {
    await select.selectOption({ label: name });
    await expect(version).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
