import { expect, type Page } from "@playwright/test";
import { signIn, test } from "./helpers";

const stamp = Date.now().toString(36);

/** Fills one status block of the «Qualifications» tab. */
async function fillStatus(admin: Page, n: number, values: { code: string; label: string; category: string; benefit?: string }) {
  const block = admin.getByRole("group", { name: new RegExp(`^Statut ${n}\\b`) });
  await block.getByRole("textbox", { name: "Code", exact: true }).fill(values.code);
  await block.getByRole("textbox", { name: "Libellé", exact: true }).fill(values.label);
  await block.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: values.category });
  if (values.benefit) await block.getByRole("textbox", { name: "Bénéfice" }).fill(values.benefit);
  return block;
}

test("an administrator builds a qualification group with details and reorders it with the keyboard", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const name = `Ventes ${stamp}`;
  await admin.goto("/admin/qualifications");
  await expect(admin.getByTestId("non-retroactive-notice")).toContainText("ne sont pas rétroactifs");
  await admin.getByRole("link", { name: "Nouveau groupe de qualifications" }).click();

  // «Général»: name and currency (EUR by default).
  await admin.getByRole("textbox", { name: "Nom du groupe" }).fill(name);
  await expect(admin.getByRole("combobox", { name: "Devise" })).toHaveValue("EUR");
  await admin.getByRole("combobox", { name: "Devise" }).selectOption("CHF");

  // «Qualifications»: one status of each category, a detail under the first one.
  await admin.getByRole("tab", { name: "Qualifications" }).click();
  await expect(admin.getByTestId("non-retroactive-notice")).toContainText("garde le code, le libellé, la catégorie, le bénéfice");
  const sale = await fillStatus(admin, 1, { code: "VENTE", label: "Vente conclue", category: "Positif", benefit: "49,90" });
  await sale.getByRole("checkbox", { name: "Validation des quotas" }).check();
  await sale.getByRole("spinbutton", { name: "Quota" }).fill("20");
  await admin.getByRole("button", { name: "Ajout détail au statut 1" }).click();
  const detail = admin.getByRole("group", { name: "Détail 1 du statut 1" });
  await detail.getByRole("textbox", { name: "Code du détail" }).fill("ABO");
  await detail.getByRole("textbox", { name: "Libellé du détail" }).fill("Abonnement annuel");
  await admin.getByRole("button", { name: "Ajout qualif." }).click();
  await fillStatus(admin, 2, { code: "RAPPEL", label: "À rappeler", category: "Argumenté" });
  await admin.getByRole("button", { name: "Ajout qualif." }).click();
  await fillStatus(admin, 3, { code: "REFUS", label: "Refus", category: "Non Argumenté" });

  // Keyboard only: move REFUS up once; focus follows the moved status.
  await admin.getByRole("button", { name: "Monter le statut 3" }).focus();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("group", { name: /^Statut 2 — REFUS/ })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Monter le statut 2" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("group", { name: /^Statut 1 — REFUS/ })).toBeVisible();
  // At the top, focus moves to the button that can still act.
  await expect(admin.getByRole("button", { name: "Descendre le statut 1" })).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("group", { name: /^Statut 2 — REFUS/ })).toBeVisible();

  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/qualifications$/);
  const row = admin.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("CHF");
  await expect(row.getByRole("cell").nth(2)).toHaveText("3");

  // Reopened, the group has kept its order, its detail and its quota.
  await row.getByRole("link", { name }).click();
  await admin.getByRole("tab", { name: "Qualifications" }).click();
  await expect(admin.getByTestId("status").locator(":scope > legend")).toHaveText([
    "Statut 1 — VENTE",
    "Statut 2 — REFUS",
    "Statut 3 — RAPPEL",
  ]);
  await expect(admin.getByRole("group", { name: "Détail 1 du statut 1" }).getByRole("textbox", { name: "Libellé du détail" })).toHaveValue(
    "Abonnement annuel",
  );
  await expect(admin.getByRole("group", { name: /^Statut 1\b/ }).getByRole("spinbutton", { name: "Quota" })).toHaveValue("20");
  await expect(admin.getByTestId("non-retroactive-notice")).toBeVisible();
});

