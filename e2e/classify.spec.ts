import { expect, type Page } from "@playwright/test";
import { quietFloor, shots, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

// Blacklists and service hours applied at ingestion (issue 9): a filtered tweet never reaches a
// Ready agent until an administrator releases it; a tweet arriving at night waits for opening.
// The server's clock is moved through /api/test/clock (the server runs with RELAIS_TEST_CLOCK=1).

const run = Date.now().toString(36);

async function setClock(admin: Page, body: { at: string } | { reset: true }) {
  const res = await admin.request.post("/api/test/clock", { data: body, headers: { origin: process.env.E2E_BASE_URL! } });
  expect(res.status()).toBe(200);
}

async function tweet(authorHandle: string, text: string) {
  const res = await fetch(`${process.env.E2E_SIM_URL}/_sim/twitter/tweets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ authorHandle, authorName: authorHandle, text }),
  });
  expect(res.status).toBe(201);
}

async function openDemoCampaign(admin: Page): Promise<string> {
  await admin.goto("/admin/campaigns");
  await admin.getByRole("link", { name: "Démo Twitter", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/campaigns\/\d+/);
  return new URL(admin.url()).pathname;
}

async function saveReception(admin: Page) {
  // The browser journeys' server polls every 2 s, below what the form accepts (10 s).
  const interval = admin.getByLabel("Vérification des nouveaux messages (secondes)");
  if (Number(await interval.inputValue()) < 10) await interval.fill("10");
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
}

async function readyAgent(browser: Parameters<typeof signIn>[0]) {
  const agent = await signIn(browser, "1002");
  await expect(agent).toHaveURL(/\/workspace$/);
  await agent.getByRole("button", { name: "Prêt" }).click();
  await expect(agent.getByTestId("presence")).toHaveText("Prêt");
  await expect(agent.getByTestId("no-conversation")).toBeVisible();
  return agent;
}

async function qualifyAndLeave(agent: Page) {
  await agent.getByRole("combobox", { name: "Qualification" }).selectOption({ label: "Vente conclue (Positif)" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).click();
  await expect(agent.getByTestId("no-conversation")).toBeVisible();
  await agent.getByRole("button", { name: "Déconnecté" }).click();
  await expect(agent.getByTestId("presence")).toHaveText("Déconnecté");
}

test("a blacklisted tweet never reaches a Ready agent until an administrator releases it from «Filtrés»", async ({ browser }) => {
  const agent = await readyAgent(browser);
  const admin = await signIn(browser, "admin");
  const word = `zorglub${run}`;

  // A blacklist with one term, used by the demo campaign.
  await admin.goto("/admin/blacklists");
  await admin.getByRole("link", { name: "Nouvelle liste noire" }).click();
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill(`Injures ${run}`);
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/blacklists\/\d+$/);
  await admin.locator("#new-word").fill(word.toUpperCase());
  await admin.getByRole("button", { name: "Ajouter", exact: true }).click();
  await expect(admin.getByRole("cell", { name: word.toUpperCase() })).toBeVisible();

  const campaignPath = await openDemoCampaign(admin);
  await admin.getByRole("tab", { name: "Réception" }).click();
  await admin.getByLabel(`Injures ${run}`).check();
  await saveReception(admin);

  const text = `Relais, votre service est un vrai ${word} !`;
  await tweet(`angry_${run}`.slice(0, 15), text);

  // Stored as filtered: the campaign page counts it, the «Filtrés» list shows it as text.
  await expect(async () => {
    await admin.goto(campaignPath);
    await expect(admin.getByTestId("gate-filtered")).toContainText("1 message filtré");
  }).toPass({ timeout: 30_000 });
  await admin.getByRole("link", { name: "Voir les messages filtrés" }).click();
  const row = admin.getByRole("row", { name: new RegExp(word) });
  await expect(row).toContainText(text);
  await expect(row).toContainText(word.toUpperCase());
  await expect(row).toContainText(`Injures ${run}`);
  await shots(admin, "filtered");

  // Routing ran after the poll that stored it: the Ready agent still has nothing.
  await agent.reload();
  await expect(agent.getByTestId("no-conversation")).toBeVisible();
  await expect(agent.getByText(text)).toHaveCount(0);

  await row.getByRole("button", { name: "Libérer" }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText("Libérer le message de @angry_");
  await dialog.getByRole("button", { name: "Libérer" }).click();
  await expect(admin.getByText("Message libéré : il est dans la file d'attente.").first()).toBeVisible();
  await expect(admin.getByText("Aucun message filtré pour cette campagne")).toBeVisible();

  // Released into the queue: the agent gets it live.
  await expect(agent.getByTestId("message-in")).toContainText(text, { timeout: 30_000 });
  await qualifyAndLeave(agent);
});

test("a tweet arriving outside service hours is held, then queued at opening", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const schedule = `Bureau ${run}`;
  await admin.goto("/admin/schedules");
  await admin.getByRole("link", { name: "Nouveau planning" }).click();
  await admin.getByLabel("Nom du planning").fill(schedule);
  await admin.getByLabel("Lundi – Ouverture 1").fill("9");
  await admin.getByLabel("Lundi – Fermeture 1").fill("12");
  await admin.getByLabel("Lundi – Ouverture 2").fill("14");
  await admin.getByLabel("Lundi – Fermeture 2").fill("18");
  await admin.getByRole("button", { name: "Copier le lundi sur mardi–vendredi" }).click();
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/schedules$/);

  const campaignPath = await openDemoCampaign(admin);
  await admin.getByRole("tab", { name: "Réception" }).click();
  await admin.getByLabel("Horaires de service").selectOption({ label: schedule });
  await saveReception(admin);

  try {
    // Sunday 6 December 2026, 22:00 in Paris.
    await setClock(admin, { at: "2026-12-06T21:00:00Z" });
    const agent = await readyAgent(browser);
    const text = `Bonsoir relais, une question tardive ${run}`;
    await tweet(`night_${run}`.slice(0, 15), text);

    await expect(async () => {
      await admin.goto(campaignPath);
      await expect(admin.getByTestId("gate-held")).toContainText("1 message en attente d'ouverture");
    }).toPass({ timeout: 30_000 });
    await expect(admin.getByTestId("gate-state")).toContainText(/Fermée jusqu'au 7 déc\. 2026.*09:00/);
    await shots(admin, "campaign-closed");
    await agent.reload();
    await expect(agent.getByTestId("no-conversation")).toBeVisible();

    // Monday 09:00:30 in Paris: the campaign opens and the night's tweet enters the queue.
    await setClock(admin, { at: "2026-12-07T08:00:30Z" });
    await expect(agent.getByTestId("message-in")).toContainText(text, { timeout: 30_000 });
    await admin.goto(campaignPath);
    await expect(admin.getByTestId("gate-state")).toContainText("Ouverte");
    await expect(admin.getByTestId("gate-held")).toContainText("Aucun message en attente d'ouverture");
    await qualifyAndLeave(agent);
  } finally {
    // Leave the demo campaign as the other journeys expect it: open at any hour, real time.
    await setClock(admin, { reset: true });
    await admin.goto(campaignPath);
    await admin.getByRole("tab", { name: "Réception" }).click();
    await admin.getByLabel("Horaires de service").selectOption({ label: "Aucun planning (toujours active)" });
    await saveReception(admin);
  }
});
