// The reporting rollups (migration 0022) against the facts they are kept from: after every kind of
// change a conversation goes through (arrival in a batch, qualification through the workspace's
// own function, a requalification, a status renamed after the fact, a moved closing time, a
// release from the filtered list, a first offer, a deletion), the rollup tables equal the same aggregates
// recomputed from `conversations`, and the report read from them equals the report read from the
// conversations — over a month, over the 25-hour day of a DST change and over hours around it.
// PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { assignments, campaigns, conversations, qualificationGroups, qualificationStatuses, users, workSchedules } from "@/db/schema";
import { rows } from "@/db/client";
import { closeQualified } from "@/lib/conversations/qualify";
import { ownConversation } from "@/lib/conversations/access";
import { campaignReport, campaignsOverview, periodSplit, rollupCovers, type ReportOptions } from "@/lib/reporting/queries";
import { resolveRange, type ReportRange } from "@/lib/reporting/range";
import { resetClock, setClockAt } from "@/lib/clock";
import { setupTestDatabase } from "./db";

const db = setupTestDatabase();
const PARIS = "Europe/Paris";
const ids = { alice: 0, bob: 0, campaign: 0, other: 0, sale: 0, refusal: 0, wrong: 0 };
type Status = { id: number; code: string; label: string; category: "positive" | "argued" | "not_argued"; benefit: string };
const statuses: Record<string, Status> = {};

const range = (from: string, to: string, timeZone = PARIS): ReportRange =>
  resolveRange({ preset: "custom", from, to }, timeZone, new Date("2026-12-01T12:00:00Z"));
const october = range("2026-10-01", "2026-10-31");
const dstDay = range("2026-10-25", "2026-10-25"); // 25 hours in Paris: hourly buckets, 02:00 twice
const around = range("2026-10-24", "2026-10-26"); // three days: daily buckets across the change
const kolkata = range("2026-10-01", "2026-10-31", "Asia/Kolkata"); // +05:30: not whole UTC hours

/** The rollup tables as they are, without the rows a change brought back to zero. */
async function stored() {
  const arrivals = await rows<Record<string, unknown>>(
    db.handle.db,
    sql`select campaign_id, grain, period, received, filtered, reached, reached_filtered from report_arrivals
        where received <> 0 or filtered <> 0 or reached <> 0 or reached_filtered <> 0 order by 1, 2, 3`,
  );
  const days = await rows<Record<string, unknown>>(
    db.handle.db,
    sql`select campaign_id, day, handled, positive, argued, not_argued, benefit::text from report_handled_days
        where handled <> 0 or benefit <> 0 order by 1, 2`,
  );
  const hours = await rows<Record<string, unknown>>(
    db.handle.db,
    sql`select campaign_id, hour, status_id, code, label, category, n, benefit::text from report_status_hours
        where n <> 0 or benefit <> 0 order by 1, 2, 3, 4, 5, 6`,
  );
  return { arrivals, days, hours };
}

