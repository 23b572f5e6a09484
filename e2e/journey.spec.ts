import { expect } from "@playwright/test";
import { quietFloor, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

test("a customer tweets, an agent sees it live, answers it and qualifies it", async ({ browser }) => {
  // What the supervisor's board counts for agent 1000 before (earlier journeys of the day may have had him work).
  const supervisor = await signIn(browser, "superviseur");
  await expect(supervisor).toHaveURL(/\/supervision$/);
  const handled = supervisor.getByRole("row", { name: /Agent 1000/ }).getByTestId("handled-today");
  const before = Number(await handled.textContent());

  const agent = await signIn(browser, "1000");
  await expect(agent).toHaveURL(/\/workspace$/);
  await agent.getByRole("button", { name: "Prêt" }).click();
  await expect(agent.getByTestId("presence")).toHaveText("Prêt");
  await expect(agent.getByTestId("no-conversation")).toContainText("En attente de messages");

  const admin = await signIn(browser, "admin");
  await admin.goto("/simulator");
  // It mentions the campaign's account, so X (2026) lets the agent answer in public.
  const text = `@relais_demo Bonjour relais, ma commande n'est pas arrivée <b>urgent</b> ${Date.now()}`;
  await admin.getByLabel("Identifiant (@handle)").fill("claire_b");
  await admin.getByLabel("Nom affiché").fill("Claire <script>alert(1)</script>");
  await admin.getByLabel("Texte").fill(text);
  await admin.getByRole("button", { name: "Publier" }).click();
  await expect(admin.getByTestId("sim-tweets")).toContainText(text);

  // The agent's page was not reloaded: the conversation arrives through the live stream.
  const conversation = agent.getByTestId("conversation");
  await expect(conversation).toBeVisible({ timeout: 30_000 });
  // Network content is shown as typed, never interpreted as HTML.
  await expect(agent.getByTestId("message-in")).toContainText(text);
  await expect(conversation).toContainText("Claire <script>alert(1)</script>");
  await expect(agent.locator("b", { hasText: "urgent" })).toHaveCount(0);

  const reply = `Bonjour Claire, nous regardons votre commande. ${Date.now()}`;
  await agent.getByTestId("reply-box").getByLabel("Votre réponse").fill(reply);
  await agent.getByRole("button", { name: "Envoyer" }).click();
  await expect(agent.getByTestId("message-out")).toContainText(reply);

  await agent.getByRole("combobox", { name: "Qualification" }).selectOption({ label: "Vente conclue (Positif)" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).click();
  await expect(agent.getByTestId("no-conversation")).toBeVisible();

  // The reply reached the network exactly once, as a reply to the customer's tweet.
  await admin.reload();
  await expect(admin.getByTestId("sim-replies")).toContainText(reply);
  const replies = await (await fetch(`${process.env.E2E_SIM_URL}/_sim/twitter/replies`)).json();
  const sent = replies.replies.filter((r: { text: string }) => r.text === reply);
  expect(sent).toHaveLength(1);
  const tweets = await (await fetch(`${process.env.E2E_SIM_URL}/_sim/twitter/tweets`)).json();
  const original = tweets.tweets.find((t: { text: string }) => t.text === text);
  expect(sent[0].inReplyToId).toBe(original.id);

  // The supervisor's board, live, counts the qualification.
  const row = supervisor.getByRole("row", { name: /Agent 1000/ });
  // Agent 1000's profile is not «Directement Prêt»: closing the conversation paused him.
  await expect(row).toContainText("Pause");
  await expect(handled).toHaveText(String(before + 1));
});
