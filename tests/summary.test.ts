import { beforeAll, describe, it, expect } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import {
  adminNotifications,
  agentSkills,
  auditLog,
  blacklists,
  campaignBlacklists,
  campaigns,
  campaignSkills,
  campaignSummaries,
  customerDatabases,
  distributionRuleGroups,
  holidayGroups,
  holidays,
  predefinedResponses,
  queues,
  scriptVersions,
  skillGroups,
  skills,
  workSchedules,
} from "@/db/schema";
import { subscribe } from "@/lib/realtime/bus";
import type { LiveMessage } from "@/lib/events/types";
import { EmbeddedRunner } from "@/lib/jobs/runner";
import { updateQueue } from "@/lib/queues/mutations";
import { createScript, generateScript, saveDraft } from "@/lib/scripts/mutations";
import { saveCustomerFile } from "@/lib/scripts/customer-file-mutations";
import { scriptModelSchema } from "@/lib/scripts/model";
import { ensureDefaultDatabase } from "@/lib/databases/default";
import { computeCampaignSummaries, computeCampaignSummary, getCampaignSummaries } from "@/lib/summary/compute";
import { loadCampaignSnapshots } from "@/lib/summary/snapshot";
import { describeNotification } from "@/lib/summary/describe";
import { createTranslator, getMessages } from "@/lib/i18n/translate";
import { computeCampaignSummaryJob } from "@/lib/jobs/functions/compute-campaign-summary";
import { summaryFollowsConfigJob } from "@/lib/jobs/functions/summary-follows-config";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

const { GET: openStream } = await import("@/app/api/stream/route");

/** Reads the server-sent events a user receives until `close()`. */
async function listen(uid: number) {
  signInAs(uid);
  const abort = new AbortController();
  const response = await openStream(new Request("http://relais.test/api/stream", { signal: abort.signal }));
  expect(response.status).toBe(200);
  const events: LiveMessage[] = [];
  const reader = response.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const m of decoder.decode(value).matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(m[1]) as LiveMessage);
    }
  })().catch(() => {});
  return { events, close: () => abort.abort() };
}

const lightOf = (s: { elements: { element: string; light: string; reason: string }[] }, element: string) =>
  s.elements.find((e) => e.element === element);