test("an agent qualifies with a detail the administrator added to a status", async ({ browser }) => {
  // INTERESSE (3rd demo status), so that the main journey's «Vente conclue» stays without details.
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/qualifications");
  await admin.getByRole("link", { name: "Qualifications par défaut" }).click();
  await admin.getByRole("tab", { name: "Qualifications" }).click();
  await expect(admin.getByRole("group", { name: /^Statut 3 — INTERESSE/ })).toBeVisible();
  await admin.getByRole("button", { name: "Ajout détail au statut 3" }).click();
  const detail = admin.getByRole("group", { name: "Détail 1 du statut 3" });
  await detail.getByRole("textbox", { name: "Code du détail" }).fill("DEVIS");
  await detail.getByRole("textbox", { name: "Libellé du détail" }).fill("Devis envoyé");
  await admin.getByRole("button", { name: "Enregistrer" }).click();
  await expect(admin).toHaveURL(/\/admin\/qualifications$/);

  // An agent of its own, paused at the end, so the other journeys' routing is unchanged.
  const agent = await signIn(browser, "1004");
  await agent.getByRole("button", { name: "Prêt" }).click();
  await expect(agent.getByTestId("presence")).toHaveText("Prêt");
  await admin.goto("/simulator");
  await admin.getByLabel("Identifiant (@handle)").fill("zoe_d");
  await admin.getByLabel("Texte").fill(`relais un devis svp ${stamp}`);
  await admin.getByRole("button", { name: "Publier" }).click();
  await expect(agent.getByTestId("conversation")).toBeVisible({ timeout: 30_000 });

  const qualification = agent.getByRole("combobox", { name: "Qualification" });
  await qualification.selectOption({ label: "Vente conclue (Positif)" });
  await expect(agent.getByRole("combobox", { name: "Détail" })).toHaveCount(0);
  await qualification.selectOption({ label: "Intéressé, à relancer (Argumenté)" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).click();
  await expect(agent.getByText("Choisissez un détail pour cette qualification").first()).toBeVisible();
  await agent.getByRole("combobox", { name: "Détail" }).selectOption({ label: "Devis envoyé" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).click();
  await expect(agent.getByTestId("no-conversation")).toBeVisible();
  // Not «Directement Prêt»: closing the conversation paused the agent.
  await expect(agent.getByTestId("presence")).toHaveText("Pause");
});

test("an administrator creates a distribution rule group with two rules", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const skillGroup = `Langues ${stamp}`;
  const skill = `Anglais ${stamp}`;
  await createSkill(admin, skillGroup, skill);

  const name = `Routage ${stamp}`;
  await admin.goto("/admin/distribution-rules");
  await admin.getByRole("link", { name: "Nouveau groupe de règles" }).click();
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill(name);

  const first = admin.getByRole("group", { name: "Règle 1" });
  await first.getByRole("combobox", { name: "Élément du message" }).selectOption({ label: "Langue de l'internaute" });
  await first.getByRole("combobox", { name: "Opérateur" }).selectOption({ label: "est" });
  await first.getByRole("textbox", { name: "Valeur" }).fill("EN");
  await expect(first).toContainText("Langue : anglais");
  await first.getByRole("combobox", { name: "Groupe de compétences" }).selectOption({ label: skillGroup });
  await first.getByRole("combobox", { name: "Compétence", exact: true }).selectOption({ label: skill });
  await first.getByRole("spinbutton", { name: "Niveau minimum" }).fill("3");

  await admin.getByRole("button", { name: "Ajouter une règle" }).click();
  const second = admin.getByRole("group", { name: "Règle 2" });
  await second.getByRole("combobox", { name: "Élément du message" }).selectOption({ label: "Nombre d'abonnés de l'auteur" });
  await second.getByRole("combobox", { name: "Opérateur" }).selectOption({ label: "au moins (≥)" });
  await second.getByRole("textbox", { name: "Valeur" }).fill("-4");
  await second.getByRole("combobox", { name: "Groupe de compétences" }).selectOption({ label: skillGroup });
  await second.getByRole("combobox", { name: "Compétence", exact: true }).selectOption({ label: skill });
  await second.getByRole("spinbutton", { name: "Niveau minimum" }).fill("8");

  // A bad value is pointed out on its field and nothing is saved.
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(second.getByRole("alert")).toHaveText("Nombre entier positif ou nul");
  await second.getByRole("textbox", { name: "Valeur" }).fill("10000");

  // The influencer rule goes first, with the keyboard.
  await admin.getByRole("button", { name: "Monter la règle 2" }).focus();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("group", { name: "Règle 1" }).getByRole("textbox", { name: "Valeur" })).toHaveValue("10000");

  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/distribution-rules$/);
  const row = admin.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");
  await row.getByRole("link", { name }).click();
  await expect(admin.getByRole("group", { name: "Règle 1" }).getByRole("combobox", { name: "Élément du message" })).toHaveValue(
    "followers",
  );
  await expect(admin.getByRole("group", { name: "Règle 2" }).getByRole("textbox", { name: "Valeur" })).toHaveValue("en");

  // The qualification group of the other journey is in its own list too.
  await admin.goto(`/admin/qualifications?q=${encodeURIComponent(`Ventes ${stamp}`)}`);
  await expect(admin.getByRole("row", { name: new RegExp(`Ventes ${stamp}`) })).toBeVisible();
});

test("an agent is refused the qualification and distribution pages", async ({ browser }) => {
  const agent = await signIn(browser, "1002");
  for (const path of ["/admin/qualifications", "/admin/qualifications/new", "/admin/distribution-rules", "/admin/distribution-rules/new"]) {
    const response = await agent.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

/** Skills are created in Human resources › Skills (the distribution form only picks them). */
async function createSkill(admin: Page, group: string, skill: string) {
  await admin.goto("/admin/skills");
  await admin.getByRole("button", { name: "Nouveau groupe de compétences" }).click();
  let dialog = admin.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Nom du groupe" }).fill(group);
  await dialog.getByRole("button", { name: "Créer" }).click();
  await expect(dialog).toBeHidden();
  const card = admin.getByRole("region", { name: group });
  await card.getByRole("button", { name: "Ajouter une compétence" }).click();
  dialog = admin.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Nom de la compétence" }).fill(skill);
  await dialog.getByRole("button", { name: "Créer" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText(skill);
}
