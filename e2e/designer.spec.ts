import { expect, type Page } from "@playwright/test";
import { signIn, test } from "./helpers";

// Interface Designer, manual steps 1–4, as an administrator does them with the keyboard-usable
// controls (no drag and drop): build, customer file, variables, generate, preview.
test.describe.configure({ timeout: 180_000 });

async function addObject(page: Page, kind: string) {
  await page.getByLabel("Type d'objet").selectOption({ label: kind });
  await page.getByRole("button", { name: "Ajouter l'objet" }).click();
}

test("build a two-page script, connect its customer file, create its variables, generate and preview it", async ({ browser }) => {
  const page = await signIn(browser, "admin");
  page.on("dialog", (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  const suffix = Date.now().toString(36).toUpperCase();
  await page.goto("/designer");
  await page.getByRole("link", { name: "Créer un nouveau script" }).click();
  await page.getByLabel("Nom du script").fill(`Offre fibre ${suffix}`);
  await page.getByRole("button", { name: "Créer" }).click();
  await expect(page.getByRole("heading", { name: `Script « Offre fibre ${suffix} »` })).toBeVisible();

  // Page 1: an evaluated text, a required name field, a button.
  await page.getByLabel("Nom de la page").fill("Accueil");
  await addObject(page, "Texte");
  await page.getByLabel("Texte", { exact: true }).fill("Bonjour $NOM !");
  await page.getByLabel("Evaluer").check();
  await addObject(page, "Champ de saisie");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("NOM");
  await page.getByLabel("Libellé", { exact: true }).fill("Nom du client");
  await page.getByLabel("Obligatoire").check();
  await addObject(page, "Bouton");
  await page.getByLabel("Libellé", { exact: true }).fill("Suite");

  // Page 2: a checkbox and a closing button.
  await page.getByRole("button", { name: "Ajouter une page" }).click();
  await page.getByLabel("Nom de la page").fill("Conclusion");
  await addObject(page, "Case à cocher");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("OPTIN");
  await page.getByLabel("Libellé", { exact: true }).fill("Accepte l'offre");
  await addObject(page, "Bouton");
  await page.getByLabel("Libellé", { exact: true }).fill("Terminer");

  // Actions: go to the next page; save, qualify and end.
  await page.getByRole("button", { name: "Créer une action" }).click();
  await page.locator("#action-name-a1").fill("Vers conclusion");
  await page.locator("#a1-new").selectOption({ label: "Aller à la page" });
  await page.getByRole("button", { name: "Ajouter la commande" }).first().click();
  await page.locator("#a1-0-page").selectOption({ label: "Conclusion" });
  await page.getByRole("button", { name: "Créer une action" }).click();
  await page.locator("#action-name-a2").fill("Clore");
  for (const command of ["Enregistrer la fiche client", "Qualifier avec un statut", "Terminer la conversation"]) {
    await page.locator("#a2-new").selectOption({ label: command });
    await page.locator("#a2-new").locator("xpath=..").getByRole("button", { name: "Ajouter la commande" }).click();
  }
  await page.locator("#a2-1-status").fill("VENTE");

  // Buttons run the actions (chosen from existing ones only).
  await page.getByRole("button", { name: /^Sélectionner BUTTON_2/ }).click();
  await page.getByLabel("Action du bouton").selectOption({ label: "Clore" });
  await page.getByRole("button", { name: /^1\. Accueil/ }).click();
  await page.getByRole("button", { name: /^Sélectionner BUTTON_1/ }).click();
  await page.getByLabel("Action du bouton").selectOption({ label: "Vers conclusion" });
  await expect(page.getByText("Prêt à générer")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Script enregistré").first()).toBeVisible();

  // Step 2: customer file in the default database.
  await page.getByRole("link", { name: "2 – Fichier clients" }).click();
  await page.getByLabel("Table de données").fill(`C_E2E_${suffix}`);
  await page.getByRole("button", { name: "Tout sélectionner" }).click();
  await page.getByRole("button", { name: "Tout connecter" }).click();
  await expect(page.getByRole("cell", { name: "Lecture et écriture" })).toHaveCount(2);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const summary = page.getByRole("alertdialog");
  await expect(summary).toContainText("Colonnes ajoutées : NOM, OPTIN");
  await summary.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Fichier clients enregistré").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Colonnes de la table" })).toContainText("contact_guid");

  // Step 3: global variables.
  await page.getByRole("link", { name: "3 – Variables globales" }).click();
  await page.getByRole("button", { name: "Création Auto Variable" }).click();
  await expect(page.getByRole("cell", { name: "$NOM", exact: true })).toBeVisible();
  await expect(page.getByLabel("Source $NOM")).toHaveValue("customerFile");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page.getByText("Variables enregistrées").first()).toBeVisible();

  // Step 4: generate in Production.
  await page.getByRole("link", { name: "4 – Générer le script" }).click();
  await page.getByRole("radio", { name: /^Production/ }).check();
  await page.getByRole("button", { name: "Générer", exact: true }).click();
  await expect(page.getByText("Version de production n° 1 générée").first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Production n° 1" })).toBeVisible();

  // Preview the production version with a hostile sample value: it shows as typed.
  await page.getByRole("link", { name: "Aperçu" }).first().click();
  await page.getByLabel("Version exécutée").selectOption({ label: "Production n° 1" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/\?version=\d+/);
  await expect(page.getByLabel("Version exécutée")).toHaveValue(/\d+/);
  const script = page.locator("section[data-mode=preview]");
  // The version switch reloads the page: retry until the form is hydrated and restarts the run.
  await expect(async () => {
    await page.getByLabel("$NOM").fill("<img src=x onerror=alert(1)>");
    await page.getByRole("button", { name: "Recommencer avec ces valeurs" }).click();
    await expect(script.getByText("Bonjour <img src=x onerror=alert(1)> !")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(script.locator("img")).toHaveCount(0);
  await script.getByLabel("Nom du client").fill("Dupont");
  await expect(script.getByText("Bonjour Dupont !")).toBeVisible();
  await script.getByRole("button", { name: "Suite" }).click();
  await expect(script.getByRole("heading", { name: "Conclusion" })).toBeVisible();
  await script.getByLabel("Accepte l'offre").check();
  await script.getByRole("button", { name: "Terminer" }).click();
  const simulated = page.getByTestId("simulated-commands");
  await expect(simulated.getByRole("listitem")).toHaveText([
    /Enregistrement de la fiche client : NOM=Dupont, OPTIN=1/,
    "Qualification avec le statut VENTE",
    "Fin de la conversation",
  ]);
  await expect(script.getByText("Conversation terminée.")).toBeVisible();
});

test("an agent cannot open the Interface Designer", async ({ browser }) => {
  const agent = await signIn(browser, "1003");
  expect((await agent.goto("/designer"))?.status()).toBe(403);
});
