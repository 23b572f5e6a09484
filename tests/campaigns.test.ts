import { describe, it, expect, vi, beforeAll, beforeEach, afterAll } from "vitest";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import {
  auditLog,
  blacklists,
  campaignBlacklists,
  campaignDefaults,
  campaigns,
  campaignSkills,
  customerDatabases,
  holidayGroups,
  platforms,
  pollCursors,
  predefinedResponses,
  qualificationGroups,
  queues,
  skillGroups,
  skills,
  users,
  workSchedules,
  type EncryptedSecret,
} from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import { startSimulator } from "@/lib/simulator/server";
import { DEMO_FACEBOOK_CREDENTIALS, DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/app/(admin)/admin/campaigns/actions");
const { getCampaignForEdit } = await import("@/lib/campaigns/queries");
const { createScript, generateScript } = await import("@/lib/scripts/mutations");

const SECRETS = {
  apiKey: "tw-api-key-0123456789",
  apiSecret: "tw-api-secret-abcdefghij",
  accessToken: "tw-access-token-klmnopqrst",
  accessSecret: "tw-access-secret-uvwxyz0123",
  bearerToken: "tw-bearer-token-456789abcd",
};
/** db.execute() answers {rows} on PGlite and an array on postgres.js. */
const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
const emptyGeneral = {
  apiKey: "",
  apiSecret: "",
  accessToken: "",
  accessSecret: "",
  bearerToken: "",
  appId: "",
  appSecret: "",
  pageAccessToken: "",
  pageId: "",
  accountHandle: "",
  accountId: "",
  canvasPage: "",
  canvasUrl: "",
  acceptancePage: "",
};

describe("campaign configuration", () => {
  const w = setupDemoWorkspace();
  const ids = { database: 0, schedule: 0, holidays: 0, qualification: 0, platform: 0, queue: 0, twitter: 0, facebook: 0 };

  async function campaignRow(id: number) {
    const [row] = await w.db.select().from(campaigns).where(eq(campaigns.id, id));
    return row;
  }
  async function general(id: number, patch: Partial<typeof emptyGeneral & { platformId: number | string; name: string }> = {}) {
    const row = await campaignRow(id);
    return actions.saveGeneralAction({
      id,
      version: row.versions.general ?? 0,
      name: row.name,
      platformId: row.platformId ?? "",
      ...emptyGeneral,
      ...patch,
    });
  }
  async function reception(id: number, patch: Record<string, unknown> = {}) {
    const row = await campaignRow(id);
    return actions.saveReceptionAction({
      id,
      version: row.versions.reception ?? 0,
      queueId: row.queueId ?? "",
      queuePriority: 5,
      pollIntervalSeconds: 30,
      checkComments: false,
      assignmentTimeoutSeconds: 300,
      searchQuery: row.searchQuery,
      scheduleId: row.scheduleId ?? "",
      holidayGroupId: row.holidayGroupId ?? "",
      distributionGroupId: "",
      blacklistIds: [],
      callbackDeadlineMinutes: 60,
      ...patch,
    });
  }

  beforeAll(async () => {
    const db = w.db;
    [{ id: ids.database }] = await db.insert(customerDatabases).values({ name: "Clients", schemaName: "db_clients" }).returning();
    const day = { open1: "09:00", close1: "18:00", open2: "", close2: "" };
    [{ id: ids.schedule }] = await db
      .insert(workSchedules)
      .values({ name: "Bureau", days: Array(7).fill(day) })
      .returning();
    [{ id: ids.holidays }] = await db.insert(holidayGroups).values({ name: "Fériés" }).returning();
    [{ id: ids.qualification }] = await db.select({ id: qualificationGroups.id }).from(qualificationGroups);
    [{ id: ids.platform }] = await db.select({ id: platforms.id }).from(platforms);
    [{ id: ids.queue }] = await db.select({ id: queues.id }).from(queues);
    await db.insert(campaignDefaults).values({
      id: 1,
      databaseId: ids.database,
      qualificationGroupId: ids.qualification,
      scheduleId: ids.schedule,
      holidayGroupId: ids.holidays,
    });
  });
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("creates a stopped campaign with the default parameters applied, names unique", async () => {
    const created = await actions.createCampaignAction({ type: "twitter", name: "Fibre X", databaseId: "" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    ids.twitter = created.data.id;
    expect(await campaignRow(ids.twitter)).toMatchObject({
      type: "twitter",
      state: "stopped",
      databaseId: ids.database,
      qualificationGroupId: ids.qualification,
      scheduleId: ids.schedule,
      holidayGroupId: ids.holidays,
      platformId: ids.platform, // the only platform is preselected
      credentials: null,
    });
    expect(await actions.createCampaignAction({ type: "facebook", name: "Fibre X", databaseId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    const fb = await actions.createCampaignAction({ type: "facebook", name: "Fibre Facebook", databaseId: ids.database });
    if (!fb.ok) throw new Error(fb.error);
    ids.facebook = fb.data.id;
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "campaign"), eq(auditLog.objectId, ids.facebook)));
    expect(audit).toMatchObject({ action: "create", userLogin: "admin", objectLabel: "Fibre Facebook" });
  });

  it("stores the credentials encrypted, shows only masks, and keeps a secret left empty", async () => {
    const saved = await general(ids.twitter, { ...SECRETS, accountHandle: "@fibre_x", accountId: "42" });
    expect(saved).toEqual({ ok: true, data: { version: 1 } });
    const text = JSON.stringify(rowsOf(await w.db.execute(sql`select credentials::text as c from campaigns where id = ${ids.twitter}`)));
    expect(text).toContain("iv");
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    const row = await campaignRow(ids.twitter);
    expect(decryptSecret(row.credentials as EncryptedSecret)).toEqual(SECRETS);
    expect(row).toMatchObject({ accountHandle: "fibre_x", accountId: "42" });

    // What the page receives: masks and booleans, never a secret.
    const view = await getCampaignForEdit(ids.twitter);
    const shown = JSON.stringify(view);
    for (const value of Object.values(SECRETS)) expect(shown).not.toContain(value);
    expect(view!.credentials.secrets.apiKey).toEqual({ set: true, masked: "tw••••••••89" });
    expect(shown).not.toContain('"iv"');

    // Empty keeps, a new value replaces.
    expect((await general(ids.twitter, { apiSecret: "tw-new-secret-000000" })).ok).toBe(true);
    expect(decryptSecret((await campaignRow(ids.twitter)).credentials as EncryptedSecret)).toEqual({
      ...SECRETS,
      apiSecret: "tw-new-secret-000000",
    });

    // The audit names the replaced field, never a value.
    const audits = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "campaign"), eq(auditLog.objectId, ids.twitter)));
    const trail = JSON.stringify(audits);
    expect(trail).not.toContain("tw-new-secret-000000");
    for (const value of Object.values(SECRETS)) expect(trail).not.toContain(value);
    expect(audits.at(-1)!.after).toMatchObject({ replacedFields: ["apiSecret"] });
  });

  it("refuses a second save of the same tab from a stale copy, but not a save of another tab", async () => {
    const row = await campaignRow(ids.twitter);
    const version = row.versions.general ?? 0;
    const base = { id: ids.twitter, name: row.name, platformId: ids.platform, ...emptyGeneral };
    expect(await actions.saveGeneralAction({ ...base, version, accountHandle: "first" })).toMatchObject({ ok: true });
    expect(await actions.saveGeneralAction({ ...base, version, accountHandle: "second" })).toEqual({
      ok: false,
      error: "campaigns.errors.conflict",
    });
    expect((await campaignRow(ids.twitter)).accountHandle).toBe("first");
    // «Réception» has its own counter: not stale because «Général» moved on.
    expect(await reception(ids.twitter, { queueId: ids.queue, searchQuery: "fibre lang:fr" })).toMatchObject({
      ok: true,
      data: { version: 1 },
    });
  });

  it("validates the reception tab: X query syntax, interval, priority, usable choices", async () => {
    expect(await reception(ids.twitter, { searchQuery: '"fibre' })).toMatchObject({
      ok: false,
      fieldErrors: { searchQuery: ["campaigns.errors.querySyntax"] },
    });
    expect(await reception(ids.twitter, { pollIntervalSeconds: 5, queuePriority: 10 })).toMatchObject({
      ok: false,
      fieldErrors: { pollIntervalSeconds: ["campaigns.errors.pollInterval"], queuePriority: ["campaigns.errors.priority"] },
    });
    const [archived] = await w.db.insert(queues).values({ code: "OLD", archivedAt: new Date() }).returning();
    expect(await reception(ids.twitter, { queueId: archived.id })).toMatchObject({
      ok: false,
      fieldErrors: { queueId: ["campaigns.errors.unavailable"] },
    });
    expect((await campaignRow(ids.twitter)).searchQuery).toBe("fibre lang:fr");
  });

  it("saves blacklists and skills with the tab, and replaces them on the next save", async () => {
    const [a] = await w.db.insert(blacklists).values({ name: "Injures", databaseId: ids.database }).returning();
    expect(await reception(ids.twitter, { blacklistIds: [a.id] })).toMatchObject({ ok: true });
    expect(await w.db.select().from(campaignBlacklists).where(eq(campaignBlacklists.campaignId, ids.twitter))).toEqual([
      { campaignId: ids.twitter, blacklistId: a.id },
    ]);
    expect(await reception(ids.twitter, { blacklistIds: [] })).toMatchObject({ ok: true });
    expect(await w.db.select().from(campaignBlacklists).where(eq(campaignBlacklists.campaignId, ids.twitter))).toEqual([]);

    const [group] = await w.db.insert(skillGroups).values({ name: "Langues" }).returning();
    const [en, es] = await w.db
      .insert(skills)
      .values([
        { groupId: group.id, name: "Anglais" },
        { groupId: group.id, name: "Espagnol" },
      ])
      .returning();
    const row = await campaignRow(ids.twitter);
    const save = (levels: [number, number | string][]) =>
      actions.saveSkillsAction({
        id: ids.twitter,
        version: row.versions.skills ?? 0,
        skills: levels.map(([skillId, minLevel]) => ({ skillId, minLevel })),
      });
    expect(await save([[en.id, 11]])).toMatchObject({ ok: false, fieldErrors: { "skills.0.minLevel": ["campaigns.errors.level"] } });
    expect(
      await save([
        [en.id, 3],
        [es.id, ""],
      ]),
    ).toMatchObject({ ok: true });
    expect(
      await w.db
        .select({ skillId: campaignSkills.skillId, minLevel: campaignSkills.minLevel })
        .from(campaignSkills)
        .where(eq(campaignSkills.campaignId, ids.twitter)),
    ).toEqual([{ skillId: en.id, minLevel: 3 }]);
  });

  it("manages predefined responses in order", async () => {
    for (const title of ["Bonjour", "Merci", "Au revoir"]) {
      expect(await actions.saveResponseAction({ campaignId: ids.twitter, title, text: `${title} $NOM`, language: "fr" })).toMatchObject({
        ok: true,
      });
    }
    const titles = async () =>
      (
        await w.db
          .select()
          .from(predefinedResponses)
          .where(eq(predefinedResponses.campaignId, ids.twitter))
          .orderBy(predefinedResponses.position)
      ).map((r) => r.title);
    const [, merci] = await w.db
      .select()
      .from(predefinedResponses)
      .where(eq(predefinedResponses.campaignId, ids.twitter))
      .orderBy(predefinedResponses.position);
    expect((await actions.moveResponseAction({ campaignId: ids.twitter, id: merci.id, direction: "up" })).ok).toBe(true);
    expect(await titles()).toEqual(["Merci", "Bonjour", "Au revoir"]);
    expect((await actions.deleteResponseAction({ campaignId: ids.twitter, id: merci.id })).ok).toBe(true);
    expect(await titles()).toEqual(["Bonjour", "Au revoir"]);
    // A response of another campaign cannot be reached through this one.
    expect(
      await actions.deleteResponseAction({ campaignId: ids.facebook, id: (await w.db.select().from(predefinedResponses).limit(1))[0].id }),
    ).toEqual({ ok: false, error: "adminCommon.errors.notFound" });
  });

  it("refuses to start a red campaign with the reasons, then starts it once fixed; stopping always works", async () => {
    const refused = await actions.startCampaignAction({ id: ids.facebook });
    expect(refused).toMatchObject({ ok: false, error: "campaigns.errors.cannotStart" });
    if (refused.ok) return;
    // Every blocking element, in words (French: the admin's language).
    expect(String(refused.params?.reasons)).toContain("Général — La configuration de l'application n'est pas renseignée");
    expect(String(refused.params?.reasons)).toContain("File d'attente — ");
    expect(String(refused.params?.reasons)).toContain("Script agent — ");
    expect((await campaignRow(ids.facebook)).state).toBe("stopped");

    // Fix the Twitter campaign: credentials that work, a queue, a production script.
    expect((await general(ids.twitter, { ...DEMO_TWITTER_CREDENTIALS })).ok).toBe(true);
    const script = await createScript({ id: w.state.adminId, login: "admin" }, "Script fibre");
    const generated = await generateScript({ id: w.state.adminId, login: "admin" }, script.id, "production", script.draftVersion);
    expect(generated.status).toBe("generated");
    const row = await campaignRow(ids.twitter);
    expect(
      await actions.saveRelationAction({
        id: ids.twitter,
        version: row.versions.relation ?? 0,
        scriptId: script.id,
        scriptVersionId: "",
        qualificationGroupId: ids.qualification,
        numberDisplay: "",
      }),
    ).toMatchObject({ ok: true });
    expect((await campaignRow(ids.twitter)).scriptVersionId).toBe(generated.status === "generated" ? generated.versionId : -1);

    // Still red: no agent holds the skill required earlier. Lifting the requirement fixes it.
    expect(await actions.startCampaignAction({ id: ids.twitter })).toEqual({
      ok: false,
      error: "campaigns.errors.cannotStart",
      params: { reasons: "Compétences et agents — Aucun agent ne peut travailler sur cette campagne (compétences requises : Anglais ≥ 3)" },
    });
    expect((await actions.saveSkillsAction({ id: ids.twitter, version: row.versions.skills ?? 0, skills: [] })).ok).toBe(true);
    expect(await actions.startCampaignAction({ id: ids.twitter })).toEqual({ ok: true, data: { id: ids.twitter } });
    expect((await campaignRow(ids.twitter)).state).toBe("running");
    expect(await actions.stopCampaignAction({ id: ids.twitter })).toEqual({ ok: true, data: { id: ids.twitter } });
    expect((await campaignRow(ids.twitter)).state).toBe("stopped");
    const trail = await w.db
      .select({ label: auditLog.objectLabel })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "campaign"), eq(auditLog.objectId, ids.twitter)));
    expect(trail.map((a) => a.label)).toEqual(expect.arrayContaining(["Fibre X — start", "Fibre X — stop"]));
  });

  it("refuses a script without a production version", async () => {
    const script = await createScript({ id: w.state.adminId, login: "admin" }, "Brouillon seulement");
    const row = await campaignRow(ids.facebook);
    expect(
      await actions.saveRelationAction({
        id: ids.facebook,
        version: row.versions.relation ?? 0,
        scriptId: script.id,
        scriptVersionId: "",
        qualificationGroupId: "",
        numberDisplay: "",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { scriptId: ["campaigns.errors.scriptNotProduction"] },
    });
  });

  describe("test connection", () => {
    let other: Awaited<ReturnType<typeof startSimulator>>;
    beforeAll(async () => {
      other = await startSimulator({ port: 0 });
    });
    afterAll(async () => {
      await other?.close();
    });

    it("reports the account found with good Twitter credentials, typed or saved", async () => {
      expect(await actions.testConnectionAction({ id: ids.twitter, platformId: ids.platform, ...emptyGeneral })).toEqual({
        ok: true,
        data: { ok: true, account: { id: "1000000000000000001", handle: "relais_demo", name: "Relais Demo" } },
      });
    });

    it("reports an invalid token, a rate limit and an unreachable network precisely, without the secret", async () => {
      const bad = await actions.testConnectionAction({
        id: ids.twitter,
        platformId: ids.platform,
        ...emptyGeneral,
        accessToken: "not-a-valid-token-123",
      });
      expect(bad).toMatchObject({ ok: true, data: { ok: false, kind: "unauthorized" } });
      expect(JSON.stringify(bad)).not.toContain("not-a-valid-token-123");
      // Nothing typed for the test was saved.
      expect(decryptSecret<{ accessToken: string }>((await campaignRow(ids.twitter)).credentials as EncryptedSecret).accessToken).toBe(
        DEMO_TWITTER_CREDENTIALS.accessToken,
      );

      await w.sim.injectFault({ endpoint: "me", status: 429 });
      const limited = await actions.testConnectionAction({ id: ids.twitter, platformId: ids.platform, ...emptyGeneral });
      expect(limited).toMatchObject({ ok: true, data: { ok: false, kind: "rate_limited" } });
      if (limited.ok && !limited.data.ok) expect(new Date(limited.data.retryAt!).getTime()).toBeGreaterThan(Date.now());

      const [closed] = await w.db
        .insert(platforms)
        .values({ name: "Fermée", twitterBaseUrl: "http://127.0.0.1:1", facebookBaseUrl: "http://127.0.0.1:1" })
        .returning();
      // The saved secrets go only to the saved platform: another one needs them typed again.
      expect(await actions.testConnectionAction({ id: ids.twitter, platformId: closed.id, ...emptyGeneral })).toMatchObject({
        ok: false,
        error: "campaigns.errors.retypeSecrets",
        fieldErrors: { accessToken: ["campaigns.errors.retypeSecret"], bearerToken: ["campaigns.errors.retypeSecret"] },
      });
      expect(
        await actions.testConnectionAction({ id: ids.twitter, platformId: closed.id, ...emptyGeneral, ...DEMO_TWITTER_CREDENTIALS }),
      ).toMatchObject({
        ok: true,
        data: { ok: false, kind: "unreachable" },
      });
    });

    it("tests Facebook credentials against a simulator: page found, bad token, wrong app secret", async () => {
      const [platform] = await w.db
        .insert(platforms)
        .values({ name: "Autre simulateur", twitterBaseUrl: other.url, facebookBaseUrl: other.url })
        .returning();
      const typed = { ...emptyGeneral, ...DEMO_FACEBOOK_CREDENTIALS };
      expect(await actions.testConnectionAction({ id: ids.facebook, platformId: platform.id, ...typed })).toEqual({
        ok: true,
        data: { ok: true, account: { id: "104000000000001", handle: "104000000000001", name: "Relais Demo" } },
      });
      const badToken = await actions.testConnectionAction({
        id: ids.facebook,
        platformId: platform.id,
        ...typed,
        pageAccessToken: "EAAbadtokenbadtoken",
      });
      expect(badToken).toMatchObject({ ok: true, data: { ok: false, kind: "unauthorized", reason: "token_invalid" } });
      expect(JSON.stringify(badToken)).not.toContain("EAAbadtokenbadtoken");
      expect(
        await actions.testConnectionAction({ id: ids.facebook, platformId: platform.id, ...typed, appSecret: "wrong-secret-wrong" }),
      ).toMatchObject({ ok: true, data: { ok: false, kind: "unauthorized", reason: "app_secret_invalid" } });
      // Incomplete credentials are named field by field, without calling the network.
      expect(await actions.testConnectionAction({ id: ids.facebook, platformId: platform.id, ...emptyGeneral, appId: "1" })).toMatchObject({
        ok: false,
        error: "campaigns.errors.incompleteCredentials",
        fieldErrors: { appSecret: ["common.requiredField"], pageAccessToken: ["common.requiredField"], pageId: ["common.requiredField"] },
      });
    });

    it("offers the simulator's demo credentials only on a platform pointing at the running simulator, and they pass the test", async () => {
      const saved = { url: process.env.RELAIS_SIMULATOR_URL, off: process.env.RELAIS_SIMULATOR };
      // The simulator Relais runs beside is `other` here; the seeded platform points at another one.
      process.env.RELAIS_SIMULATOR_URL = other.url;
      try {
        const [demo] = await w.db
          .insert(platforms)
          .values({ name: "Simulateur local", twitterBaseUrl: `${other.url}/`, facebookBaseUrl: `${other.url}/` })
          .returning();
        const twitter = await actions.demoCredentialsAction({ id: ids.twitter, platformId: demo.id });
        expect(twitter).toEqual({
          ok: true,
          data: {
            type: "twitter",
            values: { ...DEMO_TWITTER_CREDENTIALS, accountHandle: "relais_demo", accountId: "1000000000000000001" },
          },
        });
        const typed = twitter.ok ? twitter.data.values : {};
        expect(await actions.testConnectionAction({ id: ids.twitter, platformId: demo.id, ...emptyGeneral, ...typed })).toMatchObject({
          ok: true,
          data: { ok: true, account: { handle: "relais_demo" } },
        });
        const facebook = await actions.demoCredentialsAction({ id: ids.facebook, platformId: demo.id });
        expect(facebook).toEqual({ ok: true, data: { type: "facebook", values: { ...DEMO_FACEBOOK_CREDENTIALS } } });
        const fbTyped = facebook.ok ? facebook.data.values : {};
        expect(await actions.testConnectionAction({ id: ids.facebook, platformId: demo.id, ...emptyGeneral, ...fbTyped })).toMatchObject({
          ok: true,
          data: { ok: true, account: { name: "Relais Demo" } },
        });

        // Another simulator, a real network, no platform: refused, nothing offered.
        const notSimulator = {
          ok: false,
          error: "campaigns.errors.notSimulator",
          fieldErrors: { platformId: ["campaigns.errors.notSimulator"] },
        };
        const [real] = await w.db
          .insert(platforms)
          .values({ name: "Réseaux réels", twitterBaseUrl: "https://api.x.com", facebookBaseUrl: "https://graph.facebook.com" })
          .returning();
        for (const platformId of [ids.platform, real.id, ""])
          expect(await actions.demoCredentialsAction({ id: ids.twitter, platformId })).toEqual(notSimulator);
        // With the simulator switched off, not even its own platform.
        process.env.RELAIS_SIMULATOR = "off";
        expect(await actions.demoCredentialsAction({ id: ids.twitter, platformId: demo.id })).toEqual(notSimulator);
      } finally {
        for (const [key, value] of [
          ["RELAIS_SIMULATOR_URL", saved.url],
          ["RELAIS_SIMULATOR", saved.off],
        ] as const) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
    });

    it("previews a search once without saving a cursor", async () => {
      await w.sim.postCustomerTweet({ authorHandle: "client1", text: "Ma fibre est en panne" });
      await w.sim.postCustomerTweet({ authorHandle: "client2", text: "Rien à voir" });
      const preview = await actions.previewSearchAction({ id: ids.twitter, searchQuery: "fibre" });
      expect(preview).toMatchObject({ ok: true, data: { ok: true, results: [{ handle: "client1", text: "Ma fibre est en panne" }] } });
      expect(await actions.previewSearchAction({ id: ids.twitter, searchQuery: "(fibre" })).toMatchObject({
        ok: false,
        fieldErrors: { searchQuery: ["campaigns.errors.querySyntax"] },
      });
      expect(
        await w.db
          .select()
          .from(pollCursors)
          .where(and(eq(pollCursors.campaignId, ids.twitter), isNotNull(pollCursors.cursor))),
      ).toHaveLength(0);
    });
  });

  it("refuses every campaign action to an agent calling it directly, and nothing changes", async () => {
    const before = await campaignRow(ids.twitter);
    signInAs(w.state.agents[0]);
    const forbidden = { ok: false, error: "errors.forbidden" };
    const ref = { campaignId: ids.twitter, id: 1 };
    const calls = [
      actions.createCampaignAction({ type: "twitter", name: "Agent", databaseId: "" }),
      actions.saveGeneralAction({ id: ids.twitter, version: 99, name: "Agent", platformId: "", ...emptyGeneral }),
      actions.saveReceptionAction({ id: ids.twitter, version: 99 } as never),
      actions.saveRelationAction({ id: ids.twitter, version: 99 } as never),
      actions.saveSkillsAction({ id: ids.twitter, version: 99, skills: [] }),
      actions.testConnectionAction({ id: ids.twitter, platformId: ids.platform, ...emptyGeneral }),
      actions.previewSearchAction({ id: ids.twitter, searchQuery: "fibre" }),
      actions.demoCredentialsAction({ id: ids.twitter, platformId: ids.platform }),
      actions.startCampaignAction({ id: ids.twitter }),
      actions.stopCampaignAction({ id: ids.twitter }),
      actions.saveResponseAction({ campaignId: ids.twitter, title: "x", text: "x", language: "fr" }),
      actions.deleteResponseAction(ref),
      actions.moveResponseAction({ ...ref, direction: "up" }),
      actions.saveEmailTemplateAction({ campaignId: ids.twitter, name: "x", subject: "x", body: "x" }),
      actions.deleteEmailTemplateAction(ref),
    ];
    for (const result of await Promise.all(calls)) expect(result).toEqual(forbidden);
    // The supervisor has no administration right either.
    const [supervisor] = await w.db.select({ id: users.id }).from(users).where(eq(users.login, "superviseur"));
    signInAs(supervisor.id);
    expect(await actions.testConnectionAction({ id: ids.twitter, platformId: ids.platform, ...emptyGeneral })).toEqual(forbidden);

    expect(await campaignRow(ids.twitter)).toEqual(before);
    expect(await w.db.select().from(campaigns).where(eq(campaigns.name, "Agent"))).toHaveLength(0);
  });
});