const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe("campaign summary (database)", () => {
  const w = setupDemoWorkspace();
  const admin = { id: 0, login: "admin" };
  beforeAll(async () => {
    admin.id = w.state.adminId;
    // The seeded demo can run (it has a production script and predefined responses): check that,
    // then take them away to walk through the red case.
    const seeded = await computeCampaignSummary(w.state.campaignId);
    expect(seeded.overall).not.toBe("red");
    expect((await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId)))[0].state).toBe("running");
    await w.db.delete(predefinedResponses).where(eq(predefinedResponses.campaignId, w.state.campaignId));
    await w.setCampaign({ scriptId: null, scriptVersionId: null });
  });

  it("the running demo campaign has no script: red, so it is stopped and the admins are told why", async () => {
    const admin0 = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    expect(admin0[0].state).toBe("running");
    const events: LiveMessage[] = [];
    const unsubscribe = await subscribe((e) => events.push(e));

    const summary = await computeCampaignSummary(w.state.campaignId);
    expect(summary.overall).toBe("red");
    expect(lightOf(summary, "script")).toMatchObject({ light: "red", reason: "summary.reasons.script.none" });
    expect(lightOf(summary, "general")).toMatchObject({ light: "green", reason: "summary.reasons.general.ok" });
    expect(lightOf(summary, "search")).toMatchObject({ light: "green" });
    expect(lightOf(summary, "queue")).toMatchObject({ light: "green" });
    expect(lightOf(summary, "qualifications")).toMatchObject({ light: "green" });
    expect(lightOf(summary, "schedule")).toMatchObject({ light: "green", reason: "summary.reasons.schedule.alwaysOpen" });
    expect(lightOf(summary, "predefinedResponses")).toMatchObject({ light: "orange", reason: "summary.reasons.predefinedResponses.none" });
    expect(lightOf(summary, "skills")).toMatchObject({ light: "green", reason: "summary.reasons.skills.okNoSkill" });
    expect(summary.elements.filter((e) => e.light === "red").map((e) => e.element)).toEqual(["script"]);

    const [after] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    expect(after.state).toBe("stopped");
    const notes = await w.db.select().from(adminNotifications).where(eq(adminNotifications.campaignId, w.state.campaignId));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: "campaign.stopped",
      message: "summary.notifications.campaignStopped",
      params: { campaign: "Démo Twitter", elements: "script" },
    });
    expect(describeNotification(createTranslator(getMessages("fr")), notes[0])).toBe(
      "La campagne « Démo Twitter » a été arrêtée : éléments bloquants (Script agent)",
    );
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "campaign"), eq(auditLog.objectId, w.state.campaignId)));
    expect(audit).toMatchObject({
      userId: null,
      userLogin: "system",
      action: "update",
      before: { state: "running" },
      after: { state: "stopped" },
    });

    await waitFor(() => events.some((e) => e.type === "campaign.summary"));
    unsubscribe();
    expect(events).toContainEqual({ type: "campaign.summary", campaignId: w.state.campaignId, overall: "red" });

    // Stored, and recomputing without a change tells nobody and writes no second notification.
    const [stored] = await w.db.select().from(campaignSummaries).where(eq(campaignSummaries.campaignId, w.state.campaignId));
    expect(stored.overall).toBe("red");
    expect(await computeCampaignSummaries()).toEqual({ computed: 1, changed: [], stopped: [] });
    expect(await w.db.select().from(adminNotifications)).toHaveLength(1);
  });

  it("turns green once given a production script and a predefined response; a newer production version is orange", async () => {
    const script = await createScript(admin, "Accueil démo");
    const model = scriptModelSchema.parse({
      version: 2,
      pages: [
        {
          id: "p1",
          name: "Accueil",
          objects: [
            { id: "o1", kind: "input", name: "NOM", label: "Nom", layout: { row: 0, col: 0, width: 6 } },
            { id: "o2", kind: "input", name: "EMAIL", label: "Email", layout: { row: 1, col: 0, width: 6 } },
          ],
        },
      ],
      actions: [],
      variables: [],
    });
    await saveDraft(admin, script.id, 1, model);
    const databaseId = await ensureDefaultDatabase();
    await saveCustomerFile(admin, {
      scriptId: script.id,
      databaseId,
      tableName: "C_DEMO",
      columns: [
        { objectId: "o1", column: "NOM" },
        { objectId: "o2", column: "EMAIL" },
      ],
      excluded: [],
    });
    const v1 = await generateScript(admin, script.id, "production", 2);
    if (v1.status !== "generated") throw new Error(JSON.stringify(v1));
    await w.setCampaign({ scriptId: script.id, scriptVersionId: v1.versionId });
    await w.db.insert(predefinedResponses).values({ campaignId: w.state.campaignId, title: "Merci", text: "Merci $NOM" });

    let summary = await computeCampaignSummary(w.state.campaignId);
    expect(lightOf(summary, "script")).toMatchObject({ light: "green", reason: "summary.reasons.script.ok" });
    expect(lightOf(summary, "predefinedResponses")).toMatchObject({ light: "green" });
    expect(lightOf(summary, "customerFile")).toMatchObject({ light: "green", reason: "summary.reasons.customerFile.ok" });
    expect(summary.overall).toBe("green");

    const v2 = await generateScript(admin, script.id, "production", 2);
    expect(v2.status).toBe("generated");
    summary = await computeCampaignSummary(w.state.campaignId);
    expect(lightOf(summary, "script")).toMatchObject({
      light: "orange",
      reason: "summary.reasons.script.newerVersion",
      params: { picked: 1, latest: 2 },
    });
    expect(summary.overall).toBe("orange");

    // A version whose mapping leaves EMAIL out without saying so (generation refuses that today;
    // versions are immutable, so one generated before that check would stay so).
    const [stored] = await w.db.select().from(scriptVersions).where(eq(scriptVersions.id, v1.versionId));
    const mapping = { columns: stored.customerFile!.mapping.columns.filter((c) => c.column === "NOM"), excluded: [] };
    const [v3] = await w.db
      .insert(scriptVersions)
      .values({
        scriptId: script.id,
        kind: "production",
        number: 3,
        model: stored.model,
        customerFile: { ...stored.customerFile!, mapping },
      })
      .returning();
    await w.setCampaign({ scriptVersionId: v3.id });
    summary = await computeCampaignSummary(w.state.campaignId);
    expect(lightOf(summary, "script")).toMatchObject({ light: "green", params: { number: 3 } });
    expect(lightOf(summary, "customerFile")).toMatchObject({
      light: "orange",
      reason: "summary.reasons.customerFile.unmapped",
      params: { objects: "EMAIL" },
    });
  });

  it("a production version that books appointments without an agenda makes the agenda orange, naming what books", async () => {
    const [campaign] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const [picked] = await w.db.select().from(scriptVersions).where(eq(scriptVersions.id, campaign.scriptVersionId!));
    // Without the demo's address book and sales-rep schedule.
    await w.setCampaign({ addressBookId: null, salesRepScheduleId: null });
    expect(lightOf(await computeCampaignSummary(w.state.campaignId), "agenda")).toMatchObject({
      light: "green",
      reason: "summary.reasons.agenda.notUsed",
    });
    const model = scriptModelSchema.parse({
      version: 2,
      pages: [
        {
          id: "p1",
          name: "Accueil",
          objects: [{ id: "o9", kind: "agenda", name: "RDV", label: "Rendez-vous", layout: { row: 0, col: 0, width: 6 } }],
        },
      ],
      actions: [{ id: "a1", name: "Prendre RDV", commands: [{ type: "bookAppointment", objectId: "o9" }] }],
      variables: [],
    });
    const script = await createScript(admin, "Prise de rendez-vous");
    const [booking] = await w.db
      .insert(scriptVersions)
      .values({ scriptId: script.id, kind: "production", number: 1, model, customerFile: null })
      .returning();
    await w.setCampaign({ scriptId: script.id, scriptVersionId: booking.id });
    const summary = await computeCampaignSummary(w.state.campaignId);
    expect(lightOf(summary, "agenda")).toMatchObject({
      light: "orange",
      reason: "summary.reasons.agenda.scriptBooksNoAgenda",
      params: { uses: "RDV, Prendre RDV" },
    });
    await w.setCampaign({
      scriptId: picked.scriptId,
      scriptVersionId: picked.id,
      addressBookId: campaign.addressBookId,
      salesRepScheduleId: campaign.salesRepScheduleId,
    });
  });

  it("a running campaign whose customer-file table disappears turns red and is stopped", async () => {
    await w.setCampaign({ state: "running" });
    const [database] = await w.db.select().from(customerDatabases).where(eq(customerDatabases.isDefault, true));
    await w.db.execute(sql.raw(`drop table "${database.schemaName}"."C_DEMO"`));
    const report = await computeCampaignSummaries([w.state.campaignId]);
    expect(report).toEqual({ computed: 1, changed: [w.state.campaignId], stopped: [w.state.campaignId] });
    const summary = (await getCampaignSummaries([w.state.campaignId])).get(w.state.campaignId)!;
    expect(lightOf(summary, "customerFile")).toMatchObject({ light: "red", reason: "summary.reasons.customerFile.tableMissing" });
    const [after] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    expect(after.state).toBe("stopped");
    const notes = await w.db.select().from(adminNotifications).where(eq(adminNotifications.campaignId, w.state.campaignId));
    expect(notes.at(-1)?.params).toEqual({ campaign: "Démo Twitter", elements: "customerFile" });
  });

  it("counts the agents holding every required skill at its level", async () => {
    const [group] = await w.db.insert(skillGroups).values({ name: "Langues" }).returning();
    const [fr, en] = await w.db
      .insert(skills)
      .values([
        { groupId: group.id, name: "Français" },
        { groupId: group.id, name: "Anglais" },
      ])
      .returning();
    await w.db.insert(campaignSkills).values([
      { campaignId: w.state.campaignId, skillId: fr.id, minLevel: 5 },
      { campaignId: w.state.campaignId, skillId: en.id, minLevel: 2 },
    ]);
    const skillsLight = async () => lightOf(await computeCampaignSummary(w.state.campaignId), "skills");
    expect(await skillsLight()).toMatchObject({ light: "red", reason: "summary.reasons.skills.noQualifiedAgent" });
    const [a, b, c] = w.state.agents;
    // Level too low in French, or missing English: not counted.
    await w.db.insert(agentSkills).values([
      { userId: a, skillId: fr.id, level: 5 },
      { userId: a, skillId: en.id, level: 2 },
      { userId: b, skillId: fr.id, level: 4 },
      { userId: b, skillId: en.id, level: 9 },
      { userId: c, skillId: fr.id, level: 9 },
    ]);
    expect(await skillsLight()).toMatchObject({ light: "orange", reason: "summary.reasons.skills.fewAgents", params: { count: 1 } });
    await w.db.insert(agentSkills).values({ userId: c, skillId: en.id, level: 3 });
    expect(await skillsLight()).toMatchObject({ light: "green", params: { count: 2, skills: "Anglais ≥ 2, Français ≥ 5" } });
  });

  it("reads schedules, holidays, distribution rules and blacklists as they are", async () => {
    const closed = { open1: "", close1: "", open2: "", close2: "" };
    const [schedule] = await w.db
      .insert(workSchedules)
      .values({ name: "Fermé", days: Array(7).fill(closed) })
      .returning();
    const [holidayGroup] = await w.db.insert(holidayGroups).values({ name: "France" }).returning();
    await w.db.insert(holidays).values([{ groupId: holidayGroup.id, label: "Noël", date: "2026-12-25", recurring: true }]);
    const [rules] = await w.db.insert(distributionRuleGroups).values({ name: "Vide" }).returning();
    const [database] = await w.db.select().from(customerDatabases).where(eq(customerDatabases.isDefault, true));
    const [list] = await w.db.insert(blacklists).values({ name: "Ancienne", databaseId: database.id, archivedAt: new Date() }).returning();
    await w.db.insert(campaignBlacklists).values({ campaignId: w.state.campaignId, blacklistId: list.id });
    await w.setCampaign({ scheduleId: schedule.id, holidayGroupId: holidayGroup.id, distributionGroupId: rules.id });
    const summary = await computeCampaignSummary(w.state.campaignId);
    expect(lightOf(summary, "schedule")).toMatchObject({ light: "red", reason: "summary.reasons.schedule.noOpenSlot" });
    expect(lightOf(summary, "holidays")).toMatchObject({ light: "green", params: { name: "France", count: 1 } });
    expect(lightOf(summary, "distribution")).toMatchObject({ light: "orange", reason: "summary.reasons.distribution.empty" });
    expect(lightOf(summary, "blacklists")).toMatchObject({ light: "orange", params: { names: "Ancienne" } });
  });

  it("renaming a queue recomputes the summaries of the campaigns using it, in the background", async () => {
    const runner = new EmbeddedRunner([summaryFollowsConfigJob, computeCampaignSummaryJob]);
    try {
      const [queue] = await w.db.select().from(queues).where(eq(queues.code, "SOCIAL"));
      await updateQueue(admin, { id: queue.id, code: "SOCIAL-FR", description: queue.description, version: queue.updatedAt.toISOString() });
      await runner.idle();
      const [stored] = await w.db.select().from(campaignSummaries).where(eq(campaignSummaries.campaignId, w.state.campaignId));
      expect(lightOf(stored, "queue")).toMatchObject({ light: "green", params: { code: "SOCIAL-FR" } });
    } finally {
      await runner.stop();
    }
  });

  it("streams the summary events to admins only, not to supervisors or agents", async () => {
    const [supervisor] = await w.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, "superviseur"));
    const streams = {
      admin: await listen(w.state.adminId),
      supervisor: await listen(supervisor.id),
      agent: await listen(w.state.agents[0]),
    };
    await new Promise((r) => setTimeout(r, 100));
    await w.db.delete(predefinedResponses).where(eq(predefinedResponses.campaignId, w.state.campaignId));
    await computeCampaignSummaries([w.state.campaignId]);
    await waitFor(() => streams.admin.events.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    for (const s of Object.values(streams)) s.close();
    expect(streams.admin.events).toEqual([{ type: "campaign.summary", campaignId: w.state.campaignId, overall: "red" }]);
    expect(streams.supervisor.events).toEqual([]);
    expect(streams.agent.events).toEqual([]);
  });

  it("loads any number of campaigns in the same number of queries, without secret values", async () => {
    const [demo] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const config: Partial<typeof demo> = { ...demo };
    delete config.id;
    const clones = await w.db
      .insert(campaigns)
      .values(Array.from({ length: 30 }, (_, i) => ({ ...config, type: demo.type, name: `Clone ${i}`, state: "stopped" as const })))
      .returning({ id: campaigns.id });
    await w.db
      .insert(campaignSkills)
      .select(
        sql`select c.id, s.skill_id, s.min_level from campaigns c cross join campaign_skills s where c.name like 'Clone %' and s.campaign_id = ${demo.id}`,
      );
    await w.db.insert(predefinedResponses).values(clones.map((c) => ({ campaignId: c.id, title: "Merci", text: "Merci" })));

    let queries = 0;
    const client = (w.db as unknown as { $client: unknown }).$client;
    const { drizzle } = process.env.TEST_DATABASE_URL ? await import("drizzle-orm/postgres-js") : await import("drizzle-orm/pglite");
    const counting = (drizzle as (c: never, o: object) => unknown)(client as never, {
      schema,
      logger: { logQuery: () => queries++ },
    }) as Db;

    const one = await loadCampaignSnapshots(counting, [demo.id]);
    const forOne = queries;
    queries = 0;
    const all = await loadCampaignSnapshots(counting);
    expect(all).toHaveLength(31);
    expect(queries).toBe(forOne);
    // 13 for the configuration, one for the failed replies of the last day, one for the mass
    // messages with failed recipients, and three for the facts of the sales-rep schedule the demo
    // campaign books in.
    expect(forOne).toBeLessThanOrEqual(18);
    expect(all.find((s) => s.id === demo.id)).toEqual(one[0]);

    expect(one[0].credentials).toEqual({ apiKey: true, apiSecret: true, accessToken: true, accessSecret: true, bearerToken: true });
    expect(JSON.stringify(all)).not.toContain("sim-demo");

    const report = await computeCampaignSummaries();
    expect(report.computed).toBe(31);
    expect(report.changed).toHaveLength(30);
  });
});
