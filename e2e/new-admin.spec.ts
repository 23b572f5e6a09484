import { expect, type Page } from "@playwright/test";
import { signIn, test } from "./helpers";

// What a new administrator meets in the first hour (issue 15): the summary, the simulator's demo
// credentials, the audit log's filter.

async function openDemoCampaign(page: Page) {
  await page.goto("/admin/campaigns");
  await page.getByRole("link", { name: "Démo Twitter", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Démo Twitter" })).toBeVisible();
}

/** Every summary element's boxes, read in the page. */
async function summaryBoxes(page: Page) {
  const summary = page.getByTestId("campaign-summary");
  await expect(summary.locator("li").first()).toBeVisible();
  return summary.locator("li").evaluateAll((items) =>
    items.map((li) => {
      const box = (el: Element | null) => (el ? (el.getBoundingClientRect().toJSON() as DOMRect) : null);
      const reason = li.querySelector('[data-part="reason"]');
      const card = li.closest("section")!;
      return {
        element: li.getAttribute("data-element"),
        li: box(li)!,
        card: box(card)!,
        reason: box(reason)!,
        reasonLineHeight: parseFloat(getComputedStyle(reason!).lineHeight),
        overflows: li.scrollWidth > li.clientWidth + 1,
      };
    }),
  );
}

test("the campaign summary reads as light · name · reason · fix, with a wide reason at 1280 px and on a phone", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  for (const width of [1280, 1920]) {
    await admin.setViewportSize({ width, height: 900 });
    await openDemoCampaign(admin);
    const boxes = await summaryBoxes(admin);
    expect(boxes.length).toBeGreaterThanOrEqual(12);
    for (const b of boxes) {
      expect(b.reason.width, `${width}px: ${b.element}`).toBeGreaterThanOrEqual(200);
      // Inside its card, and at most two lines of reason under the light and the name.
      expect(b.reason.right, `${width}px: ${b.element}`).toBeLessThanOrEqual(b.card.right);
      expect(b.reason.height, `${width}px: ${b.element}`).toBeLessThanOrEqual(2 * b.reasonLineHeight + 1);
      expect(b.overflows, `${width}px: ${b.element}`).toBe(false);
    }
  }

  // A phone: the summary stacks under the tabs, inside the screen.
  await admin.setViewportSize({ width: 390, height: 844 });
  await openDemoCampaign(admin);
  for (const b of await summaryBoxes(admin)) {
    expect(b.reason.width, b.element!).toBeGreaterThanOrEqual(200);
    expect(b.card.right, b.element!).toBeLessThanOrEqual(390);
    expect(b.reason.right, b.element!).toBeLessThanOrEqual(b.card.right);
    expect(b.overflows, b.element!).toBe(false);
  }
});

test("the simulator lists its demo credentials with copy buttons, and a new campaign on its platform is filled with them", async ({
  browser,
}) => {
  const admin = await signIn(browser, "admin");
  await admin.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await admin.goto("/simulator");
  const twitter = admin.getByTestId("demo-twitter");
  await expect(twitter.locator('[data-field="apiKey"]')).toHaveText("sim-demo-api-key");
  await expect(twitter.locator('[data-field="bearerToken"]')).toHaveText("sim-demo-bearer");
  await expect(admin.getByTestId("demo-facebook").locator('[data-field="pageAccessToken"]')).toHaveText("EAASimDemoRelaisPageAccessToken");
  await twitter.getByRole("button", { name: "Copier : Accès token secret" }).click();
  await expect(twitter.getByRole("button", { name: "Copier : Accès token secret" })).toHaveText("Copié");
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe("sim-demo-access-secret");

  for (const [type, name] of [
    ["Twitter", "E2E démo Twitter"],
    ["Facebook", "E2E démo Facebook"],
  ] as const) {
    await admin.goto("/admin/campaigns/new");
    await admin.getByLabel(type, { exact: true }).check();
    await admin.getByLabel("Nom de la campagne").fill(name);
    await admin.getByRole("button", { name: "Valider" }).click();
    await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();

    const fill = admin.getByRole("button", { name: "Remplir avec les identifiants de démo du simulateur" });
    const platform = admin.getByLabel("Plateforme de publication", { exact: true });
    // Offered only once the simulator's platform is chosen.
    await platform.selectOption({ label: "Choisissez une plateforme" });
    await expect(fill).toHaveCount(0);
    await platform.selectOption({ label: "Simulateur" });
    await fill.click();
    await expect(admin.getByText("Identifiants de démo saisis : testez la connexion, puis enregistrez.").first()).toBeVisible();
    await admin.getByRole("button", { name: "Tester la connexion" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Connexion réussie : compte « Relais Demo »" })).toBeVisible();
    await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
    await expect(admin.locator('[data-testid="campaign-summary"] li[data-element="general"]')).toHaveAttribute("data-light", "green");
  }
});

test("the audit log names object types in words, in its filter and its rows", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/queues/new");
  await admin.getByLabel("Code ACD").fill("AUDIT-15");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/queues(\/\d+)?$/);

  await admin.goto("/admin/audit");
  const filter = admin.getByLabel("Type d'objet");
  const options = await filter
    .locator("option")
    .evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })));
  expect(options.map((o) => o.text)).toContain("File d'attente");
  for (const o of options.filter((o) => o.value)) {
    expect(o.text, o.value).not.toBe(o.value);
    expect(o.text, o.value).not.toMatch(/_/);
  }
  await filter.selectOption({ label: "File d'attente" });
  await admin.getByRole("button", { name: "Filtrer" }).click();
  await expect(admin).toHaveURL(/type=queue/);
  const row = admin.getByRole("row", { name: /AUDIT-15/ }).first();
  await expect(row).toContainText(/File d'attente #\d+ — AUDIT-15/);
  await expect(row).not.toContainText("queue #");
});
