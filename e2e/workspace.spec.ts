import { expect } from "@playwright/test";
import { quietFloor, shots, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

// Agent 1003 (demo seed): capacity 2, «Directement Prêt», personal callbacks allowed; the demo
// campaign's script greets the author by name and saves a city to the customer file C_DEMO.
const sim = (path: string, body: unknown) =>
  fetch(`${process.env.E2E_SIM_URL}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function tweet(handle: string, name: string, text: string) {
  const res = await sim("_sim/twitter/tweets", { authorHandle: handle, authorName: name, text });
  expect(res.ok, await res.text()).toBe(true);
}

test("an agent with capacity 2 works a keyword hit and a mention side by side: answers allowed, keyboard, script, customer file, responses, personal callback", async ({
  browser,
}) => {
  const stamp = Date.now();
  const tag = String(stamp).slice(-8); // handles: 15 characters at most
  const agent = await signIn(browser, "1003");
  await expect(agent).toHaveURL(/\/workspace$/);
  await agent.getByRole("button", { name: "Prêt" }).click();
  await expect(agent.getByTestId("presence")).toHaveText("Prêt");

  await tweet(`al${tag}`, "Alice Martin", `relais : ma commande ${stamp} ?`);
  // Bruno names the campaign's account (read by the keyword search or as a mention, whichever runs first).
  await tweet(`br${tag}`, "Bruno Petit", `@relais_demo relais, une question ${stamp}`);

  // Both arrive live, side by side in the list.
  const items = agent.getByTestId("conversation-item");
  await expect(items).toHaveCount(2, { timeout: 30_000 });
  await expect(items.nth(0)).toContainText("Alice Martin");
  await expect(items.nth(1)).toContainText("Bruno Petit");
  await expect(items.nth(0)).toContainText("Mot-clé");
  await expect(agent.getByTestId("keyboard-hint")).toContainText("Alt+↓");

  // Side by side, the answers X allows (2026): Bruno's mention in public, Alice's keyword hit only
  // by DM, with the reason given before anything is typed.
  const conversationOf = (text: string) => agent.locator('[data-testid="conversation"]', { has: agent.getByText(text) });
  const aliceAnswers = conversationOf(`ma commande ${stamp}`).getByTestId("reply-box");
  await expect(aliceAnswers.getByTestId("answer-x_reply")).toHaveAttribute("data-allowed", "false");
  await expect(aliceAnswers.getByTestId("answer-x_reply")).toContainText("X n'accepte une réponse que si le message mentionne");
  await expect(aliceAnswers.getByTestId("answer-x_dm")).toHaveAttribute("data-allowed", "true");
  const brunoAnswers = conversationOf(`une question ${stamp}`).getByTestId("reply-box");
  await expect(brunoAnswers.getByTestId("answer-x_reply")).toHaveAttribute("data-allowed", "true");
  await shots(agent, "workspace");

  // Keyboard navigation between the two conversations.
  const shown = agent.locator('[data-active="true"]');
  await expect(shown.getByTestId("author")).toContainText("Alice Martin");
  await agent.keyboard.press("Alt+ArrowDown");
  await expect(shown.getByTestId("author")).toContainText("Bruno Petit");
  await expect(items.nth(1)).toHaveAttribute("aria-current", "true");
  // Each conversation's unread dot clears once it has been on screen.
  await expect(items.nth(0).getByTestId("unread")).toHaveCount(0);
  await expect(items.nth(1).getByTestId("unread")).toHaveCount(0);
  await agent.keyboard.press("Alt+ArrowUp");
  await expect(shown.getByTestId("author")).toContainText("Alice Martin");

  // The script: «Evaluer» shows the author's name; a required field blocks the save, then saves.
  const script = shown.getByTestId("script");
  await expect(script).toContainText("Bonjour Alice Martin, merci de nous écrire.");
  await script.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(script.getByText("Corrigez les champs : VILLE")).toBeVisible();
  await expect(script.getByText("Champ obligatoire")).toBeVisible();
  await script.getByLabel("Ville du client").fill("Lyon");
  await script.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(agent.getByText("Fiche client enregistrée").first()).toBeVisible();

  // A predefined response, from the keyboard, lands in the reply box with $AUTEUR filled.
  const reply = shown.getByTestId("reply-box").getByLabel("Votre réponse");
  await reply.fill("Merci. ");
  await agent.keyboard.press("Alt+r");
  await agent.keyboard.type("Remerciement");
  await agent.keyboard.press("Enter");
  await expect(reply).toHaveValue("Merci. Bonjour Alice Martin, merci pour votre message ! Nous revenons vers vous rapidement.");

  // The script closes the conversation (saves, qualifies «Information donnée», ends).
  await script.getByRole("button", { name: "Information donnée" }).click();
  await expect(items).toHaveCount(1);
  await expect(agent.getByTestId("presence")).toHaveText("Prêt");

  // Alice writes again: her new conversation finds the city saved in the customer file.
  await tweet(`al${tag}`, "Alice Martin", `relais : encore moi ${stamp}`);
  await expect(items).toHaveCount(2, { timeout: 30_000 });
  const alice = agent.locator('[data-testid="conversation"]', { has: agent.getByText(`encore moi ${stamp}`) });
  await items.filter({ hasText: "Alice Martin" }).click();
  await expect(alice.getByTestId("script").getByLabel("Ville du client")).toHaveValue("Lyon");
  await expect(alice.getByTestId("history")).toContainText("Information donnée");

  // A personal callback on Bruno's conversation: it leaves now and comes back to this agent at its time.
  await items.filter({ hasText: "Bruno Petit" }).click();
  const bruno = agent.locator('[data-active="true"]');
  const due = await agent.evaluate(() => {
    const d = new Date(Date.now() + 8_000);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  });
  await bruno.getByLabel("Date et heure du rappel").fill(due);
  await expect(bruno.getByLabel("Rappel personnel (la conversation me revient)")).toBeChecked();
  await bruno.getByRole("button", { name: "Programmer le rappel" }).click();
  await expect(items.filter({ hasText: "Bruno Petit" })).toHaveCount(0);
  await expect(items.filter({ hasText: "Bruno Petit" })).toHaveCount(1, { timeout: 40_000 });
});
