import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_PASSWORD } from "./global-setup";
import { signIn, test } from "./helpers";

/** A browser that never runs the page's JavaScript: what a sign-in before the scripts load looks like. */
async function withoutJavaScript(browser: Browser): Promise<{ page: Page; urls: string[] }> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "fr-FR", javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  page.on("framenavigated", (f) => urls.push(f.url()));
  return { page, urls };
}

async function submit(page: Page, login: string, password: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

const leaks = (urls: string[], secret: string) => urls.filter((u) => u.includes(secret) || u.includes(encodeURIComponent(secret)));

test("without JavaScript the sign-in form is posted: the password never reaches a URL and the agent lands on the workspace", async ({
  browser,
}) => {
  const { page, urls } = await withoutJavaScript(browser);
  await page.goto("/login");
  const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/login");
  await submit(page, "1004", E2E_PASSWORD);
  const request = await posted;
  // The password travels in the request body, nowhere else.
  expect(request.postData() ?? "").toContain("1004");
  expect(request.postData() ?? "").toContain(E2E_PASSWORD);
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(page.getByRole("heading", { name: "Espace agent" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(leaks(urls, E2E_PASSWORD)).toEqual([]);
});

test("without JavaScript a wrong password gets the clear message, keeps the login, and repeated failures lock it", async ({ browser }) => {
  const { page, urls } = await withoutJavaScript(browser);
  await page.goto("/login");
  const wrong = "not-the-password-42";
  await submit(page, "nojs-lock", wrong);
  await expect(page.getByRole("alert")).toHaveText("Identifiant ou mot de passe incorrect");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('input[name="login"]')).toHaveValue("nojs-lock");
  await expect(page.locator('input[name="password"]')).toHaveValue("");
  // Same throttling as with JavaScript: the fifth failure locks the login.
  for (let i = 2; i <= 4; i++) {
    await submit(page, "nojs-lock", wrong);
    await expect(page.getByRole("alert")).toHaveText("Identifiant ou mot de passe incorrect");
  }
  await submit(page, "nojs-lock", wrong);
  await expect(page.getByRole("alert")).toHaveText("Trop de tentatives, réessayez dans 1 min");
  expect(leaks(urls, wrong)).toEqual([]);
});

test("credentials in a query string never sign in: the URL is answered without them", async ({ page }) => {
  const query = `login=1004&password=${encodeURIComponent(E2E_PASSWORD)}`;
  const response = await page.request.get(`/login?${query}`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  const target = new URL(response.headers().location, process.env.E2E_BASE_URL);
  expect(target.pathname + target.search).toBe("/login");
  expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");

  await page.goto(`/login?${query}`);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('input[name="password"]')).toHaveValue("");
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login/);

  // A password in any page's query string is dropped the same way, keeping the rest.
  const elsewhere = await page.request.get(`/admin/agents?q=10&password=x`, { maxRedirects: 0 });
  expect(elsewhere.status()).toBe(303);
  expect(new URL(elsewhere.headers().location, process.env.E2E_BASE_URL).search).toBe("?q=10");
});

test("with JavaScript the same form signs in and lands on the user's home, the password never in a URL", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "fr-FR" });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  // Client-side checks first: nothing is posted for an empty field.
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Ce champ est obligatoire").first()).toBeVisible();
  await submit(page, "superviseur", E2E_PASSWORD);
  await expect(page).toHaveURL(/\/supervision$/);
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Supervision" })).toBeVisible();
  expect(leaks(urls, E2E_PASSWORD)).toEqual([]);
  await context.close();

  // The shared helper (every other journey) still signs in this way.
  const admin = await signIn(browser, "admin");
  await expect(admin).toHaveURL(/\/admin$/);
});

test("an address that matches no page answers 404 with a page in the user's language (Relais's, not the framework's English) and a way back", async ({
  browser,
}) => {
  const supervisor = await signIn(browser, "superviseur");
  const response = await supervisor.goto("/reports");
  expect(response?.status()).toBe(404);
  await expect(supervisor.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expect(supervisor.getByText("This page could not be found")).toHaveCount(0);
  await supervisor.getByRole("link", { name: "Retour à l'accueil" }).click();
  await expect(supervisor).toHaveURL(/\/supervision$/);
});
