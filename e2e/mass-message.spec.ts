import { expect } from "@playwright/test";
import { chooseScript, shots, signIn, test } from "./helpers";

// Issue 12, «Envoyer un message»: an administrator composes a Facebook mass message, previews it as
// Messenger shows it, sends it to 200 contacts inside their 24-hour window and watches the
// progress bar reach 100 %; the 5 contacts outside the window are listed as not sendable.
// The report is paged; the demo supervisor, given the mass-message right, reaches the send from the
// «Messages en masse» section and publishes a page post. The campaign has a page and a queue of its own, with no agent, so no other journey's routing
// sees its 205 conversations.

const sim = (path: string, init?: RequestInit) =>
  fetch(`${process.env.E2E_SIM_URL}${path}`, { ...init, headers: { "content-type": "application/json" } }).then((r) => r.json());

const FACEBOOK_APP = { appId: "900000000000001", appSecret: "sim-demo-facebook-app-secret" };

test("an administrator sends a mass message to 200 Messenger contacts and sees who could not get it", async ({ browser }) => {
  test.setTimeout(600_000);
  const stamp = Date.now();
  const page = await sim("/_sim/facebook/pages", { method: "POST", body: JSON.stringify({ name: `Page E2E masse ${stamp}` }) });
  await sim("/_sim/facebook/messages/bulk", {
    method: "POST",
    body: JSON.stringify({ count: 200, namePrefix: `Client ${stamp}`, text: "Bonjour, je voudrais des nouvelles", pageId: page.pageId }),
  });
  await sim("/_sim/facebook/messages/bulk", {
    method: "POST",
    body: JSON.stringify({ count: 5, namePrefix: `Ancien ${stamp}`, text: "Bonjour", pageId: page.pageId, ageHours: 30 }),
  });

  const admin = await signIn(browser, "admin");
  // A queue of its own: nobody works it, so the 205 conversations stay out of the demo's routing.
  await admin.goto("/admin/queues/new");
  await admin.getByLabel("Code ACD").fill(`MASSE${stamp % 100000}`);
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/queues$/);

  await admin.goto("/admin/campaigns");
  await admin.getByRole("link", { name: "Ajout", exact: true }).click();
  await admin.getByLabel("Facebook", { exact: true }).check();
  await admin.getByLabel("Nom de la campagne").fill(`E2E masse ${stamp}`);
  await admin.getByRole("button", { name: "Valider" }).click();
  await expect(admin).toHaveURL(/\/admin\/campaigns\/\d+$/);
  const campaignUrl = admin.url();
  await admin.getByLabel("Clé API (identifiant de l'application)").fill(FACEBOOK_APP.appId);
  await admin.getByLabel("Clé secrète", { exact: true }).fill(FACEBOOK_APP.appSecret);
  await admin.getByLabel("Accès token (jeton de la page)").fill(page.token);
  await admin.getByLabel("Identifiant de la page").fill(page.pageId);
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
  await admin.getByRole("tab", { name: "Réception" }).click();
  await expect(admin).toHaveURL(/tab=reception/);
  await admin.getByLabel("File d'attente", { exact: true }).selectOption({ label: `MASSE${stamp % 100000}` });
  await admin.getByRole("spinbutton", { name: "Vérification des nouveaux messages (secondes)" }).fill("10");
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
  await admin.getByRole("tab", { name: "Relation Client" }).click();
  await expect(admin).toHaveURL(/tab=relation/);
  await chooseScript(admin, "Script démo");
  await admin.getByLabel("Qualifications", { exact: true }).selectOption({ label: "Qualifications par défaut" });
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
  // Saved and summarised (a toast of an earlier save may still be on screen): the script's light is green.
  await expect(admin.locator('[data-testid="campaign-summary"] li[data-element="script"]')).toHaveAttribute("data-light", "green");
  await admin.getByRole("button", { name: "Démarrer" }).click();
  await expect(admin.getByText("Démarrée", { exact: true })).toBeVisible();

  // The fifth tab; the composer counts recipients once the page's 205 threads are ingested.
  await admin.getByRole("tab", { name: "Envoyer un message" }).click();
  await admin.getByRole("link", { name: "Nouveau message" }).click();
  await expect(admin).toHaveURL(/\/mass-message$/);
  await admin.getByLabel("Texte").fill("Bonjour $AUTEUR, -20 % chez $CAMPAGNE jusqu'à dimanche");
  await admin.getByRole("button", { name: "Ajouter une carte (image, titre, boutons)" }).click();
  // The whole label (a required field's ends with an asterisk), not «Sous-titre».
  await admin.getByLabel(/^Titre\s*\*?$/).fill("Soldes d'hiver");
  await admin.getByLabel("Sous-titre").fill("Jusqu'à dimanche");
  await admin.getByRole("button", { name: "Ajouter un bouton" }).click();
  await admin.getByLabel("Libellé du bouton").fill("Voir les offres");
  await admin.getByLabel("URL du bouton").fill("https://example.com/soldes");
  const count = admin.getByTestId("recipient-count");
  // The count is read again every 10 s while the campaign ingests the page's threads (2 reads a second).
  await expect(count).toContainText("205 destinataires", { timeout: 120_000 });
  await expect(count).toContainText("200 envoyables maintenant");
  await expect(count).toContainText("5 non envoyables");
  await expect(count).toContainText("Hors fenêtre de 24 h : 5");

  await admin.getByRole("button", { name: "Aperçu" }).click();
  const preview = admin.getByTestId("messenger-preview");
  await expect(preview).toContainText(`Bonjour Client ${stamp}`);
  await expect(preview).toContainText(`-20 % chez E2E masse ${stamp}`);
  await expect(preview).toContainText("Soldes d'hiver");
  await expect(preview.getByRole("link", { name: "Voir les offres" })).toHaveAttribute("href", "https://example.com/soldes");
  await shots(admin, "mass-message-compose");

  await admin.getByRole("button", { name: "Envoyer", exact: true }).click();
  const dialog = admin.getByRole("alertdialog");
  await expect(dialog).toContainText("200 personnes le recevront");
  await dialog.getByRole("button", { name: "Envoyer" }).click();
  await expect(admin).toHaveURL(/\/mass-message\/\d+$/);
  const bar = admin.getByRole("progressbar", { name: "Progression" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 120_000 });
  await expect(admin.getByTestId("mass-message-status")).toHaveText("Terminé");
  await expect(admin.getByTestId("mass-message-progress")).toContainText("205 sur 205 traités");
  await shots(admin, "mass-message-progress");

  // The report per recipient is paged on the server (100 a page), and filtered by state.
  const pager = admin.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText("205 résultats");
  await expect(pager).toContainText("Page 1 sur 3");
  await expect(admin.getByRole("row")).toHaveCount(101);
  await pager.getByRole("link", { name: "Suivant" }).click();
  await expect(pager).toContainText("Page 2 sur 3");
  await pager.getByRole("link", { name: "Suivant" }).click();
  await expect(pager).toContainText("Page 3 sur 3");
  await expect(admin.getByRole("row")).toHaveCount(6);

  // The not-sendable list says why; the simulator received each of the 200 once (a text and a card).
  await admin.getByRole("link", { name: "Non envoyable", exact: true }).click();
  await expect(admin.getByRole("row")).toHaveCount(6);
  await expect(admin.getByRole("cell", { name: "Hors fenêtre de 24 h" })).toHaveCount(5);
  const id = admin.url().match(/mass-message\/(\d+)/)![1];
  const sent = await sim(`/_sim/facebook/sent?metadataPrefix=${encodeURIComponent(`relais-mm:${id}:`)}`);
  expect(sent.total).toBe(400);
  expect(Object.values(sent.byRecipient as Record<string, number>).every((n) => n === 2)).toBe(true);
  expect(Object.keys(sent.byRecipient)).toHaveLength(200);

  // Issue 12 item 6: the demo supervisor is given the mass-message right on his page; outside
  // /admin (which stays closed to him) he finds the campaign, its send, and starts one himself.
  const giveRight = async (on: boolean) => {
    await admin.goto("/admin/supervisors");
    await admin.getByRole("link", { name: "superviseur", exact: true }).click();
    const box = admin.getByLabel("Envoyer un message en masse (Facebook)");
    if (on) await box.check();
    else await box.uncheck();
    await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(admin).toHaveURL(/\/admin\/supervisors$/);
  };
  await giveRight(true);
  const supervisor = await signIn(browser, "superviseur");
  await supervisor.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Messages en masse" }).click();
  await expect(supervisor).toHaveURL(/\/mass-message$/);
  await shots(supervisor, "mass-message-section");
  await supervisor.getByRole("link", { name: `E2E masse ${stamp}` }).click();
  await supervisor.getByRole("link", { name: "Suivre" }).first().click();
  await expect(supervisor).toHaveURL(new RegExp(`/mass-message/\\d+/${id}$`));
  await expect(supervisor.getByTestId("mass-message-progress")).toContainText("205 sur 205 traités");
  await expect(supervisor.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 sur 3");
  await shots(supervisor, "mass-message-section-progress");
  await supervisor.getByRole("link", { name: "Retour à la campagne" }).click();
  await supervisor.getByRole("link", { name: "Nouveau message" }).click();
  await supervisor.getByLabel("Type d'envoi").selectOption({ label: "Publication sur la page" });
  await supervisor.getByLabel("Texte").fill(`Portes ouvertes samedi ${stamp}`);
  await supervisor.getByRole("button", { name: "Envoyer", exact: true }).click();
  await supervisor.getByRole("alertdialog").getByRole("button", { name: "Envoyer" }).click();
  await expect(supervisor).toHaveURL(/\/mass-message\/\d+\/\d+$/);
  await expect(supervisor.getByTestId("mass-message-status")).toHaveText("Terminé", { timeout: 60_000 });
  const posts = await sim(`/_sim/facebook/posts?limit=50`);
  expect(JSON.stringify(posts).split(`Portes ouvertes samedi ${stamp}`).length - 1).toBe(1);
  const forbidden = await supervisor.goto(campaignUrl);
  expect(forbidden?.status()).toBe(403);
  // The right taken away again (the journeys share the demo workspace): the entry is gone.
  await giveRight(false);
  await supervisor.goto("/supervision");
  await expect(supervisor).toHaveURL(/\/(supervision|login)/);
  if (supervisor.url().includes("/supervision"))
    await expect(
      supervisor.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Messages en masse" }),
    ).toHaveCount(0);

  // The campaign goes back to stopped, so that it polls nothing for the next journeys.
  await admin.goto(campaignUrl);
  await admin.getByRole("button", { name: "Arrêter" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Arrêter" }).click();
  await expect(admin.getByText("Arrêtée", { exact: true })).toBeVisible();
});
