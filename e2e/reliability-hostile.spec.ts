import { expect, type Page } from "@playwright/test";
import { hostileNames, hostileTexts, XSS_FLAG } from "../tests/reliability/hostile-corpus";
import { quietFloor, signIn, test } from "./helpers";

// Each journey starts from a quiet floor: nothing queued or assigned, every agent Offline.
test.beforeEach(async ({ browser }) => quietFloor(browser));

/** Dialogs opened and script flags set on a page: both must stay empty. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    dialogs,
    async executed(): Promise<boolean> {
      return page.evaluate((flag) => Boolean((window as unknown as Record<string, unknown>)[flag]), XSS_FLAG);
    },
    async overflows(): Promise<boolean> {
      return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
    },
  };
}

test(`hostile tweets and author names (${hostileTexts.length + hostileNames.length} payloads) render as text on the simulator and workspace pages`, async ({
  browser,
}) => {
  const agent = await signIn(browser, "1002");
  const agentWatch = watch(agent);
  await agent.getByRole("button", { name: "Prêt" }).click();

  const sim = process.env.E2E_SIM_URL!;
  const posted: string[] = [];
  const post = async (authorHandle: string, authorName: string, text: string) => {
    const r = await fetch(`${sim}/_sim/twitter/tweets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ authorHandle, authorName, text }),
    });
    expect(r.status, await r.clone().text()).toBeLessThan(300);
    posted.push(text);
  };
  // The demo campaign searches "relais": every payload carries the keyword.
  for (const [i, text] of hostileTexts.entries()) await post(`hostile${i}`, `Client ${i}`, `relais ${text}`.slice(0, 280));
  for (const [i, name] of hostileNames.entries()) await post(`hname${i}`, name, `relais bonjour ${i}`);

  const admin = await signIn(browser, "admin");
  const adminWatch = watch(admin);
  await admin.goto("/simulator");
  for (const text of posted.slice(0, hostileTexts.length)) await expect(admin.getByTestId("sim-tweets")).toContainText(text.slice(0, 40));
  for (const name of hostileNames) await expect(admin.getByTestId("sim-tweets")).toContainText(name);
  await admin.setViewportSize({ width: 1280, height: 900 });
  await admin.screenshot({ path: "test-results/screenshots/hostile-simulator-1280.png", fullPage: false });
  expect(await adminWatch.executed()).toBe(false);
  expect(await adminWatch.overflows()).toBe(false);
  // No tweet spills out of its box (a 50-character unbroken name did).
  const spilled = await admin.evaluate(
    () => [...document.querySelectorAll('[data-testid="sim-tweets"] li')].filter((li) => li.scrollWidth > li.clientWidth + 1).length,
  );
  expect(spilled).toBe(0);

  // The agent gets one of the conversations through the live stream and sees it as typed.
  await expect(agent.getByTestId("conversation")).toBeVisible({ timeout: 60_000 });
  await expect(agent.getByTestId("message-in").first()).toContainText("relais");
  await agent.screenshot({ path: "test-results/screenshots/hostile-workspace-1280.png" });
  expect(await agentWatch.executed()).toBe(false);
  expect(await agentWatch.overflows()).toBe(false);

  for (const path of ["/admin", "/admin/campaigns"]) {
    await admin.goto(path);
    expect(await adminWatch.executed()).toBe(false);
  }
  expect([...agentWatch.dialogs, ...adminWatch.dialogs]).toEqual([]);

  // The agent qualifies the conversation he holds (the next journey starts from a quiet floor).
  await agent.getByRole("combobox", { name: "Qualification" }).first().selectOption({ label: "Information donnée (Argumenté)" });
  await agent.getByRole("button", { name: "Qualifier et clôturer" }).first().click();
  await expect(agent.getByRole("button", { name: "Prêt" })).toBeEnabled();
  expect(await agentWatch.executed()).toBe(false);
  await agent.getByRole("button", { name: "Déconnecté" }).click();
});
