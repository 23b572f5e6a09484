import { expect } from "@playwright/test";
import { signIn, test } from "./helpers";

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
  const agent = await signIn(browser, "1003");
  await expect(agent).toHaveURL(/\/workspace$/);
  const nav = agent.getByRole("navigation");
  // The demo agents may book appointments in the agenda («Droits»), nothing else.
  await expect(nav.getByRole("link")).toHaveText(["Espace agent", "Prendre un rendez-vous"]);
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

test("list pages count with the reader's plural rules and show dates the reader's way, in French and in English", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const pager = admin.getByRole("navigation", { name: "pagination" });
  const frenchDate = /^\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}, \d{2}:\d{2}$/;
  const englishDate = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/;
  const demoGroup = admin.getByRole("row", { name: /Qualifications par défaut/ });

  // French: "0 résultat" and "1 résultat" are singular, several are plural; dates read "2 mars 2026, 14:05".
  await admin.goto("/admin/agents?q=Agent%20100");
  await expect(pager.getByText(/^\d+ résultats$/)).toBeVisible();
  await admin.goto("/admin/agents?q=nobody-by-this-name");
  await expect(pager.getByText("0 résultat", { exact: true })).toBeVisible();
  await admin.goto("/admin/qualifications?q=par%20d%C3%A9faut");
  await expect(pager.getByText("1 résultat", { exact: true })).toBeVisible();
  await expect(demoGroup.getByRole("cell").filter({ hasText: frenchDate })).toHaveCount(1);
  await expect(admin.locator('meta[name="description"]')).toHaveAttribute("content", "Centre de contacts pour les réseaux sociaux");

  // English: zero is plural; dates read "Mar 2, 2026, 2:05 PM".
  await admin.getByLabel("Langue").selectOption("en");
  await expect(pager.getByText("1 result", { exact: true })).toBeVisible();
  try {
    await expect(demoGroup.getByRole("cell").filter({ hasText: englishDate })).toHaveCount(1);
    await expect(demoGroup.getByRole("cell").filter({ hasText: frenchDate })).toHaveCount(0);
    await admin.goto("/admin/agents?q=nobody-by-this-name");
    await expect(pager.getByText("0 results", { exact: true })).toBeVisible();
    await admin.goto("/admin/agents?q=Agent%20100");
    await expect(pager.getByText(/^\d+ results$/)).toBeVisible();
    await expect(admin.locator('meta[name="description"]')).toHaveAttribute("content", "Social-media contact center");
  } finally {
    // The other specs read the administrator's pages in French.
    await admin.getByLabel("Language").selectOption("fr");
    await expect(admin.getByLabel("Langue")).toBeVisible();
  }
});
