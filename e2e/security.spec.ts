import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { signIn, test } from "./helpers";

/** Creates an agent through the HR form and returns its id and the password shown once. */
async function createAgent(admin: Page, code: string, name: string): Promise<{ id: string; password: string }> {
  await admin.goto("/admin/agents/new");
  await admin.getByLabel("Code agent").fill(code);
  await admin.getByLabel("Nom").fill(name);
  await admin.getByRole("button", { name: "Créer" }).click();
  const shown = admin.getByRole("dialog", { name: `Compte ${code} créé` });
  const password = (await shown.getByTestId("credential-password").textContent())!.trim();
  await shown.getByRole("button", { name: "J'ai noté le mot de passe" }).click();
  await expect(admin).toHaveURL(/\/admin\/agents\/\d+$/);
  return { id: admin.url().split("/").pop()!, password };
}

/** Collects what Chromium reports as blocked by the Content-Security-Policy. */
function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|connect|frame|apply)/i.test(m.text())) found.push(`${page.url()}: ${m.text()}`);
  });
  return found;
}

test("every page carries the CSP (no framing), and the admin, designer, simulator, workspace and supervision pages work under it", async ({
  browser,
}) => {
  const admin = await signIn(browser, "admin");
  const violations = cspViolations(admin);
  const response = await admin.goto("/admin");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");

  for (const path of ["/admin/campaigns", "/admin/root", "/admin/agents", "/designer", "/simulator"]) {
    await admin.goto(path);
    await expect(admin.locator("main").first()).toBeVisible();
  }
  // The designer's editor is the most script-heavy page: open the first script.
  await admin.goto("/designer");
  const firstScript = admin.locator('a[href^="/designer/scripts/"]').first();
  if (await firstScript.count()) {
    await firstScript.click();
    await expect(admin.locator("main").first()).toBeVisible();
  }

  const agent = await signIn(browser, "1000");
  const agentViolations = cspViolations(agent);
  const stream = agent.waitForResponse((r) => r.url().endsWith("/api/stream"));
  await agent.goto("/workspace");
  expect((await stream).status()).toBe(200);
  await expect(agent.getByRole("heading", { name: "Espace agent" })).toBeVisible();

  const supervisor = await signIn(browser, "superviseur");
  const supervisorViolations = cspViolations(supervisor);
  await supervisor.goto("/supervision");
  await expect(supervisor.locator("main").first()).toBeVisible();

  expect([...violations, ...agentViolations, ...supervisorViolations]).toEqual([]);
});

test("an administrator archives a signed-in agent: the agent's page goes to the login page at once", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const account = await createAgent(admin, "2701", "Agent Révoqué");

  const agent = await signIn(browser, "2701", account.password);
  const stream = agent.waitForResponse((r) => r.url().endsWith("/api/stream"));
  await agent.goto("/workspace");
  expect((await stream).status()).toBe(200);

  await admin.goto("/admin/agents");
  await admin.getByPlaceholder(/Rechercher/).fill("2701");
  await admin.keyboard.press("Enter");
  // The search is a navigation: click in the list it brings, not in the one it replaces.
  await expect(admin).toHaveURL(/[?&]q=2701/);
  await expect(admin.getByRole("row")).toHaveCount(2);
  await admin.getByRole("row", { name: /2701/ }).getByRole("button", { name: "Archiver" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Archiver" }).click();

  // No reload on the agent's side: the stream told the page its session ended.
  await expect(agent).toHaveURL(/\/login/);
  await agent.goto("/workspace");
  await expect(agent).toHaveURL(/\/login/);
});

test("a locked agent shows on his HR page and an administrator unlocks him", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const account = await createAgent(admin, "2702", "Agent Bloqué");

  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: "fr-FR" });
  const guesser = await context.newPage();
  await guesser.goto("/login");
  for (let i = 0; i < 5; i++) {
    await guesser.locator('input[name="login"]').fill("2702");
    await guesser.locator('input[name="password"]').fill(`wrong-${i}`);
    await guesser.getByRole("button", { name: "Se connecter" }).click();
    // The form's own message (Next also keeps an empty route announcer with role alert).
    await expect(guesser.locator('p[role="alert"]')).toBeVisible();
  }
  await expect(guesser.locator('p[role="alert"]')).toContainText(/Trop de tentatives/i);

  await admin.goto(`/admin/agents/${account.id}`);
  await expect(admin.getByTestId("sign-in-locked")).toContainText("Connexion bloquée");
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  for (const width of [1280, 1920]) {
    await admin.setViewportSize({ width, height: 900 });
    await admin.screenshot({ path: `test-results/screenshots/security-agent-locked-${width}.png` });
  }
  await admin.getByRole("button", { name: "Débloquer la connexion" }).click();
  await expect(admin.getByTestId("sign-in-locked")).toHaveCount(0);

  // The same browser that was locked out now signs in.
  await guesser.locator('input[name="login"]').fill("2702");
  await guesser.locator('input[name="password"]').fill(account.password);
  await guesser.getByRole("button", { name: "Se connecter" }).click();
  await expect(guesser).toHaveURL(/\/workspace$/);
});
