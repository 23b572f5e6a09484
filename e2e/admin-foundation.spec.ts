import { expect } from "@playwright/test";
import { signIn, test } from "./helpers";

test("an administrator manages queues and databases, and every change is in the audit log", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/queues");
  await expect(admin.getByRole("cell", { name: "SOCIAL" })).toBeVisible();

  await admin.getByRole("link", { name: "Nouvelle file d'attente" }).click();
  await admin.getByLabel("Code ACD").fill("vip fr");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin.getByText("Lettres, chiffres, - et _ uniquement, 20 caractères au plus")).toBeVisible();
  await admin.getByLabel("Code ACD").fill("vip-fr");
  await admin.getByLabel("Description").fill("Clients VIP");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/queues$/);
  await expect(admin.getByRole("cell", { name: "VIP-FR" })).toBeVisible();

  // A second queue with the same code is refused by the database, with a field message.
  await admin.goto("/admin/queues/new");
  await admin.getByLabel("Code ACD").fill("VIP-FR");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin.getByText("Cette valeur est déjà utilisée").first()).toBeVisible();

  // Search and edit.
  await admin.goto("/admin/queues");
  await admin.getByPlaceholder("Rechercher…").fill("VIP");
  await admin.getByRole("button", { name: "Rechercher" }).click();
  await expect(admin.getByRole("row")).toHaveCount(2);
  await admin.getByRole("link", { name: "VIP-FR" }).click();
  await admin.getByLabel("Description").fill("Clients VIP France");
  await admin.getByRole("button", { name: "Enregistrer" }).click();
  await expect(admin.getByRole("cell", { name: "Clients VIP France" })).toBeVisible();

  // The queue used by the demo campaign cannot be archived; the new one can, after confirmation.
  await admin.goto("/admin/queues");
  await admin
    .getByRole("row", { name: /SOCIAL/ })
    .getByRole("button", { name: "Archiver" })
    .click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Archiver" }).click();
  await expect(admin.getByText(/utilisé par Démo Twitter/).first()).toBeVisible();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Annuler" }).click();
  await admin
    .getByRole("row", { name: /VIP-FR/ })
    .getByRole("button", { name: "Archiver" })
    .click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Archiver" }).click();
  await expect(admin.getByRole("cell", { name: "VIP-FR" })).toHaveCount(0);

  // Databases: a real schema per database.
  await admin.goto("/admin/databases");
  await expect(admin.getByRole("cell", { name: /Relais/ })).toBeVisible();
  await admin.getByLabel("Nom").fill("Prospects");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin.getByRole("cell", { name: "cdb_prospects" })).toBeVisible();

  // The audit log tells who did what.
  await admin.goto("/admin/audit?type=queue");
  await expect(admin.getByRole("row", { name: /Création.*VIP-FR/ })).toBeVisible();
  await expect(admin.getByRole("row", { name: /Modification.*VIP-FR/ })).toContainText("Clients VIP France");
  await expect(admin.getByRole("row", { name: /Archivage.*VIP-FR/ })).toBeVisible();
});

test("an agent is refused the administration pages", async ({ browser }) => {
  const agent = await signIn(browser, "1003");
  for (const path of ["/admin/queues", "/admin/queues/new", "/admin/databases", "/admin/audit"]) {
    expect((await agent.goto(path))?.status(), path).toBe(403);
  }
});

test("an administrator sets the default parameters applied to new campaigns", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/defaults");
  await admin.getByLabel("Base de données").selectOption({ label: "Relais" });
  await admin.getByLabel("Groupe de statuts d'appels").selectOption({ label: "Qualifications par défaut" });
  await admin.getByRole("button", { name: "Enregistrer" }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Groupe de statuts d'appels")).toHaveValue(/\d+/);
  await expect(admin.getByLabel("Planning de travail")).toHaveValue("");

  // A new campaign starts with them.
  await admin.goto("/admin/campaigns/new");
  await admin.locator("#name").fill("Campagne avec défauts");
  await admin.getByRole("button", { name: "Valider" }).click();
  await expect(admin).toHaveURL(/\/admin\/campaigns\/\d+/);
  await admin.getByRole("tab", { name: "Relation Client" }).click();
  await expect(admin.locator("#qualificationGroupId")).toHaveValue(/\d+/);
});