/** The same aggregates computed from the conversations now. */
async function recomputed() {
  const arrivals = await rows<Record<string, unknown>>(
    db.handle.db,
    sql`select campaign_id, g.grain, date_trunc(g.grain, created_at, 'UTC') as period, count(*)::int as received,
               (count(*) filter (where status = 'filtered' or filtered_term is not null))::int as filtered,
               (count(*) filter (where first_offered_at is not null or assigned_agent_id is not null or qualified_by is not null))::int as reached,
               (count(*) filter (where (status = 'filtered' or filtered_term is not null)
                                   and (first_offered_at is not null or assigned_agent_id is not null or qualified_by is not null)))::int as reached_filtered
        from conversations cross join (values ('day'), ('hour')) g(grain) group by 1, 2, 3 order by 1, 2, 3`,
  );
  const days = await rows<Record<string, unknown>>(
    db.handle.db,
    sql`select campaign_id, date_trunc('day', closed_at, 'UTC') as day, count(*)::int as handled,
               (count(*) filter (where qualification_category = 'positive'))::int as positive,
               (count(*) filter (where qualification_category = 'argued'))::int as argued,
               (count(*) filter (where qualification_category = 'not_argued'))::int as not_argued,
               coalesce(sum(qualification_benefit), 0)::numeric(14,2)::text as benefit
        from conversations where closed_at is not null and qualified_by is not null group by 1, 2 order by 1, 2`,
  );
  const hours = await rows<Record<string, unknown>>(
    db.handle.db,
    sql`select campaign_id, date_trunc('hour', closed_at, 'UTC') as hour, qualification_status_id as status_id, qualification_code as code,
               qualification_label as label, qualification_category as category, count(*)::int as n,
               coalesce(sum(qualification_benefit), 0)::numeric(14,2)::text as benefit
        from conversations where closed_at is not null and qualified_by is not null group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
  );
  return { arrivals, days, hours };
}

const normalise = (list: Record<string, unknown>[]) =>
  list.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Date ? v.toISOString() : typeof v === "string" && /^\d{4}-\d\d-\d\d[ T]/.test(v) ? new Date(v).toISOString() : v,
      ]),
    ),
  );

async function expectRollupsEqualFacts() {
  const [a, b] = await Promise.all([stored(), recomputed()]);
  expect(normalise(a.arrivals)).toEqual(normalise(b.arrivals));
  expect(normalise(a.days)).toEqual(normalise(b.days));
  expect(normalise(a.hours)).toEqual(normalise(b.hours));
}

/** Every report of these ranges is the same read from the rollups and from the conversations. */
async function expectReportsEqual(ranges: ReportRange[] = [october, dstDay, around, kolkata]) {
  const facts: ReportOptions = { source: "facts" };
  for (const r of ranges) {
    const [auto, raw] = await Promise.all([
      campaignReport({ kind: "all" }, ids.campaign, r),
      campaignReport({ kind: "all" }, ids.campaign, r, facts),
    ]);
    expect(auto).toEqual(raw);
    const list = [
      { id: ids.campaign, name: "Rollup" },
      { id: ids.other, name: "Other" },
    ];
    const [overview, overviewRaw] = await Promise.all([
      campaignsOverview({ kind: "all" }, list, () => r),
      campaignsOverview({ kind: "all" }, list, () => r, facts),
    ]);
    expect(overview).toEqual(overviewRaw);
  }
}

function conversationRow(campaignId: number, created: string, extra: Partial<typeof conversations.$inferInsert> = {}) {
  return {
    campaignId,
    network: "twitter",
    threadId: `t-${Math.random()}`,
    authorId: "a",
    authorHandle: "a",
    authorName: "A",
    createdAt: new Date(created),
    waitingSince: new Date(created),
    ...extra,
  };
}

function qualified(status: Status, agentId: number, closed: string) {
  return {
    status: "closed" as const,
    closedAt: new Date(closed),
    qualifiedBy: agentId,
    qualificationStatusId: status.id,
    qualificationCode: status.code,
    qualificationLabel: status.label,
    qualificationCategory: status.category,
    qualificationBenefit: status.benefit,
  };
}

beforeAll(async () => {
  const d = db.handle.db;
  const [alice, bob] = await d
    .insert(users)
    .values([
      { login: "2001", name: "Alice", passwordHash: "x", role: "agent" },
      { login: "2002", name: "Bob", passwordHash: "x", role: "agent" },
    ])
    .returning({ id: users.id });
  ids.alice = alice.id;
  ids.bob = bob.id;
  const [schedule] = await d.insert(workSchedules).values({ name: "Paris", timeZone: PARIS, days: [] }).returning();
  const [qg] = await d.insert(qualificationGroups).values({ name: "Sales", currency: "EUR" }).returning();
  const list = await d
    .insert(qualificationStatuses)
    .values([
      { groupId: qg.id, code: "VENTE", label: "Vente", category: "positive", benefit: "49.90", quotaValidation: true, quota: 10 },
      { groupId: qg.id, code: "REFUS", label: "Refus", category: "argued", benefit: "0" },
      { groupId: qg.id, code: "FAUX", label: "Faux numéro", category: "not_argued", benefit: "1.25" },
    ])
    .returning();
  for (const s of list) statuses[s.code] = { id: s.id, code: s.code, label: s.label, category: s.category, benefit: s.benefit };
  const [campaign, other] = await d
    .insert(campaigns)
    .values([
      { type: "twitter", name: "Rollup", scheduleId: schedule.id, qualificationGroupId: qg.id },
      { type: "twitter", name: "Other", scheduleId: schedule.id, qualificationGroupId: qg.id },
    ])
    .returning();
  ids.campaign = campaign.id;
  ids.other = other.id;

  // One batch (one statement, as ingestion stores a poll): October, the DST night (clocks back
  // at 03:00 Paris = 01:00 UTC on 25 October: 00:30 and 01:30 UTC are both «02:xx» in Paris),
  // a filtered message, and the other campaign.
  const { VENTE, REFUS, FAUX } = statuses;
  await d
    .insert(conversations)
    .values([
      conversationRow(campaign.id, "2026-10-03T08:00:00Z", qualified(VENTE, ids.alice, "2026-10-03T08:20:00Z")),
      conversationRow(campaign.id, "2026-10-03T08:10:00Z", qualified(REFUS, ids.bob, "2026-10-03T08:40:00Z")),
      conversationRow(campaign.id, "2026-10-24T21:59:00Z", qualified(FAUX, ids.alice, "2026-10-24T22:10:00Z")),
      conversationRow(campaign.id, "2026-10-25T00:30:00Z", qualified(VENTE, ids.bob, "2026-10-25T00:45:00Z")),
      conversationRow(campaign.id, "2026-10-25T01:30:00Z", qualified(VENTE, ids.alice, "2026-10-25T01:50:00Z")),
      conversationRow(campaign.id, "2026-10-25T22:50:00Z", qualified(REFUS, ids.alice, "2026-10-25T23:05:00Z")),
      conversationRow(campaign.id, "2026-10-31T22:55:00Z", qualified(VENTE, ids.bob, "2026-10-31T23:10:00Z")),
      conversationRow(campaign.id, "2026-10-12T10:00:00Z", { status: "filtered", filteredTerm: "spam", waitingSince: null }),
      conversationRow(campaign.id, "2026-10-13T10:00:00Z", { status: "waiting" }),
      conversationRow(other.id, "2026-10-05T10:00:00Z", qualified(VENTE, ids.bob, "2026-10-05T10:30:00Z")),
    ]);
});

afterAll(() => resetClock());

describe("reporting rollups", () => {
  it("equal the facts after a batch of arrivals, and the reports read from them equal the facts' reports", async () => {
    await expectRollupsEqualFacts();
    expect(rollupCovers(october) && rollupCovers(dstDay) && rollupCovers(around)).toBe(true);
    expect(rollupCovers(kolkata)).toBe(false);
    await expectReportsEqual();
    // The DST day is 25 hours; the two «02:00» hours are one bucket, as the facts group them.
    const day = (await campaignReport({ kind: "all" }, ids.campaign, dstDay))!;
    expect(day.series.find((b) => b.bucket === "2026-10-25T02:00")?.positive).toBe(2);
    expect(day.totals.handled).toBe(3); // 00:10 on the 25th in Paris (22:10 UTC the day before) is in it
  });

  it("follow a qualification given in the workspace, a status renamed afterwards and a requalification", async () => {
    const d = db.handle.db;
    const [c] = await d
      .insert(conversations)
      .values(conversationRow(ids.campaign, "2026-10-20T09:00:00Z", { status: "assigned", assignedAgentId: ids.alice }))
      .returning({ id: conversations.id });
    await d.insert(assignments).values({ conversationId: c.id, agentId: ids.alice, why: "any", state: "accepted" });
    setClockAt(new Date("2026-10-20T09:30:00Z"));
    await d.transaction(async (tx) => {
      const owned = await ownConversation(tx, ids.alice, c.id);
      await closeQualified(tx, ids.alice, owned, { statusId: statuses.VENTE.id });
    });
    await expectRollupsEqualFacts();
    const before = (await campaignReport({ kind: "all" }, ids.campaign, october))!;

    // Renamed and re-categorised after the fact: past reports keep what was given.
    await d
      .update(qualificationStatuses)
      .set({ label: "Vente conclue", category: "argued", benefit: "10" })
      .where(eq(qualificationStatuses.id, statuses.VENTE.id));
    const after = (await campaignReport({ kind: "all" }, ids.campaign, october))!;
    expect(after.statuses).toEqual(before.statuses);
    expect(after.totals).toEqual(before.totals);

    // A later qualification with the new label: two rows for the one status, each with its label.
    await d
      .insert(conversations)
      .values(
        conversationRow(
          ids.campaign,
          "2026-10-21T09:00:00Z",
          qualified({ ...statuses.VENTE, label: "Vente conclue", category: "argued", benefit: "10.00" }, ids.bob, "2026-10-21T09:10:00Z"),
        ),
      );
    const renamed = (await campaignReport({ kind: "all" }, ids.campaign, october))!;
    expect(renamed.statuses.filter((s) => s.statusId === statuses.VENTE.id).map((s) => s.label)).toEqual(["Vente", "Vente conclue"]);

    // Requalified (another status, another agent, closed later on another day).
    await d
      .update(conversations)
      .set({ ...qualified(statuses.FAUX, ids.bob, "2026-10-22T15:00:00Z") })
      .where(eq(conversations.id, c.id));
    await expectRollupsEqualFacts();
    await expectReportsEqual();
  });

  it("give a scoped viewer the same arrivals whether found from his agents' side or from the campaign's", async () => {
    // Over 500 agents the arrivals are probed one by one; the 600 extra ids are nobody's.
    const small = { kind: "agents" as const, agentIds: [ids.alice], own: false };
    const large = { kind: "agents" as const, agentIds: [ids.alice, ...Array.from({ length: 600 }, (_, i) => 1_000_000 + i)], own: false };
    for (const r of [october, dstDay, around]) {
      const [a, b] = await Promise.all([campaignReport(small, ids.campaign, r), campaignReport(large, ids.campaign, r)]);
      expect(a!.received).toBeGreaterThan(0);
      expect({ ...a, scope: null }).toEqual({ ...b, scope: null });
      const list = [{ id: ids.campaign, name: "Rollup" }];
      expect(await campaignsOverview(small, list, () => r)).toEqual(await campaignsOverview(large, list, () => r));
    }
  });

  it("give a supervisor of nearly everyone the same arrivals counted as those that reached an agent minus those only others reached", async () => {
    // Nearly everyone: fewer users outside the scope than agents in it (the ids past a million are nobody's).
    const everyone = (await db.handle.db.select({ id: users.id }).from(users)).map((u) => u.id);
    const allButBob = [...everyone.filter((id) => id !== ids.bob), 1_000_001, 1_000_002, 1_000_003];
    const list = [
      { id: ids.campaign, name: "Rollup" },
      { id: ids.other, name: "Other" },
    ];
    const facts: ReportOptions = { source: "facts" };
    for (const r of [october, dstDay, around]) {
      for (const agentIds of [everyone, allButBob]) {
        const scope = { kind: "agents" as const, agentIds, own: false };
        expect(await campaignsOverview(scope, list, () => r)).toEqual(await campaignsOverview(scope, list, () => r, facts));
        // The campaign's own report too, hour by hour or day by day (its chart) as well as in total.
        expect(await campaignReport(scope, ids.campaign, r)).toEqual(await campaignReport(scope, ids.campaign, r, facts));
      }
      // Everyone but Bob received what Alice received (the nobody ids reached nothing).
      const alice = { kind: "agents" as const, agentIds: [ids.alice], own: false };
      const butBob = { kind: "agents" as const, agentIds: allButBob, own: false };
      const [a, b] = await Promise.all([campaignsOverview(alice, list, () => r), campaignsOverview(butBob, list, () => r)]);
      expect(b.map((x) => x.received)).toEqual(a.map((x) => x.received));
    }
    const all = { kind: "agents" as const, agentIds: everyone, own: false };
    const [oct] = await campaignsOverview(all, list, () => october);
    // October's arrivals that reached an agent: every qualified one, not the filtered nor the waiting one.
    const [{ n }] = await rows<{ n: number }>(
      db.handle.db,
      sql`select count(*)::int as n from conversations where campaign_id = ${ids.campaign} and qualified_by is not null
          and created_at >= ${october.from.toISOString()}::timestamptz and created_at < ${october.to.toISOString()}::timestamptz`,
    );
    expect(n).toBeGreaterThan(0);
    expect(oct.received).toBe(n);
  });

  it("read a period inside one UTC day, and edges over 12 hours, as whole days minus the hours outside, equal to the facts", async () => {
    const list = [
      { id: ids.campaign, name: "Rollup" },
      { id: ids.other, name: "Other" },
    ];
    const everyone = (await db.handle.db.select({ id: users.id }).from(users)).map((u) => u.id);
    const cases: [string, string][] = [
      ["2026-10-03T07:00:00Z", "2026-10-03T09:00:00Z"], // 2 hours inside a day: its hours
      ["2026-10-03T01:00:00Z", "2026-10-03T23:00:00Z"], // 22 hours inside a day: the day minus 2 hours
      ["2026-10-02T20:00:00Z", "2026-10-25T01:00:00Z"], // edges of 4 and 1 hours: added
      ["2026-10-02T03:00:00Z", "2026-10-25T22:00:00Z"], // edges of 21 and 22 hours: whole days minus 3 and 2 hours
    ];
    const H = 3_600_000;
    const at = (iso: string) => new Date(iso).getTime();
    expect(periodSplit(new Date(cases[0][0]), new Date(cases[0][1]))).toEqual({ m0: at(cases[0][1]), m1: at(cases[0][1]) });
    expect(periodSplit(new Date(cases[1][0]), new Date(cases[1][1]))).toEqual({
      m0: at("2026-10-03T00:00:00Z"),
      m1: at("2026-10-04T00:00:00Z"),
    });
    expect(periodSplit(new Date(cases[2][0]), new Date(cases[2][1]))).toEqual({
      m0: at("2026-10-03T00:00:00Z"),
      m1: at("2026-10-25T00:00:00Z"),
    });
    expect(periodSplit(new Date(cases[3][0]), new Date(cases[3][1]))).toEqual({
      m0: at("2026-10-02T00:00:00Z"),
      m1: at("2026-10-26T00:00:00Z"),
    });
    expect(at("2026-10-03T00:00:00Z") - at(cases[3][0])).toBe(21 * H);
    for (const [from, to] of cases) {
      const r = { ...october, from: new Date(from), to: new Date(to) };
      for (const scope of [{ kind: "all" as const }, { kind: "agents" as const, agentIds: everyone, own: false }]) {
        const found = await campaignsOverview(scope, list, () => r);
        expect(found[0].received).toBeGreaterThan(0);
        expect(found[0].handled).toBeGreaterThan(0);
        expect(found).toEqual(await campaignsOverview(scope, list, () => r, { source: "facts" }));
      }
    }
  });

  it("follow a release from the filtered list, a conversation moved to another campaign and a deletion", async () => {
    const d = db.handle.db;
    const [spam] = await d.select({ id: conversations.id }).from(conversations).where(eq(conversations.filteredTerm, "spam"));
    await d.update(conversations).set({ status: "waiting", filteredTerm: null }).where(eq(conversations.id, spam.id));
    // Released, then offered to Alice (the assignment's trigger sets first_offered_at): it has now
    // reached an agent, and a supervisor of everyone counts it among his arrivals.
    const everyone = (await d.select({ id: users.id }).from(users)).map((u) => u.id);
    const all = { kind: "agents" as const, agentIds: everyone, own: false };
    const rollup = [{ id: ids.campaign, name: "Rollup" }];
    const [before] = await campaignsOverview(all, rollup, () => october);
    await d
      .insert(assignments)
      .values({ conversationId: spam.id, agentId: ids.alice, why: "any", state: "offered", offeredAt: new Date("2026-10-12T10:05:00Z") });
    await expectRollupsEqualFacts();
    const [after] = await campaignsOverview(all, rollup, () => october);
    expect(after.received).toBe(before.received + 1);
    expect(await campaignsOverview(all, rollup, () => october, { source: "facts" })).toEqual([after]);
    const [moved] = await d
      .insert(conversations)
      .values(conversationRow(ids.campaign, "2026-10-26T09:00:00Z", qualified(statuses.REFUS, ids.alice, "2026-10-26T09:30:00Z")))
      .returning({ id: conversations.id });
    await d.update(conversations).set({ campaignId: ids.other }).where(eq(conversations.id, moved.id));
    await expectRollupsEqualFacts();
    await d.delete(conversations).where(eq(conversations.id, moved.id));
    await expectRollupsEqualFacts();
    await expectReportsEqual();
  });
});
