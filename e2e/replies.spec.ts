import { expect, type Page } from "@playwright/test";
import { chooseScript, quietFloor, ready, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

// Replies the network allows, and why (issue 10): the reply box says before typing which answers
// are possible; every send goes through the outbox and the simulator keeps what reached it.

const sim = (path: string, init?: RequestInit) =>
  fetch(`${process.env.E2E_SIM_URL}${path}`, { ...init, headers: { "content-type": "application/json" } }).then((r) => r.json());

const FACEBOOK_APP = { appId: "900000000000001", appSecret: "sim-demo-facebook-app-secret" };

async function closeConversation(page: Page) {
  await page.getByRole("combobox", { name: "Qualification" }).selectOption({ label: "Information donnée (Argumenté)" });
  await page.getByRole("button", { name: "Qualifier et clôturer" }).click();
  await expect(page.getByTestId("no-conversation")).toBeVisible();
}

async function send(page: Page, text: string) {
  const box = page.getByTestId("reply-box");
  await box.getByLabel("Votre réponse").fill(text);
  await box.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(box.getByTestId("send").filter({ hasText: text })).toHaveAttribute("data-state", "sent", { timeout: 30_000 });
}

test("a mention gets a public reply; a keyword hit offers a DM and refuses a public reply with the reason", async ({ browser }) => {
  test.setTimeout(240_000);
  const agent = await signIn(browser, "1001");
  await ready(agent, { onWorkspace: true });
  const stamp = Date.now();

  const mention = `@relais_demo relais, mon colis est abîmé ${stamp}`;
  await sim("/_sim/twitter/tweets", {
    method: "POST",
    body: JSON.stringify({ authorHandle: "nina_r", authorName: "Nina", text: mention }),
  });
  await expect(agent.getByTestId("message-in")).toContainText(mention, { timeout: 30_000 });
  const box = agent.getByTestId("reply-box");
  await expect(box.getByTestId("answer-x_reply")).toHaveAttribute("data-allowed", "true");
  await expect(box.getByRole("radio", { name: /Réponse publique/ })).toBeChecked();
  await box.getByLabel("Votre réponse").fill("é".repeat(281));
  await expect(box.getByTestId("char-count")).toContainText("1 caractère de trop");
  const reply = `Désolés Nina, nous vous écrivons en privé. ${stamp}`;
  await send(agent, reply);
  const replies = (await sim("/_sim/twitter/replies")).replies.filter((r: { text: string }) => r.text === reply);
  expect(replies).toHaveLength(1);
  await closeConversation(agent);
  // Closing pauses an agent whose profile is not «Directement Prêt»: he goes Ready for the next one.
  await ready(agent, { onWorkspace: true });

  const keyword = `relais : quels sont vos horaires ? ${stamp}`;
  await sim("/_sim/twitter/tweets", {
    method: "POST",
    body: JSON.stringify({ authorHandle: "paul_k", authorName: "Paul", text: keyword }),
  });
  await expect(agent.getByTestId("message-in")).toContainText(keyword, { timeout: 30_000 });
  const publicReply = box.getByTestId("answer-x_reply");
  await expect(publicReply).toHaveAttribute("data-allowed", "false");
  await expect(publicReply).toContainText(
    "depuis février 2026, X n'accepte une réponse que si le message mentionne ou cite le compte de la campagne",
  );
  await expect(box.getByRole("radio", { name: /Réponse publique/ })).toBeDisabled();
  await expect(box.getByRole("radio", { name: /Message privé/ })).toBeChecked();
  await expect(box.getByTestId("char-count")).toContainText(/0 \/ 10\s?000 caractères/);

  for (const width of [1280, 1920]) {
    await agent.setViewportSize({ width, height: 1000 });
    await box.screenshot({ path: `test-results/reply-box-${width}.png` });
    await agent.screenshot({ path: `test-results/workspace-reply-${width}.png`, fullPage: true });
  }
  const dm = `Bonjour Paul, nous sommes ouverts de 9 h à 18 h. ${stamp}`;
  await send(agent, dm);
  const dms = (await sim("/_sim/twitter/dms")).dms.filter((d: { text: string }) => d.text === dm);
  expect(dms).toHaveLength(1);
  expect(dms[0]).toMatchObject({ recipientHandle: "paul_k", fromApp: true });
  await expect(agent.getByTestId("message-out").filter({ hasText: dm })).toBeVisible();

  // An email from the campaign's template, through SMTP to the simulator's listener.
  // The demo's root settings already point SMTP at the simulator's listener (lib/demo).
  const email = box.getByTestId("email-form");
  await email.locator("summary").click();
  await email.getByLabel("Modèle de mail").selectOption({ label: "Suivi par email" });
  await email.getByLabel("Destinataire").fill("paul@example.com");
  await email.getByRole("button", { name: "Envoyer l'email" }).click();
  await expect(box.getByTestId("send").filter({ hasText: "Votre demande sur X, Paul" })).toHaveAttribute("data-state", "sent", {
    timeout: 30_000,
  });
  const mails = (await sim("/_sim/mails")).mails.filter((m: { subject: string }) => m.subject === "Votre demande sur X, Paul");
  expect(mails).toHaveLength(1);
  expect(mails[0].to).toEqual(["paul@example.com"]);
  expect(mails[0].text).toContain("Agent 1001, de l'équipe Démo Twitter");
  const admin = await signIn(browser, "admin");
  await admin.goto("/simulator");
  await expect(admin.getByTestId("sim-mails")).toContainText("Objet : Votre demande sur X, Paul");
  await expect(admin.getByTestId("sim-dms")).toContainText(dm);
  await closeConversation(agent);
  // Closing paused him (not «Directement Prêt»): nothing more is offered to him.
  await expect(agent.getByTestId("presence")).toHaveText("Pause");
});

test("a Messenger message over 7 days old cannot be answered, and the agent is told why; a recent one and a page comment are answered", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A page of its own on the simulator, and a customer who wrote 8 days ago.
  const page = await sim("/_sim/facebook/pages", { method: "POST", body: JSON.stringify({ name: "Page E2E Messenger" }) });
  await sim("/_sim/facebook/messages", {
    method: "POST",
    body: JSON.stringify({ authorName: "Odile Ancienne", text: "Bonjour, ma facture ?", pageId: page.pageId, ageHours: 8 * 24 }),
  });

  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/campaigns");
  await admin.getByRole("link", { name: "Ajout", exact: true }).click();
  await admin.getByLabel("Facebook", { exact: true }).check();
  await admin.getByLabel("Nom de la campagne").fill("E2E Messenger");
  await admin.getByRole("button", { name: "Valider" }).click();
  await expect(admin).toHaveURL(/\/admin\/campaigns\/\d+$/);
  await admin.getByLabel("Clé API (identifiant de l'application)").fill(FACEBOOK_APP.appId);
  await admin.getByLabel("Clé secrète", { exact: true }).fill(FACEBOOK_APP.appSecret);
  await admin.getByLabel("Accès token (jeton de la page)").fill(page.token);
  await admin.getByLabel("Identifiant de la page").fill(page.pageId);
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
  await admin.getByRole("tab", { name: "Réception" }).click();
  // A tab change is a navigation (?tab=…): fill the form once it has settled.
  await expect(admin).toHaveURL(/tab=reception/);
  await admin.getByLabel("File d'attente", { exact: true }).selectOption({ label: "SOCIAL — Réseaux sociaux — démo" });
  await admin.getByRole("spinbutton", { name: "Vérification des nouveaux messages (secondes)" }).fill("10");
  await admin.getByLabel(/Vérification des nouveaux messages dans les publications/).check();
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

  const agent = await signIn(browser, "1002");
  await ready(agent, { onWorkspace: true });
  await expect(agent.getByTestId("message-in")).toContainText("Bonjour, ma facture ?", { timeout: 30_000 });
  const box = agent.getByTestId("reply-box");
  const messenger = box.getByTestId("answer-messenger");
  await expect(messenger).toHaveAttribute("data-allowed", "false");
  await expect(messenger).toContainText("plus de 7 jours depuis le dernier message de l'internaute");
  await expect(box.getByTestId("listen-only")).toBeVisible();
  await expect(box.getByLabel("Votre réponse")).toHaveCount(0);
  for (const width of [1280, 1920]) {
    await agent.setViewportSize({ width, height: 900 });
    await box.screenshot({ path: `test-results/reply-box-messenger-${width}.png` });
  }
  await closeConversation(agent);
  // Closing paused him (his profile is not «Directement Prêt»): Ready for the next one.
  await ready(agent, { onWorkspace: true });

  // Within the window the same campaign answers, and the page's Messenger thread has it once.
  await sim("/_sim/facebook/messages", {
    method: "POST",
    body: JSON.stringify({ authorName: "Rémi Récent", text: "Bonjour, livraison ?", pageId: page.pageId }),
  });
  await expect(agent.getByTestId("message-in")).toContainText("Bonjour, livraison ?", { timeout: 30_000 });
  await expect(box.getByTestId("answer-messenger")).toHaveAttribute("data-allowed", "true");
  const answer = `Bonjour Rémi, elle arrive demain. ${Date.now()}`;
  await send(agent, answer);
  const sent = (await sim("/_sim/facebook/messages")).messages.filter((m: { text: string }) => m.text === answer);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ fromPage: true, fromApp: true });
  await closeConversation(agent);
  await ready(agent, { onWorkspace: true });

  // A comment under the page's post: a public reply under it, or one private reply by Messenger.
  const post = await sim("/_sim/facebook/posts", { method: "POST", body: JSON.stringify({ text: "Nos nouveautés", pageId: page.pageId }) });
  await sim("/_sim/facebook/comments", {
    method: "POST",
    body: JSON.stringify({ authorName: "Chloé Commente", text: "Et en magasin, c'est possible ?", objectId: post.id }),
  });
  await expect(agent.getByTestId("message-in")).toContainText("Et en magasin, c'est possible ?", { timeout: 30_000 });
  await expect(box.getByTestId("answer-fb_comment_reply")).toHaveAttribute("data-allowed", "true");
  await expect(box.getByTestId("answer-fb_private_reply")).toHaveAttribute("data-allowed", "true");
  await expect(box.getByRole("radio", { name: /Réponse au commentaire/ })).toBeChecked();
  const commentReply = `Oui Chloé, en magasin aussi. ${Date.now()}`;
  await send(agent, commentReply);
  const replies = (await sim("/_sim/facebook/comments")).comments.filter((c: { text: string }) => c.text === commentReply);
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({ fromApp: true, postId: post.id });
  await closeConversation(agent);
  await expect(agent.getByTestId("presence")).toHaveText("Pause");
});
