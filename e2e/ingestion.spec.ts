import { expect, type Page } from "@playwright/test";
import { chooseScript, quietFloor, shots, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

// Issue 9, ingestion: a trainer posts on /simulator as a customer of the demo Facebook page (a
// Messenger message and a comment on a page post); a running Facebook campaign reads both
// sources and stores each as a conversation, and its page lists the sources with their reads.

const FACEBOOK = {
  appId: "900000000000001",
  appSecret: "sim-demo-facebook-app-secret",
  pageAccessToken: "EAASimDemoRelaisPageAccessToken",
  pageId: "104000000000001",
};

async function save(page: Page) {
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Modifications enregistrées").first()).toBeVisible();
}

/** A field by its whole label; a required field's label ends with an asterisk. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));

async function postAsCustomer(page: Page, kind: RegExp, fill: Record<string, string>, select: Record<string, string> = {}) {
  await page.goto("/simulator");
  await page.getByRole("radio", { name: kind }).check();
  for (const [label, option] of Object.entries(select)) await field(page, label).selectOption({ label: option });
  for (const [label, value] of Object.entries(fill)) await field(page, label).fill(value);
  await page.getByRole("button", { name: "Publier" }).click();
  await expect(page.getByText("Message publié").first()).toBeVisible();
}

test("a Messenger message and a comment posted on /simulator each become a conversation of a Facebook campaign", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  const stamp = Date.now();

  // A Facebook campaign on the demo page, reading comments, checked every 10 s.
  await admin.goto("/admin/campaigns");
  await admin.getByRole("link", { name: "Ajout", exact: true }).click();
  await admin.getByLabel("Facebook", { exact: true }).check();
  await admin.getByLabel("Nom de la campagne").fill("E2E Facebook réception");
  await admin.getByRole("button", { name: "Valider" }).click();
  await expect(admin).toHaveURL(/\/admin\/campaigns\/\d+$/);
  const campaignUrl = admin.url();
  await admin.getByLabel("Clé API (identifiant de l'application)").fill(FACEBOOK.appId);
  await admin.getByLabel("Clé secrète", { exact: true }).fill(FACEBOOK.appSecret);
  await admin.getByLabel("Accès token (jeton de la page)").fill(FACEBOOK.pageAccessToken);
  await admin.getByLabel("Identifiant de la page").fill(FACEBOOK.pageId);
  await save(admin);

  await admin.getByRole("tab", { name: "Réception" }).click();
  await expect(admin).toHaveURL(/tab=reception/);
  await admin.getByLabel("File d'attente", { exact: true }).selectOption({ label: "SOCIAL — Réseaux sociaux — démo" });
  await admin.getByLabel("Vérification des nouveaux messages (secondes)").fill("10");
  await admin.getByLabel(/Vérification des nouveaux messages dans les publications/).check();
  // The two new fields of «Réception»: validated as typed.
  await admin.getByLabel("Attente préférée avant débordement (secondes)").fill("-3");
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Un nombre entier de secondes, de 0 à 86 400")).toBeVisible();
  await admin.getByLabel("Attente préférée avant débordement (secondes)").fill("45");
  await save(admin);

  await admin.getByRole("tab", { name: "Relation Client" }).click();
  // The tab change is a navigation (?tab=relation): choose once it has settled.
  await expect(admin).toHaveURL(/tab=relation/);
  await expect(admin.getByRole("tabpanel", { name: "Relation Client" })).toBeVisible();
  await chooseScript(admin, "Script démo");
  await admin.getByLabel("Qualifications", { exact: true }).selectOption({ label: "Qualifications par défaut" });
  await save(admin);
  // Saved and summarised (a toast of an earlier save may still be on screen): the script's light is green.
  await expect(admin.locator('[data-testid="campaign-summary"] li[data-element="script"]')).toHaveAttribute("data-light", "green");
  await admin.getByRole("button", { name: "Démarrer" }).click();
  await expect(admin.getByText("Démarrée", { exact: true })).toBeVisible();

  // The trainer writes as two customers of the page.
  const trainer = await signIn(browser, "admin");
  await postAsCustomer(trainer, /Message Messenger à la page/, {
    "Nom affiché": "Louise Martin",
    Texte: `Bonjour, ma carte ne marche plus ${stamp}`,
  });
  // A comment on a post the trainer creates on the spot.
  await postAsCustomer(
    trainer,
    /Commentaire sur une publication/,
    {
      "Texte de la nouvelle publication": `Nos horaires d'hiver ${stamp}`,
      "Nom affiché": "Paul Durand",
      Texte: `Et le dimanche, vous ouvrez ? ${stamp}`,
    },
    { Publication: "Nouvelle publication…" },
  );
  const facebook = trainer.getByTestId("sim-facebook");
  await expect(facebook).toContainText(`ma carte ne marche plus ${stamp}`);
  await expect(facebook).toContainText(`vous ouvrez ? ${stamp}`);
  await shots(trainer, "simulator");

  // The campaign reads both sources: each message stored once, as its own conversation.
  await admin.goto(campaignUrl);
  const panel = admin.getByTestId("sources-panel");
  await expect(panel.locator('[data-source="fb_messenger"]')).toContainText(/[1-9]\d* messages? enregistrés?/, { timeout: 30_000 });
  await expect(panel.locator('[data-source="fb_comments"]')).toContainText(/[1-9]\d* messages? enregistrés?/, { timeout: 30_000 });
  await expect(panel.locator('[data-source="fb_messenger"] [data-light]')).toHaveAttribute("data-light", "green");
  await expect(panel).toContainText("lectures non facturées");
  await expect(admin.locator('[data-testid="campaign-summary"] li[data-element="sources"]')).toHaveAttribute("data-light", "green");
  await shots(admin, "campaign-sources");

  // Stop it again, so that the other journeys' routing is unchanged.
  await admin.getByRole("button", { name: "Arrêter" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Arrêter" }).click();
  await expect(admin.getByText("Arrêtée", { exact: true })).toBeVisible();
});
