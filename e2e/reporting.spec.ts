import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { quietFloor, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

/** An agent receives a customer's tweet, answers it and qualifies it as a sale. */
async function qualifyOneSale(agent: Page, admin: Page) {
  await agent.getByRole("button", { name: "Prêt" }).click();
  await expect(agent.getByTestId("presence")).toHaveText("Prêt");
  await admin.goto("/simulator");
  await admin.getByLabel("Identifiant (@handle)").fill("paul_r");
  await admin.getByLabel("Nom affiché").fill("Paul R.");
  await admin.getByLabel("Texte").fill(`Bonjour relais, je voudrais commander ${Date.now()}`);
  await admin.getByRole("button", { name: "Publier" }).click();
  await expect(agent.getByTestId("conversation")).toBeVisible({ timeout: 30_000 });
  await agent.getByTestId("reply-box").getByLabel("Votre réponse").fill(`Avec plaisir, voici le lien de commande. ${Date.now()}`);
  await agent.getByTestId("reply-box").getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(agent.getByTestId("message-out")).toBeVisible();
  await agent.getByRole("combobox", { name: "Qualification" }).selectOption({ label: "Vente conclue (Positif)" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).click();
  await expect(agent.getByTestId("no-conversation")).toBeVisible();
}

/** The cells of a report table as the CSV writes them (their data-value), header first. */
async function tableValues(page: Page, name: string): Promise<string[][]> {
  const table = page.getByTestId(`table-${name}`);
  const header = await table.locator("thead th").allTextContents();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.getAttribute("data-value") ?? "")));
  return [header.map((h) => h.trim()), ...rows];
}

test("a supervisor reads the conversion rate with its formula, sees the charts and downloads a table that matches", async ({ browser }) => {
  const agent = await signIn(browser, "1001");
  const admin = await signIn(browser, "admin");
  await qualifyOneSale(agent, admin);

  const supervisor = await signIn(browser, "superviseur");
  await supervisor.getByRole("link", { name: "Reporting" }).click();
  await expect(supervisor.getByRole("heading", { name: "Reporting", level: 1 })).toBeVisible();
  await expect(supervisor.getByText("Chiffres limités aux agents de vos groupes de supervision.")).toBeVisible();

  await expect(supervisor.getByTestId("kpi-handled-value")).not.toHaveText("0");
  // The rate with its formula and figures (earlier journeys of the day may have qualified
  // conversations too): the rate shown is the formula's result, and the sale just made counts.
  const hint = supervisor.getByTestId("kpi-conversion-hint");
  await expect(hint).toHaveText(/^Positif ÷ \(Positif \+ Argumenté\) = \d+ ÷ \(\d+ \+ \d+\)$/);
  const [, positive, argued] = (await hint.textContent())!.match(/= (\d+) ÷ \(\d+ \+ (\d+)\)$/)!.map(Number);
  expect(positive).toBeGreaterThanOrEqual(1);
  const rate = ((100 * positive) / (positive + argued)).toLocaleString("fr-FR", { maximumFractionDigits: 1 });
  await expect(supervisor.getByTestId("kpi-conversion-value")).toHaveText(new RegExp(`^${rate}\\s?%$`));
  await expect(supervisor.getByTestId("kpi-benefit-value")).toContainText("€");
  for (const chart of ["chart-volume", "chart-categories", "chart-agents"]) {
    await expect(supervisor.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(supervisor.getByTestId("chart-volume").locator("path.recharts-rectangle").first()).toBeVisible();

  const agents = supervisor.getByTestId("table-agents");
  await expect(agents.getByRole("row", { name: /Agent 1001/ })).toBeVisible();
  const onScreen = await tableValues(supervisor, "agents");

  const [download] = await Promise.all([
    supervisor.waitForEvent("download"),
    agents.getByRole("link", { name: "Exporter en CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^reporting-\d+-agents-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const csv = parse(text, { delimiter: ";" }) as string[][];
  expect(csv).toEqual(onScreen);
  expect(csv.some((row) => row.includes("1001"))).toBe(true);

  // The statuses table gives the stored label of the qualification.
  await expect(supervisor.getByTestId("table-statuses")).toContainText("Vente conclue");

  // Presets are read in the campaign's time zone; a custom range with no activity shows "—".
  await supervisor.getByLabel("Période", { exact: true }).selectOption("custom");
  await supervisor.getByLabel("Du", { exact: true }).fill("2020-01-01");
  await supervisor.getByLabel("Au", { exact: true }).fill("2020-01-31");
  await supervisor.getByRole("button", { name: "Afficher" }).click();
  await expect(supervisor.getByTestId("kpi-conversion-value")).toHaveText("—");
  await expect(supervisor.getByText("Aucune conversation sur cette période")).toBeVisible();

  // An agent without reporting rights has no Reporting area.
  expect((await agent.goto("/reporting"))?.status()).toBe(403);
});

test("the report page at 1280 and 1920 pixels", async ({ browser }) => {
  const supervisor = await signIn(browser, "superviseur");
  for (const width of [1280, 1920]) {
    await supervisor.setViewportSize({ width, height: 1400 });
    await supervisor.goto("/reporting?preset=thisMonth");
    await expect(supervisor.getByTestId("chart-volume").locator("svg.recharts-surface").first()).toBeVisible();
    await supervisor.screenshot({ path: `test-results/reporting-${width}.png`, fullPage: true });
  }
});
