import { expect } from "@playwright/test";
import { signIn, test } from "./helpers";

test("an administrator creates a blacklist, imports keywords from a file, searches one and removes it", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/blacklists");
  await admin.getByRole("link", { name: "Nouvelle liste noire" }).click();
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill("Injures E2E");
  // The default database is preselected.
  await expect(admin.getByLabel("Base de données")).not.toHaveValue("");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/blacklists\/\d+$/);
  await expect(admin.getByRole("heading", { name: "Liste noire « Injures E2E »" })).toBeVisible();

  // A file as Windows writes it: BOM, CRLF, a blank line, a repeat in capitals, an accented word.
  const file = Buffer.from("\uFEFFArnaque\r\nÉpée noire\r\n\r\nARNAQUE\r\nEscroc\r\n", "utf8");
  await admin.getByLabel("Fichier (.txt ou .csv)").setInputFiles({ name: "mots.txt", mimeType: "text/plain", buffer: file });
  await admin.getByRole("button", { name: "Importer" }).click();
  const report = admin.getByRole("region", { name: "Rapport d'import : mots.txt" });
  await expect(report.getByRole("status")).toHaveText("Import terminé : 3 mots-clés ajoutés.");
  await expect(report.getByText("En double dans le fichier : 1")).toBeVisible();
  await expect(report.getByRole("row", { name: /^4 ARNAQUE/ })).toContainText("Ignoré : déjà à la ligne 1");
  await expect(report.getByRole("row", { name: /^2 Épée noire/ })).toContainText("Ajouté");

  const words = admin.locator("section").filter({ has: admin.getByRole("heading", { name: "Mots-clés", exact: true }) });
  await expect(words.getByRole("row")).toHaveCount(4); // header + 3 keywords

  // Search ignores case and accents.
  await words.getByPlaceholder("Rechercher…").fill("EPEE");
  await words.getByRole("button", { name: "Rechercher" }).click();
  await expect(words.getByRole("row")).toHaveCount(2);
  const row = words.getByRole("row", { name: /Épée noire/ });
  await row.getByRole("button", { name: "Retirer" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Retirer" }).click();
  await expect(words.getByText("Aucun résultat pour cette recherche.")).toBeVisible();

  await admin.goto("/admin/blacklists");
  await expect(admin.getByRole("row", { name: /Injures E2E/ })).toContainText("2");
});

test("an agent can neither open the blacklists nor post an import", async ({ browser }) => {
  const agent = await signIn(browser, "1003");
  expect((await agent.goto("/admin/blacklists"))?.status()).toBe(403);
  const response = await agent.request.post("/admin/blacklists/1/import", {
    multipart: { file: { name: "mots.txt", mimeType: "text/plain", buffer: Buffer.from("agent\n") } },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ ok: false, error: "errors.forbidden" });
});
