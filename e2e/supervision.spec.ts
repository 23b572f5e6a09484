import { expect, type Page } from "@playwright/test";
import { postTweet, quietFloor, ready, shots, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

// The supervisor's wallboard: he watches agent 1003 go Ready, receive a tweet, answer and
// qualify it, the board updating live (never reloaded); then reassigns a second conversation to
// agent 1004. Works on the demo campaign with the demo team (the supervisor's group), from a
// quiet floor (every demo agent Offline); at the end what was opened is qualified and both
// agents go Offline, so the next journey finds the queue as it was.

async function qualify(agent: Page) {
  await agent.getByRole("combobox", { name: "Qualification" }).selectOption({ label: "Vente conclue (Positif)" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).click();
}

test("a supervisor watches an agent receive, answer and qualify live, then reassigns a conversation", async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await signIn(browser, "admin");
  const supervisor = await signIn(browser, "superviseur");
  await expect(supervisor).toHaveURL(/\/supervision$/);
  // A mark on the window: still there at the end means the board was never reloaded.
  await supervisor.evaluate(() => ((window as unknown as { boardMark: number }).boardMark = 42));
  const row1003 = supervisor.getByTestId("agent-row-1003");
  const row1004 = supervisor.getByTestId("agent-row-1004");
  await expect(row1003.getByTestId("agent-state")).toHaveText("Déconnecté");

  // Agent 1003 goes Ready: the board says so without a reload.
  const agent = await signIn(browser, "1003");
  await ready(agent);
  await expect(row1003.getByTestId("agent-state")).toHaveText("Prêt", { timeout: 15_000 });

  // A customer tweets: it reaches 1003, and the board shows it with why it went to him.
  const stamp = Date.now();
  const handle = `wall_${stamp % 100000}`;
  const text = `@relais_demo Bonjour relais, une question pour le tableau de supervision ${stamp}`;
  await postTweet(admin, handle, text);
  await expect(agent.getByTestId("message-in")).toContainText(text, { timeout: 30_000 });
  const current = row1003.getByTestId(`current-${handle}`);
  await expect(current).toBeVisible({ timeout: 15_000 });
  await expect(current).toContainText("Démo Twitter");
  await expect(current).toContainText("Aucune compétence demandée");
  await shots(supervisor, "supervision-board");
  if (process.env.RELAIS_SHOTS) {
    // The wall screen: wall mode in high contrast (a second tab of the supervisor).
    const wall = await signIn(browser, "superviseur");
    await wall.goto("/supervision?wall=1&contrast=1");
    await expect(wall.getByTestId(`current-${handle}`)).toBeVisible();
    await shots(wall, "supervision-wall");
    await wall.context().close();
  }

  // He answers and qualifies: the conversation leaves the board and his handled count goes up.
  const before = Number(await row1003.getByTestId("handled-today").textContent());
  const reply = `Bonjour, nous regardons cela tout de suite. ${stamp}`;
  await agent.getByTestId("reply-box").getByLabel("Votre réponse").fill(reply);
  await agent.getByRole("button", { name: "Envoyer" }).click();
  await expect(agent.getByTestId("message-out")).toContainText(reply);
  await qualify(agent);
  await expect(agent.getByTestId("no-conversation")).toBeVisible();
  await expect(current).toBeHidden({ timeout: 15_000 });
  await expect(row1003.getByTestId("handled-today")).toHaveText(String(before + 1), { timeout: 15_000 });
  const queue = supervisor.getByTestId("queue-row-Démo Twitter");
  await expect(queue.getByTestId("avg-first-response")).not.toHaveText("—");
  await expect(queue.getByTestId("within-target")).toContainText("%");

  // A second customer: 1003 gets it; 1004 goes Ready; the supervisor gives it to 1004.
  const handle2 = `wall2_${stamp % 100000}`;
  const text2 = `@relais_demo relais, une autre question ${stamp}`;
  await postTweet(admin, handle2, text2);
  await expect(agent.getByTestId("message-in")).toContainText(text2, { timeout: 30_000 });
  const other = await signIn(browser, "1004");
  await ready(other);
  await expect(row1004.getByTestId("agent-state")).toHaveText("Prêt", { timeout: 15_000 });
  await row1003.getByTestId(`reassign-${handle2}`).click();
  const dialog = supervisor.getByRole("dialog", { name: `Réaffecter la conversation de @${handle2}` });
  // Keyboard: the agent list is a plain select, the confirmation a submit button.
  await dialog.getByLabel("Agent").selectOption({ label: "Agent 1004 (1004) · 0/1" });
  await dialog.getByRole("button", { name: "Réaffecter" }).press("Enter");
  await expect(dialog).toBeHidden();
  await expect(row1004.getByTestId(`current-${handle2}`)).toBeVisible({ timeout: 15_000 });
  await expect(row1004.getByTestId(`current-${handle2}`)).toContainText("Réaffectée");
  await expect(row1003.getByTestId(`current-${handle2}`)).toBeHidden();
  await expect(other.getByTestId("message-in")).toContainText(text2, { timeout: 30_000 });
  await expect(agent.getByTestId("no-conversation")).toBeVisible({ timeout: 15_000 });
  expect(await supervisor.evaluate(() => (window as unknown as { boardMark?: number }).boardMark)).toBe(42);

  // Close what was opened and leave both agents Offline.
  await qualify(other);
  await expect(other.getByTestId("no-conversation")).toBeVisible();
  for (const p of [agent, other]) {
    const offline = p.getByRole("button", { name: "Déconnecté" });
    if (await offline.isVisible()) await offline.click();
    await expect(p.getByTestId("presence")).toHaveText("Déconnecté");
  }
  await expect(row1003.getByTestId("agent-state")).toHaveText("Déconnecté", { timeout: 15_000 });
  await expect(row1004.getByTestId("agent-state")).toHaveText("Déconnecté", { timeout: 15_000 });
  for (const p of [agent, other, supervisor, admin]) await p.context().close();
});
