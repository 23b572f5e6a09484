import { assert, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import {
  agentProfiles,
  assignments,
  callbacks,
  campaigns,
  conversations,
  messages,
  qualificationGroups,
  qualificationStatuses,
  supervisionGroupMembers,
  supervisionGroups,
  users,
  workSchedules,
} from "@/db/schema";
import type { QualificationCategory } from "@/db/schema/qualifications";
import { effectiveRights, type Principal } from "@/lib/auth/permissions";
import { campaignReport, outsideOf } from "@/lib/reporting/queries";
import { resolveRange } from "@/lib/reporting/range";
import { campaignInScope, reportCampaigns, reportScope, viewerCampaigns, viewerOutside } from "@/lib/reporting/scope";
import { loadReport } from "@/lib/reporting/load";
import { setupTestDatabase } from "./db";
import { signInAs } from "./session";

const { GET: csvRoute } = await import("@/app/api/reporting/csv/route");

const db = setupTestDatabase();
const PARIS = "Europe/Paris";
const november = resolveRange({ preset: "custom", from: "2026-11-01", to: "2026-11-30" }, PARIS, new Date("2026-12-01T10:00:00Z"));

const ids = { admin: 0, supervisor: 0, lonely: 0, alice: 0, bob: 0, own: 0, campaign: 0, other: 0, sale: 0, refusal: 0, wrong: 0 };

async function user(login: string, role: "admin" | "supervisor" | "agent", rights: string[] = [], misc: string[] = []) {
  const [u] = await db.handle.db
    .insert(users)
    .values({ login, name: `Name ${login}`, passwordHash: "x", role, rights: rights as never })
    .returning({ id: users.id });
  if (misc.length) await db.handle.db.insert(agentProfiles).values({ userId: u.id, miscRights: misc as never });
  return u.id;
}

async function principal(id: number): Promise<Principal> {
  const [u] = await db.handle.db.select().from(users).where(eq(users.id, id));
  const [p] = await db.handle.db.select().from(agentProfiles).where(eq(agentProfiles.userId, id));
  return { id, role: u.role, rights: effectiveRights({ role: u.role, rights: u.rights, profile: p ?? null }) };
}

/** A handled conversation: queued at `start`, first answered `frt` s later, closed `ht` s after the offer. */
async function handled(
  campaignId: number,
  agentId: number,
  status: { id: number; code: string; label: string; category: QualificationCategory; benefit: string },
  start: string,
  frt: number,
  ht: number,
) {
  const startAt = new Date(start);
  const offered = new Date(startAt.getTime() + 10_000);
  const closed = new Date(offered.getTime() + ht * 1000);
  const [c] = await db.handle.db
    .insert(conversations)
    .values({
      campaignId,
      network: "twitter",
      threadId: `t-${Math.random()}`,
      authorId: "a",
      authorHandle: "a",
      authorName: "A",
      status: "closed",
      waitingSince: startAt,
      createdAt: startAt,
      closedAt: closed,
      qualifiedBy: agentId,
      qualificationStatusId: status.id,
      qualificationCode: status.code,
      qualificationLabel: status.label,
      qualificationCategory: status.category,
      qualificationBenefit: status.benefit,
    })
    .returning({ id: conversations.id });
  await db.handle.db.insert(messages).values([
    {
      conversationId: c.id,
      campaignId,
      direction: "in",
      text: "hi",
      authorId: "a",
      authorHandle: "a",
      authorName: "A",
      createdAt: startAt,
    },
    {
      conversationId: c.id,
      campaignId,
      direction: "out",
      text: "hello",
      authorId: "us",
      authorHandle: "us",
      authorName: "Us",
      sentBy: agentId,
      createdAt: new Date(startAt.getTime() + frt * 1000),
    },
  ]);
  await db.handle.db
    .insert(assignments)
    .values({ conversationId: c.id, agentId, why: "any", state: "ended", offeredAt: offered, endedAt: closed, endReason: "qualified" });
  return c.id;
}

beforeAll(async () => {
  const d = db.handle.db;
  ids.admin = await user("admin", "admin");
  ids.supervisor = await user("sup", "supervisor", ["reporting"], ["export_data"]);
  ids.lonely = await user("lonely", "supervisor", ["reporting"], ["export_data"]);
  ids.alice = await user("1001", "agent");
  ids.bob = await user("1002", "agent");
  ids.own = await user("1003", "agent", [], ["view_own_stats"]);
  const [group] = await d.insert(supervisionGroups).values({ name: "Team A" }).returning();
  await d.insert(supervisionGroupMembers).values([
    { groupId: group.id, userId: ids.supervisor, role: "supervisor" },
    { groupId: group.id, userId: ids.alice, role: "agent" },
    { groupId: group.id, userId: ids.own, role: "agent" },
  ]);
  const [schedule] = await d.insert(workSchedules).values({ name: "Paris", timeZone: PARIS, days: [] }).returning();
  const [qg] = await d.insert(qualificationGroups).values({ name: "Sales", currency: "EUR" }).returning();
  const [sale, refusal, wrong] = await d
    .insert(qualificationStatuses)
    .values([
      { groupId: qg.id, code: "VENTE", label: "Vente", category: "positive", benefit: "49.90", quotaValidation: true, quota: 10 },
      { groupId: qg.id, code: "REFUS", label: "Refus", category: "argued", benefit: "0" },
      { groupId: qg.id, code: "FAUX", label: "Faux numéro", category: "not_argued", benefit: "0" },
    ])
    .returning();
  ids.sale = sale.id;
  ids.refusal = refusal.id;
  ids.wrong = wrong.id;
  const [campaign] = await d
    .insert(campaigns)
    .values({ type: "twitter", name: "Spring sale", scheduleId: schedule.id, qualificationGroupId: qg.id })
    .returning();
  const [other] = await d.insert(campaigns).values({ type: "twitter", name: "Bob only", scheduleId: schedule.id }).returning();
  ids.campaign = campaign.id;
  ids.other = other.id;
  const s = (st: typeof sale) => ({ id: st.id, code: st.code, label: st.label, category: st.category, benefit: st.benefit });

  // Alice: 2 sales, 1 refusal, 1 wrong number; first responses 60/120/180/240 s, handling 300…1200 s.
  await handled(campaign.id, ids.alice, s(sale), "2026-11-03T09:00:00Z", 60, 300);
  await handled(campaign.id, ids.alice, s(sale), "2026-11-04T09:00:00Z", 120, 600);
  await handled(campaign.id, ids.alice, s(refusal), "2026-11-05T09:00:00Z", 180, 900);
  await handled(campaign.id, ids.alice, s(wrong), "2026-11-06T09:00:00Z", 240, 1200);
  // Bob (not in the supervisor's group): 1 sale, 1 refusal.
  await handled(campaign.id, ids.bob, s(sale), "2026-11-10T09:00:00Z", 30, 100);
  await handled(campaign.id, ids.bob, s(refusal), "2026-11-11T09:00:00Z", 30, 100);
  await handled(other.id, ids.bob, s(sale), "2026-11-12T09:00:00Z", 30, 100);
  // Arrived at 23:50 on 30 November in Paris, closed at 00:05:10 on 1 December (23:05 UTC): received in
  // November, handled in December.
  await handled(campaign.id, ids.alice, s(sale), "2026-11-30T22:50:00Z", 10, 900);
  // Filtered on arrival: counted as received and filtered, never handled.
  const [filtered] = await d
    .insert(conversations)
    .values({
      campaignId: campaign.id,
      network: "twitter",
      threadId: "filtered",
      authorId: "b",
      authorHandle: "b",
      authorName: "B",
      status: "filtered",
      filteredTerm: "spam",
      createdAt: new Date("2026-11-15T12:00:00Z"),
    })
    .returning({ id: conversations.id });
  // Alice's callbacks due in November: one given back at its time, one whose time passed unanswered.
  await d.insert(callbacks).values([
    {
      conversationId: filtered.id,
      campaignId: campaign.id,
      agentId: ids.alice,
      personal: true,
      dueAt: new Date("2026-11-20T10:00:00Z"),
      firedAt: new Date("2026-11-20T10:00:01Z"),
      handledAt: new Date("2026-11-20T10:05:00Z"),
    },
    { conversationId: filtered.id, campaignId: campaign.id, agentId: ids.alice, personal: false, dueAt: new Date("2026-11-21T10:00:00Z") },
  ]);
});

describe("campaign report from stored facts", () => {
  it("gives an administrator every figure of the campaign", async () => {
    const report = (await campaignReport({ kind: "all" }, ids.campaign, november))!;
    expect(report.received).toBe(8); // 7 arrived (one handled in December) + 1 filtered, in November (Paris)
    expect(report.filtered).toBe(1);
    expect(report.totals).toMatchObject({ handled: 6, positive: 3, argued: 2, notArgued: 1, benefit: "149.70" });
    expect(report.totals.conversion).toBeCloseTo(3 / 5);
    expect(report.statuses.map((x) => [x.code, x.count])).toEqual([
      ["VENTE", 3],
      ["REFUS", 2],
      ["FAUX", 1],
    ]);
    expect(report.quotas).toEqual([{ statusId: ids.sale, code: "VENTE", label: "Vente", quota: 10, count: 3 }]);
    const alice = report.agents.find((a) => a.agentId === ids.alice)!;
    expect(alice.handled).toBe(4);
    expect(alice.conversion).toBeCloseTo(2 / 3);
    // percentile_cont over 60, 120, 180, 240: median 150, p90 = 180 + 0.7 × 60.
    expect(alice.firstResponse.p50).toBeCloseTo(150);
    expect(alice.firstResponse.p90).toBeCloseTo(222);
    expect(alice.handling.p50).toBeCloseTo(750);
    expect(report.series).toHaveLength(30);
    expect(report.series.find((p) => p.bucket === "2026-11-03")).toMatchObject({ received: 1, positive: 1 });
    expect(report.callbacks).toEqual({ available: true, made: 1, missed: 1 });
    expect(report.appointments).toEqual({ available: true, booked: 0 });
  });

  it("counts the conversation closed after local midnight in December", async () => {
    const december = resolveRange({ preset: "custom", from: "2026-12-01", to: "2026-12-01" }, PARIS, new Date("2026-12-01T10:00:00Z"));
    const report = (await campaignReport({ kind: "all" }, ids.campaign, december))!;
    expect(report.totals.handled).toBe(1);
    expect(report.series).toHaveLength(24);
    expect(report.series.find((p) => p.bucket === "2026-12-01T00:00")?.positive).toBe(1);
  });

  it("has no rate and no times over an empty range", async () => {
    const empty = resolveRange({ preset: "custom", from: "2026-06-01", to: "2026-06-30" }, PARIS, new Date());
    const report = (await campaignReport({ kind: "all" }, ids.campaign, empty))!;
    expect(report.totals).toMatchObject({ handled: 0, conversion: null, benefit: "0.00", firstResponse: { p50: null, p90: null } });
    expect(report.agents).toEqual([]);
    expect(report.quotas[0].count).toBe(0);
  });

  it("keeps last month's labels and categories when a status is edited afterwards", async () => {
    const before = (await campaignReport({ kind: "all" }, ids.campaign, november))!;
    await db.handle.db
      .update(qualificationStatuses)
      .set({ label: "Refus ferme", category: "not_argued", code: "REFUS2" })
      .where(eq(qualificationStatuses.id, ids.refusal));
    const after = (await campaignReport({ kind: "all" }, ids.campaign, november))!;
    expect(after.statuses).toEqual(before.statuses);
    expect(after.statuses.find((x) => x.statusId === ids.refusal)).toMatchObject({ code: "REFUS", label: "Refus", category: "argued" });
    expect(after.totals).toEqual(before.totals);
  });
});

describe("reporting scope", () => {
  it("shows a supervisor only his groups' agents, in the figures, the campaigns and the CSV", async () => {
    const scope = await reportScope(await principal(ids.supervisor));
    expect(scope).toEqual({ kind: "agents", agentIds: [ids.alice, ids.own].sort((a, b) => a - b), own: false });
    expect((await reportCampaigns(scope)).map((c) => c.id)).toEqual([ids.campaign]);
    expect(await campaignInScope(scope, ids.other)).toBe(false);
    const report = (await campaignReport(scope, ids.campaign, november))!;
    expect(report.agents.map((a) => a.login)).toEqual(["1001"]);
    expect(report.totals).toMatchObject({ handled: 4, positive: 2, argued: 1, notArgued: 1, benefit: "99.80" });
    expect(report.received).toBe(5); // offered to Alice, arrived in November
    expect(report.filtered).toBeNull();

    signInAs(ids.supervisor);
    const csv = await csvRoute(
      new Request(`http://relais.test/api/reporting/csv?campaign=${ids.campaign}&preset=custom&from=2026-11-01&to=2026-11-30&table=agents`),
    );
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain("1001");
    expect(text).not.toContain("1002");
    const other = await csvRoute(
      new Request(`http://relais.test/api/reporting/csv?campaign=${ids.other}&preset=custom&from=2026-11-01&to=2026-11-30&table=summary`),
    );
    expect(other.status).toBe(400);
  });

  it("puts the campaigns side by side, each in the viewer's scope", async () => {
    const request = { preset: "custom", from: "2026-11-01", to: "2026-11-30" };
    const admin = await loadReport(await principal(ids.admin), request);
    expect(admin.overview?.map((c) => [c.name, c.handled, c.positive, c.argued])).toEqual([
      ["Bob only", 1, 1, 0],
      ["Spring sale", 6, 3, 2],
    ]);
    const supervisor = await loadReport(await principal(ids.supervisor), request);
    expect(supervisor.overview?.map((c) => [c.name, c.received, c.handled, c.benefit])).toEqual([["Spring sale", 5, 4, "99.80"]]);
  });

  it("finds a viewer's campaigns and the users outside his scope beside his scope, as from it", async () => {
    // A supervisor of every user but himself: one user outside, fewer than his agents.
    const d = db.handle.db;
    const everyone = await user("everyone", "supervisor", ["reporting"], []);
    const [group] = await d.insert(supervisionGroups).values({ name: "Everyone" }).returning();
    const all = (await d.select({ id: users.id }).from(users)).map((u) => u.id).filter((id) => id !== everyone);
    await d
      .insert(supervisionGroupMembers)
      .values([
        { groupId: group.id, userId: everyone, role: "supervisor" },
        ...all.map((userId) => ({ groupId: group.id, userId, role: "agent" as const })),
      ]);
    try {
      for (const id of [ids.supervisor, ids.lonely, ids.own, ids.admin, everyone]) {
        const viewer = await principal(id);
        const scope = await reportScope(viewer);
        expect(await viewerCampaigns(viewer)).toEqual(await reportCampaigns(scope));
        expect(await viewerOutside(viewer)).toEqual(await outsideOf(scope));
      }
      expect(await viewerOutside(await principal(everyone))).toEqual([everyone]);
      expect((await viewerCampaigns(await principal(everyone))).map((c) => c.name)).toEqual(["Bob only", "Spring sale"]);
    } finally {
      await d.delete(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, group.id));
      await d.delete(supervisionGroups).where(eq(supervisionGroups.id, group.id));
    }
  });

  it("lists the same campaigns for a large scope (each campaign probed) as for a small one (from the agents' side)", async () => {
    // From 500 agents on the campaigns are probed one by one; the 600 extra ids are nobody's.
    const nobody = Array.from({ length: 600 }, (_, i) => 1_000_000 + i);
    const supervisor = await reportScope(await principal(ids.supervisor));
    assert(supervisor.kind === "agents");
    const large = { ...supervisor, agentIds: [...supervisor.agentIds, ...nobody] };
    expect(await reportCampaigns(large)).toEqual(await reportCampaigns(supervisor));
    expect((await reportCampaigns(large)).map((c) => c.id)).toEqual([ids.campaign]);
    // The same through the viewer's own subquery: a group of 600 more agents who worked nowhere.
    const d = db.handle.db;
    const idle = await d
      .insert(users)
      .values(nobody.map((n) => ({ login: `idle-${n}`, name: `Idle ${n}`, passwordHash: "x", role: "agent" as const })))
      .returning({ id: users.id });
    const [group] = await d.insert(supervisionGroups).values({ name: "Idle" }).returning();
    await d
      .insert(supervisionGroupMembers)
      .values([
        { groupId: group.id, userId: ids.supervisor, role: "supervisor" as const },
        ...idle.map((u) => ({ groupId: group.id, userId: u.id, role: "agent" as const })),
      ]);
    try {
      const viewer = await principal(ids.supervisor);
      const scope = await reportScope(viewer);
      expect(scope.kind === "agents" ? scope.agentIds.length : 0).toBe(602);
      expect((await viewerCampaigns(viewer)).map((c) => c.id)).toEqual([ids.campaign]);
    } finally {
      await d.delete(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, group.id));
      await d.delete(supervisionGroups).where(eq(supervisionGroups.id, group.id));
      await d.delete(users).where(
        inArray(
          users.id,
          idle.map((u) => u.id),
        ),
      );
    }
  });

  it("shows nothing to a supervisor without groups, and an agent only himself", async () => {
    const lonely = await reportScope(await principal(ids.lonely));
    expect(await reportCampaigns(lonely)).toEqual([]);
    expect((await loadReport(await principal(ids.lonely), {})).report).toBeUndefined();
    const own = await reportScope(await principal(ids.own));
    expect(own).toEqual({ kind: "agents", agentIds: [ids.own], own: true });
    expect(await reportCampaigns(own)).toEqual([]);
  });

  it("needs the export right for the CSV, and a reporting right", async () => {
    const url = `http://relais.test/api/reporting/csv?campaign=${ids.campaign}&preset=custom&from=2026-11-01&to=2026-11-30&table=summary`;
    signInAs(ids.alice);
    expect((await csvRoute(new Request(url))).status).toBe(403);
    signInAs(ids.admin);
    const ok = await csvRoute(new Request(url));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    signInAs(ids.admin);
    expect((await csvRoute(new Request(url.replace("table=summary", "table=nope")))).status).toBe(400);
  });
});
