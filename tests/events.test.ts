import { beforeAll, describe, it, expect, vi } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { campaigns, campaignSummaries, events, jobRuns, queues } from "@/db/schema";
import { subscribe } from "@/lib/realtime/bus";
import type { LiveMessage } from "@/lib/events/types";
import { EmbeddedRunner } from "@/lib/jobs/runner";
import { jobs } from "@/lib/jobs/registry";
import { computeCampaignSummaries } from "@/lib/summary/compute";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { updateQueueAction } = await import("@/app/(admin)/admin/queues/actions");

const settle = () => new Promise((r) => setTimeout(r, 200));

describe("domain events: a mutation and its side effects (database)", () => {
  const w = setupDemoWorkspace();
  const other = { campaignId: 0, queueId: 0 };
  const counts = async () => {
    const [e] = await w.db.select({ n: count() }).from(events);
    const [r] = await w.db.select({ n: count() }).from(jobRuns);
    return { events: e.n, runs: r.n };
  };
  const summaryTimes = async () =>
    new Map(
      (await w.db.select({ id: campaignSummaries.campaignId, at: campaignSummaries.computedAt }).from(campaignSummaries)).map((s) => [
        s.id,
        s.at.getTime(),
      ]),
    );
  const socialQueue = async () => (await w.db.select().from(queues).where(eq(queues.code, "SOCIAL")))[0];

  beforeAll(async () => {
    signInAs(w.state.adminId);
    // A second campaign on a queue of its own: a change of the demo's queue must not touch it.
    const [queue] = await w.db.insert(queues).values({ code: "AUTRE" }).returning();
    const [campaign] = await w.db.insert(campaigns).values({ type: "twitter", name: "Autre campagne", queueId: queue.id }).returning();
    Object.assign(other, { campaignId: campaign.id, queueId: queue.id });
    await computeCampaignSummaries();
    // Commits of audit entries labelled BOOM-Q fail at COMMIT, after the whole mutation ran.
    await w.db.execute(
      sql.raw(`
      create function refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.object_label = 'BOOM-Q' then raise exception 'refused at commit'; end if;
        return new;
      end $$`),
    );
    await w.db.execute(
      sql.raw(`
      create constraint trigger refuse_boom after insert on audit_log deferrable initially deferred
        for each row execute function refuse_boom()`),
    );
  });

  it("a mutation rolled back at commit leaves no event, no job run and no live push", async () => {
    const runner = new EmbeddedRunner(jobs);
    await runner.idle();
    const before = await counts();
    const received: LiveMessage[] = [];
    const unsubscribe = await subscribe((m) => received.push(m));
    const queue = await socialQueue();
    const result = await updateQueueAction({
      id: queue.id,
      code: "BOOM-Q",
      description: queue.description,
      version: queue.updatedAt.toISOString(),
    });
    expect(result).toMatchObject({ ok: false, error: "errors.unexpected" });
    await runner.idle();
    await settle();
    unsubscribe();
    await runner.stop();
    expect(await counts()).toEqual(before);
    expect(received).toEqual([]);
    expect((await socialQueue()).code).toBe("SOCIAL");
  });

  it("a committed mutation: its event, a live push, and the summary of the campaign it touches recomputed, only that one", async () => {
    const runner = new EmbeddedRunner(jobs);
    const before = await summaryTimes();
    const received: LiveMessage[] = [];
    const unsubscribe = await subscribe((m) => received.push(m));
    const queue = await socialQueue();
    const result = await updateQueueAction({
      id: queue.id,
      code: "SOCIAL-FR",
      description: queue.description,
      version: queue.updatedAt.toISOString(),
    });
    expect(result.ok).toBe(true);
    const [change] = await w.db
      .select()
      .from(events)
      .where(eq(events.name, "relais/config.changed"))
      .orderBy(sql`${events.id} desc`)
      .limit(1);
    expect(change.data).toEqual({ object: "queue", ids: [queue.id] });

    await runner.idle();
    await settle();
    unsubscribe();
    await runner.stop();
    const after = await summaryTimes();
    expect(after.get(w.state.campaignId)).toBeGreaterThan(before.get(w.state.campaignId)!);
    expect(after.get(other.campaignId)).toBe(before.get(other.campaignId));
    const computed = await w.db
      .select({ data: jobRuns.eventData, state: jobRuns.state })
      .from(jobRuns)
      .where(eq(jobRuns.jobId, "compute-campaign-summary"));
    expect(computed).toEqual([{ data: { campaignId: w.state.campaignId }, state: "done" }]);
    expect(received).toContainEqual(expect.objectContaining({ type: "campaign.summary", campaignId: w.state.campaignId }));
    expect(received.filter((m) => m.type === "campaign.summary" && m.campaignId === other.campaignId)).toEqual([]);
    const [stored] = await w.db.select().from(campaignSummaries).where(eq(campaignSummaries.campaignId, w.state.campaignId));
    expect(stored.elements.find((e) => e.element === "queue")?.params).toMatchObject({ code: "SOCIAL-FR" });
  });
});
