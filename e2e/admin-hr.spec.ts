import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { signIn, test } from "./helpers";

// One journey: each step needs what the previous one created (skill → agent, agents → group).
test("an administrator sets up skills, agents, the HR wizard, a supervisor and a supervision group", async ({ browser }) => {
  const admin = await signIn(browser, "admin");

  // Skills: a group, then a skill inside it.
  await admin.goto("/admin/skills");
  await admin.getByRole("button", { name: "Nouveau groupe de compétences" }).click();
  let dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Nom du groupe").fill("Langues E2E");
  await dialog.getByRole("button", { name: "Créer" }).click();
  await expect(dialog).toBeHidden();
  const group = admin.getByRole("region", { name: "Langues E2E" });
  await group.getByRole("button", { name: "Ajouter une compétence" }).click();
  dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Nom de la compétence").fill("Anglais");
  await dialog.getByRole("button", { name: "Créer" }).click();
  await expect(group.getByRole("row", { name: /Anglais/ })).toBeVisible();

  // An agent account with that skill; its password is shown once.
  await admin.goto("/admin/agents/new");
  await admin.getByLabel("Code agent").fill("2500");
  await admin.getByLabel("Nom").fill("Agent E2E");
  await admin.getByRole("tab", { name: "Compétences" }).click();
  await admin.getByRole("checkbox", { name: "Anglais" }).check();
  await admin.getByLabel("Niveau de Anglais").selectOption("8");
  await admin.getByRole("button", { name: "Créer" }).click();
  const shown = admin.getByRole("dialog", { name: "Compte 2500 créé" });
  await expect(shown).toContainText("il ne sera plus jamais affiché");
  const agentPassword = (await shown.getByTestId("credential-password").textContent())!.trim();
  expect(agentPassword).toHaveLength(16);
  await shown.getByRole("button", { name: "J'ai noté le mot de passe" }).click();
  await expect(admin).toHaveURL(/\/admin\/agents\/\d+$/);
  await expect(admin.getByTestId("credential-password")).toHaveCount(0);
  await findInList(admin, "/admin/agents", "2500", "Agent E2E");

  // The HR wizard: three agents, credentials on screen and as a CSV built in the browser.
  await admin.goto("/admin/agents/wizard");
  await admin.getByLabel("Codes agents").fill("2499-2501");
  await admin.getByRole("button", { name: "Créer les comptes" }).click();
  await expect(admin.getByTestId("wizard-taken")).toHaveText("Codes déjà utilisés : 2500. Aucun compte n'a été créé.");
  await admin.getByLabel("Codes agents").fill("2600-2602");
  await expect(admin.getByTestId("wizard-preview")).toContainText("3 comptes, de 2600 à 2602");
  await admin.getByRole("button", { name: "Créer les comptes" }).click();
  await expect(admin.getByText("3 comptes créés")).toBeVisible();
  const wizardPassword = (await admin.getByTestId("password-2601").textContent())!.trim();
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Télécharger le CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(`2601;Agent 2601;${wizardPassword}`);
  expect(csv.trim().split("\r\n")).toHaveLength(4);
  await findInList(admin, "/admin/agents", "2602", "Agent 2602");

  // A supervisor created directly, then a supervision group with it and one wizard agent.
  await admin.goto("/admin/supervisors/new");
  await admin.getByLabel("Identifiant").fill("chef.e2e");
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill("Chef E2E");
  await admin.getByRole("button", { name: "Créer" }).click();
  const supShown = admin.getByRole("dialog", { name: "Compte chef.e2e créé" });
  const supervisorPassword = (await supShown.getByTestId("credential-password").textContent())!.trim();
  await supShown.getByRole("button", { name: "J'ai noté le mot de passe" }).click();
  await findInList(admin, "/admin/supervisors", "chef.e2e", "Chef E2E");

  await admin.goto("/admin/supervision-groups/new");
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill("Équipe E2E");
  await admin.getByRole("checkbox", { name: "Chef E2E (chef.e2e)" }).check();
  await admin.getByRole("checkbox", { name: "Agent 2600 (2600)" }).check();
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/supervision-groups$/);
  await findInList(admin, "/admin/supervision-groups", "Équipe E2E", "Chef E2E");

  // A wizard agent signs in with the password shown once.
  const agent = await signIn(browser, "2601", wizardPassword);
  await expect(agent).toHaveURL(/\/workspace$/);
  const single = await signIn(browser, "2500", agentPassword);
  await expect(single).toHaveURL(/\/workspace$/);

  // The supervisor sees the agents of its group only.
  const supervisor = await signIn(browser, "chef.e2e", supervisorPassword);
  await expect(supervisor).toHaveURL(/\/supervision$/);
  await expect(supervisor.getByRole("row", { name: /Agent 2600/ })).toBeVisible();
  await expect(supervisor.getByRole("row", { name: /Agent 1000/ })).toHaveCount(0);
});

test("an agent is refused the HR pages", async ({ browser }) => {
  const agent = await signIn(browser, "1001");
  for (const path of ["/admin/agents", "/admin/agents/wizard", "/admin/skills", "/admin/supervisors", "/admin/supervision-groups"]) {
    expect((await agent.goto(path))?.status(), path).toBe(403);
  }
});

async function findInList(page: Page, path: string, search: string, expected: string) {
  await page.goto(path);
  await page.getByRole("search").getByRole("textbox").fill(search);
  await page.getByRole("search").getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("row", { name: new RegExp(search) })).toContainText(expected);
}
