import { test, expect } from "@playwright/test";
import { signIn } from "./helpers";

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  const res = await page.request.get("/api/stream", { maxRedirects: 0 });
  expect(res.status()).not.toBe(200);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="login"]').fill("1001");
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Identifiant" })).toHaveText("Identifiant ou mot de passe incorrect");
  await expect(page).toHaveURL(/\/login/);
});

test("an agent gets a 403 on administration, supervision and the simulator, and sees only its area", async ({ browser }) => {
  const agent = await signIn(browser, "1001");
  await expect(agent).toHaveURL(/\/workspace$/);
  const nav = agent.getByRole("navigation");
  await expect(nav.getByRole("link")).toHaveText(["Espace agent"]);
  for (const path of ["/admin", "/supervision", "/simulator"]) {
    const response = await agent.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(agent.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  }
});

test("a supervisor supervises but cannot administer or work as an agent", async ({ browser }) => {
  const supervisor = await signIn(browser, "superviseur");
  await expect(supervisor).toHaveURL(/\/supervision$/);
  expect((await supervisor.goto("/admin"))?.status()).toBe(403);
  expect((await supervisor.goto("/workspace"))?.status()).toBe(403);
});

test("the language is switchable, remembered per user, and logout works", async ({ browser }) => {
  const agent = await signIn(browser, "1002");
  await agent.getByLabel("Langue").selectOption("en");
  await expect(agent.getByRole("heading", { name: "Agent workspace" })).toBeVisible();
  await agent.getByRole("button", { name: "Log out" }).click();
  await expect(agent).toHaveURL(/\/login/);

  // A new browser (no cookie) signs in as the same user: the account remembers English.
  const again = await signIn(browser, "1002");
  await expect(again.getByRole("heading", { name: "Agent workspace" })).toBeVisible();
  await again.getByLabel("Language").selectOption("fr");
  await expect(again.getByRole("heading", { name: "Espace agent" })).toBeVisible();
});
