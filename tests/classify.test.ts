import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import {
  auditLog,
  blacklists,
  blacklistWords,
  campaignBlacklists,
  campaignSources,
  campaigns,
  conversations,
  distributionRuleGroups,
  distributionRules,
  events,
  holidayGroups,
  holidays,
  skillGroups,
  skills,
  workSchedules,
} from "@/db/schema";
import type { ScheduleDay } from "@/db/schema/calendars";
import { ensureDefaultDatabase } from "@/lib/databases/default";
import { normalizeWord } from "@/lib/blacklists/normalize";
import { pollCampaign } from "@/lib/ingestion/poll";
import { campaignGateStatus, releaseHeldConversations } from "@/lib/ingestion/held";
import { listFilteredConversations } from "@/lib/ingestion/filtered";
import { now, resetClock, setClockAt } from "@/lib/clock";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

// Next's page cache does not exist outside a request.
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { releaseFilteredAction } = await import("@/app/(admin)/admin/campaigns/[id]/filtered/actions");
const clockRoute = await import("@/app/api/test/clock/route");

async function postClock(body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await clockRoute.POST(
    new Request("http://localhost/api/test/clock", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : text };
}

const day = (open1 = "", close1 = "", open2 = "", close2 = ""): ScheduleDay => ({ open1, close1, open2, close2 });
const weekday = day("09:00", "12:00", "14:00", "18:00");

describe("classification at ingestion, held until opening, filtered and released", () => {
  const w = setupDemoWorkspace();
  const ids = { fr: 0, refund: 0, list: 0, frRule: 0, refundRule: 0, schedule: 0, priority: 0 };

  beforeAll(async () => {
    const db = w.db;
    const databaseId = await ensureDefaultDatabase();
    const [list] = await db.insert(blacklists).values({ name: "Insultes", databaseId }).returning();
    ids.list = list.id;
    await db
      .insert(blacklistWords)
      .values(["Arnaque", "très mauvais service"].map((word) => ({ blacklistId: list.id, word, normalized: normalizeWord(word) })));
    await db.insert(campaignBlacklists).values({ campaignId: w.state.campaignId, blacklistId: list.id });

    const [group] = await db.insert(skillGroups).values({ name: "Classify test skills" }).returning();
    const [fr, refund] = await db
      .insert(skills)
      .values([
        { groupId: group.id, name: "Français" },
        { groupId: group.id, name: "Remboursements" },
      ])
      .returning();
    ids.fr = fr.id;
    ids.refund = refund.id;
    const [rules] = await db.insert(distributionRuleGroups).values({ name: "Classify test rules" }).returning();
    const [r1, r2] = await db
      .insert(distributionRules)
      .values([
        {
          groupId: rules.id,
          position: 0,
          element: "keyword",
          operator: "contains",
          value: "remboursement",
          skillId: refund.id,
          minLevel: 3,
        },
        { groupId: rules.id, position: 1, element: "lang", operator: "equals", value: "fr", skillId: fr.id, minLevel: 2 },
      ])
      .returning();
    ids.refundRule = r1.id;
    ids.frRule = r2.id;
    const [schedule] = await db
      .insert(workSchedules)
      .values({ name: "Bureau", timeZone: "Europe/Paris", days: [weekday, weekday, weekday, weekday, weekday, day(), day()] })
      .returning();
    ids.schedule = schedule.id;
    await w.setCampaign({ distributionGroupId: rules.id, queuePriority: 7 });
    ids.priority = 7;
  });

  afterEach(() => resetClock());

  const byHandle = async (handle: string) => (await w.db.select().from(conversations).where(eq(conversations.authorHandle, handle)))[0];

  it("stores the blacklist term, language and requested skills on conversations created by a poll", async () => {
    await w.sim.postCustomerTweet({ authorHandle: "angry", text: "Relais, c'est une ARNAQUÉ !" });
    await w.sim.postCustomerTweet({ authorHandle: "refund", text: "relais: I want my remboursement now please", lang: "en" });
    await w.sim.postCustomerTweet({ authorHandle: "french", text: "Bonjour relais, ma commande n'est pas arrivée depuis une semaine" });
    const result = await pollCampaign(w.state.campaignId);
    expect(result).toMatchObject({ status: "polled", newConversations: 3 });

    expect(await byHandle("angry")).toMatchObject({
      status: "filtered",
      filteredTerm: "Arnaque",
      filteredBlacklistId: ids.list,
      waitingSince: null,
    });
    expect(await byHandle("refund")).toMatchObject({
      status: "waiting",
      language: "en",
      requestedSkills: [{ skillId: ids.refund, minLevel: 3 }],
      matchedRuleId: ids.refundRule,
      priority: ids.priority,
      filteredTerm: null,
    });
    const french = await byHandle("french");
    expect(french).toMatchObject({
      status: "waiting",
      language: "fr",
      requestedSkills: [{ skillId: ids.fr, minLevel: 2 }],
      matchedRuleId: ids.frRule,
    });
    expect(french.waitingSince).toBeInstanceOf(Date);

    // Only the waiting ones were announced to routing.
    const queued = await w.db.select({ data: events.data }).from(events).where(eq(events.name, "relais/conversation.queued"));
    const queuedIds = queued.map((e) => e.data.conversationId);
    expect(queuedIds).toContain(french.id);
    expect(queuedIds).not.toContain((await byHandle("angry")).id);
  });

  it("applies a word added to a list at the next poll, and stops applying a removed one", async () => {
    const [added] = await w.db
      .insert(blacklistWords)
      .values({ blacklistId: ids.list, word: "Zut", normalized: normalizeWord("Zut") })
      .returning();
    await w.sim.postCustomerTweet({ authorHandle: "zut1", text: "relais, zut alors" });
    await pollCampaign(w.state.campaignId);
    expect(await byHandle("zut1")).toMatchObject({ status: "filtered", filteredTerm: "Zut" });
    await w.db.delete(blacklistWords).where(eq(blacklistWords.id, added.id));
    await w.sim.postCustomerTweet({ authorHandle: "zut2", text: "relais, zut encore" });
    await pollCampaign(w.state.campaignId);
    expect((await byHandle("zut2")).status).toBe("waiting");
    await w.db
      .update(conversations)
      .set({ status: "closed" })
      .where(inArray(conversations.authorHandle, ["zut1", "zut2"]));
  });

  it("lists filtered conversations with their text, term and list", async () => {
    const page = await listFilteredConversations(w.state.campaignId, { page: 1 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      authorHandle: "angry",
      text: "Relais, c'est une ARNAQUÉ !",
      term: "Arnaque",
      blacklistName: "Insultes",
    });
  });

  it("holds what arrives outside service hours and queues it at opening, in arrival order", async () => {
    await w.setCampaign({ scheduleId: ids.schedule });
    // Sunday 6 December 2026, 22:00 in Paris: closed.
    setClockAt(new Date("2026-12-06T21:00:00Z"));
    for (const handle of ["night1", "night2", "night3"])
      await w.sim.postCustomerTweet({ authorHandle: handle, text: `relais, message de ${handle}` });
    await pollCampaign(w.state.campaignId);
    const held = await w.db
      .select()
      .from(conversations)
      .where(inArray(conversations.authorHandle, ["night1", "night2", "night3"]))
      .orderBy(asc(conversations.id));
    expect(held.map((c) => c.status)).toEqual(["held", "held", "held"]);
    expect(held.every((c) => c.waitingSince === null && c.priority === ids.priority)).toBe(true);

    const gate = await campaignGateStatus(w.state.campaignId);
    expect(gate).toMatchObject({ open: false, held: 3, filtered: 1, timeZone: "Europe/Paris" });
    expect(gate!.openAt!.toISOString()).toBe("2026-12-07T08:00:00.000Z");

    // Still closed: nothing moves.
    expect(await releaseHeldConversations()).toEqual([]);

    // Monday 09:00:10 in Paris.
    setClockAt(new Date("2026-12-07T08:00:10Z"));
    expect(await releaseHeldConversations()).toEqual([{ campaignId: w.state.campaignId, released: 3 }]);
    const after = await w.db
      .select()
      .from(conversations)
      .where(inArray(conversations.authorHandle, ["night1", "night2", "night3"]))
      .orderBy(asc(conversations.waitingSince));
    expect(after.map((c) => c.authorHandle)).toEqual(["night1", "night2", "night3"]);
    expect(after.every((c) => c.status === "waiting" && c.priority === ids.priority)).toBe(true);
    // Waiting since the opening, not since the night.
    for (const c of after) expect(Math.abs(c.waitingSince!.getTime() - Date.parse("2026-12-07T08:00:10Z"))).toBeLessThan(1000);
    const queued = await w.db.select({ n: count() }).from(events).where(eq(events.name, "relais/conversation.queued"));
    expect(queued[0].n).toBeGreaterThanOrEqual(5);
    // A second pass finds nothing left to release.
    expect(await releaseHeldConversations()).toEqual([]);
  });

  it("keeps a holiday closed, half days included", async () => {
    const [group] = await w.db.insert(holidayGroups).values({ name: "Fériés test" }).returning();
    await w.db.insert(holidays).values({ groupId: group.id, label: "Veille de Noël", date: "2026-12-24", part: "afternoon" });
    await w.setCampaign({ holidayGroupId: group.id });
    // Thursday 24 December 15:00 Paris: afternoon holiday.
    setClockAt(new Date("2026-12-24T14:00:00Z"));
    await w.sim.postCustomerTweet({ authorHandle: "xmas", text: "relais, joyeux noël ?" });
    await pollCampaign(w.state.campaignId);
    expect((await byHandle("xmas")).status).toBe("held");
    expect((await campaignGateStatus(w.state.campaignId))!.openAt!.toISOString()).toBe("2026-12-25T08:00:00.000Z");
    setClockAt(new Date("2026-12-24T16:59:00Z"));
    expect(await releaseHeldConversations()).toEqual([]);
    setClockAt(new Date("2026-12-25T08:00:00Z"));
    expect(await releaseHeldConversations()).toEqual([{ campaignId: w.state.campaignId, released: 1 }]);
    await w.setCampaign({ holidayGroupId: null });
  });

  it("lets an administrator release a filtered conversation, audited, and only once", async () => {
    const angry = await byHandle("angry");
    setClockAt(new Date("2026-12-08T10:00:00Z")); // Tuesday 11:00 Paris: open
    signInAs(w.state.agents[0]);
    expect(await releaseFilteredAction({ campaignId: w.state.campaignId, conversationId: angry.id })).toEqual({
      ok: false,
      error: "errors.forbidden",
    });
    signInAs(w.state.adminId);
    expect(await releaseFilteredAction({ campaignId: w.state.campaignId, conversationId: "x" as unknown as number })).toMatchObject({
      ok: false,
      error: "errors.invalidInput",
    });
    expect(await releaseFilteredAction({ campaignId: w.state.campaignId, conversationId: angry.id })).toEqual({
      ok: true,
      data: { status: "waiting" },
    });
    const released = await byHandle("angry");
    expect(released).toMatchObject({ status: "waiting", releasedBy: w.state.adminId, filteredTerm: "Arnaque" });
    expect(released.releasedAt!.toISOString()).toBe(released.waitingSince!.toISOString());
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "conversation"), eq(auditLog.objectId, angry.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: w.state.adminId, action: "update" });
    const queued = await w.db.select({ data: events.data }).from(events).where(eq(events.name, "relais/conversation.queued"));
    expect(queued.map((e) => e.data.conversationId)).toContain(angry.id);

    // Twice: refused, nothing changes.
    expect(await releaseFilteredAction({ campaignId: w.state.campaignId, conversationId: angry.id })).toEqual({
      ok: false,
      error: "filtered.notFiltered",
    });
    expect((await listFilteredConversations(w.state.campaignId, { page: 1 })).total).toBe(0);
    signOut();
  });

  it("releases a filtered conversation as held while the campaign is closed", async () => {
    await w.sim.postCustomerTweet({ authorHandle: "angry2", text: "relais = très   MAUVAIS service" });
    setClockAt(new Date("2026-12-08T10:00:00Z"));
    // The clock went back in time: sources paced on the later clock are due again.
    await w.db.update(campaignSources).set({ nextPollAt: null });
    await pollCampaign(w.state.campaignId);
    const angry2 = await byHandle("angry2");
    expect(angry2).toMatchObject({ status: "filtered", filteredTerm: "très mauvais service" });
    setClockAt(new Date("2026-12-08T20:00:00Z")); // 21:00 Paris
    signInAs(w.state.adminId);
    expect(await releaseFilteredAction({ campaignId: w.state.campaignId, conversationId: angry2.id })).toEqual({
      ok: true,
      data: { status: "held" },
    });
    signOut();
    expect(await byHandle("angry2")).toMatchObject({ status: "held", waitingSince: null, releasedBy: w.state.adminId });
    await w.db.update(campaigns).set({ scheduleId: null }).where(eq(campaigns.id, w.state.campaignId));
  });

  it("lets the test clock route move the clock only when enabled, and only for an administrator", async () => {
    const previous = process.env.RELAIS_TEST_CLOCK;
    try {
      signInAs(w.state.adminId);
      delete process.env.RELAIS_TEST_CLOCK;
      expect((await postClock({ at: "2030-01-01T00:00:00Z" })).status).toBe(404);
      expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);

      process.env.RELAIS_TEST_CLOCK = "1";
      signInAs(w.state.agents[0]);
      expect((await postClock({ at: "2030-01-01T00:00:00Z" })).status).toBe(403);
      signInAs(w.state.adminId);
      expect((await postClock({ at: "not a date" })).status).toBe(400);
      const moved = await postClock({ at: "2030-01-01T00:00:00Z" });
      expect(moved.status).toBe(200);
      expect(Math.abs(now().getTime() - Date.parse("2030-01-01T00:00:00Z"))).toBeLessThan(5000);
      // The release and routing run at once rather than at their next tick.
      const [release] = await w.db.select({ n: count() }).from(events).where(eq(events.name, "relais/held.release"));
      expect(release.n).toBeGreaterThan(0);
      expect((await postClock({ reset: true })).status).toBe(200);
      expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    } finally {
      signOut();
      if (previous === undefined) delete process.env.RELAIS_TEST_CLOCK;
      else process.env.RELAIS_TEST_CLOCK = previous;
    }
  });
});
