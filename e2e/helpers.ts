import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "./global-setup";

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
