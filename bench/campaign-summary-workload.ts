// The configuration the campaign-summary benchmark computes: the demo workspace plus 1,000
// campaigns spread over realistic shared objects (scripts with real customer-file tables,
// schedules, holidays, distribution rules, blacklists, skills, 200 agents).
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  customerDatabases,
  customerFiles,
  scripts as scriptsTable,
  scriptVersions,
  agentSkills,
  blacklists,
  campaignBlacklists,
  campaigns,
  campaignSkills,
  distributionRuleGroups,
  distributionRules,
  holidayGroups,
  holidays,
  platforms,
  predefinedResponses,
  qualificationGroups,
  qualificationStatuses,
  queues,
  skillGroups,
  skills,
  users,
  workSchedules,
  type ScheduleDay,
} from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { seedIfEmpty } from "@/lib/demo/seed";
import { scriptModelSchema } from "@/lib/scripts/model";

const SCRIPTS = 10;
const AGENTS = 200;

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
const chance = (p: number) => random() < p;

/**
 * Scripts with two production versions each and a real customer-file table. Written directly
 * (same rows as «Générer le script»): the designer's mutations load next-auth, which tsx cannot.
 */
async function scriptsWithCustomerFiles(db: Db, adminId: number) {
  const [database] = await db.insert(customerDatabases).values({ name: "Bench", schemaName: "cdb_bench" }).returning();
  await db.execute(sql.raw(`create schema if not exists "cdb_bench"`));
  const names = ["NOM", "PRENOM", "EMAIL", "VILLE", "OFFRE"];
  const made: { scriptId: number; versionId: number }[] = [];
  for (let i = 0; i < SCRIPTS; i++) {
    const objects = names.map((name, k) => ({ id: `o${k}`, kind: "input", name, label: name, layout: { row: k, col: 0, width: 6 } }));
    const model = scriptModelSchema.parse({ version: 2, pages: [{ id: "p1", name: "Accueil", objects }], actions: [], variables: [] });
    const tableName = `C_BENCH_${i}`;
    const columns = names.map((name, k) => ({ objectId: `o${k}`, objectName: name, column: name, type: "text" as const }));
    // One table in ten lacks a column the mapping writes: those campaigns are red.
    const created = i === 9 ? names.slice(0, 4) : names;
    await db.execute(
      sql.raw(
        `create table "cdb_bench"."${tableName}" (id bigserial primary key, contact_guid uuid not null unique default gen_random_uuid(), ${created.map((c) => `"${c}" text`).join(", ")})`,
      ),
    );
    const [script] = await db
      .insert(scriptsTable)
      .values({ name: `Script ${i}`, draft: model })
      .returning();
    const mapping = { columns, excluded: [] };
    await db.insert(customerFiles).values({ scriptId: script.id, databaseId: database.id, tableName, mapping });
    const customerFile = { databaseId: database.id, schemaName: "cdb_bench", tableName, mapping };
    const versions = await db
      .insert(scriptVersions)
      .values(
        [1, 2].map((number) => ({ scriptId: script.id, kind: "production" as const, number, model, customerFile, createdBy: adminId })),
      )
      .returning({ id: scriptVersions.id });
    // Campaigns still on version 1 of a script are orange.
    made.push({ scriptId: script.id, versionId: versions[0].id }, { scriptId: script.id, versionId: versions[1].id });
  }
  return { made, databaseId: database.id };
}

/** Builds the workload; returns the ids of the 1,000 campaigns. */
export async function buildWorkload(db: Db, count: number): Promise<number[]> {
  process.env.RELAIS_SECRET_KEY ||= "relais-bench-secret-key-0123456789";
  await seedIfEmpty(db, { demo: true, password: "Bench-password-2026!", simulatorUrl: "http://127.0.0.1:4455" });
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.login, "admin"));
  const [platform] = await db.select({ id: platforms.id }).from(platforms);
  const { made: scripts, databaseId } = await scriptsWithCustomerFiles(db, admin.id);

  const queueRows = await db
    .insert(queues)
    .values(Array.from({ length: 5 }, (_, i) => ({ code: `BENCH${i}` })))
    .returning({ id: queues.id });
  const groupRows = await db
    .insert(qualificationGroups)
    .values(Array.from({ length: 3 }, (_, i) => ({ name: `Bench ${i}` })))
    .returning({ id: qualificationGroups.id });
  await db
    .insert(qualificationStatuses)
    .values(
      groupRows.flatMap((g, i) =>
        ["positive", "argued", "not_argued"]
          .filter((_, k) => i !== 2 || k > 0)
          .map((category, k) => ({ groupId: g.id, code: `S${k}`, label: `Statut ${k}`, category: category as "positive" })),
      ),
    );
  const office: ScheduleDay = { open1: "09:00", close1: "12:00", open2: "14:00", close2: "18:00" };
  const closed: ScheduleDay = { open1: "", close1: "", open2: "", close2: "" };
  const scheduleRows = await db
    .insert(workSchedules)
    .values(
      Array.from({ length: 4 }, (_, i) => ({
        name: `Planning ${i}`,
        days: [office, office, office, office, office, i ? closed : office, closed],
      })),
    )
    .returning({ id: workSchedules.id });
  const holidayRows = await db
    .insert(holidayGroups)
    .values(Array.from({ length: 3 }, (_, i) => ({ name: `Fériés ${i}` })))
    .returning({ id: holidayGroups.id });
  await db
    .insert(holidays)
    .values(
      holidayRows.flatMap((g) =>
        Array.from({ length: 10 }, (_, k) => ({ groupId: g.id, label: `Jour ${k}`, date: `2026-0${1 + (k % 9)}-1${k}`, recurring: true })),
      ),
    );
  const [skillGroup] = await db.insert(skillGroups).values({ name: "Bench" }).returning();
  const skillRows = await db
    .insert(skills)
    .values(Array.from({ length: 6 }, (_, i) => ({ groupId: skillGroup.id, name: `Compétence ${i}` })))
    .returning({ id: skills.id });
  const distributionRows = await db
    .insert(distributionRuleGroups)
    .values(Array.from({ length: 4 }, (_, i) => ({ name: `Règles ${i}` })))
    .returning({ id: distributionRuleGroups.id });
  await db.insert(distributionRules).values(
    distributionRows.slice(1).flatMap((g) =>
      Array.from({ length: 5 }, (_, k) => ({
        groupId: g.id,
        position: k,
        element: "keyword",
        operator: "contains",
        value: `mot${k}`,
        skillId: pick(skillRows).id,
      })),
    ),
  );
  const listRows = await db
    .insert(blacklists)
    .values(Array.from({ length: 5 }, (_, i) => ({ name: `Liste ${i}`, databaseId, archivedAt: i === 4 ? new Date() : null })))
    .returning({ id: blacklists.id });

  const agentRows = await db
    .insert(users)
    .values(
      Array.from({ length: AGENTS }, (_, i) => ({
        login: String(2000 + i),
        name: `Agent ${2000 + i}`,
        role: "agent" as const,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id });
  await db
    .insert(agentSkills)
    .values(
      agentRows.flatMap((a) =>
        skillRows.filter(() => chance(0.5)).map((s) => ({ userId: a.id, skillId: s.id, level: 1 + Math.floor(random() * 10) })),
      ),
    );

  const values = Array.from({ length: count }, (_, i) => {
    const twitter = i % 5 !== 0;
    const script = chance(0.9) ? pick(scripts) : null;
    const credentials = twitter
      ? { apiKey: `k${i}`, apiSecret: `s${i}`, accessToken: `t${i}`, accessSecret: `as${i}`, bearerToken: chance(0.95) ? `b${i}` : "" }
      : { appId: `a${i}`, appSecret: `s${i}`, pageAccessToken: `p${i}`, pageId: `${i}` };
    return {
      type: twitter ? ("twitter" as const) : ("facebook" as const),
      name: `Campagne ${i}`,
      state: "stopped" as const,
      platformId: platform.id,
      queueId: chance(0.97) ? pick(queueRows).id : null,
      qualificationGroupId: pick(groupRows).id,
      searchQuery: twitter
        ? chance(0.05)
          ? "relais ("
          : pick(["relais", "promo -is:retweet", "(soldes OR promo) lang:fr", "#relais OR @relais_demo"])
        : "",
      credentials: encryptSecret(credentials),
      scheduleId: chance(0.7) ? pick(scheduleRows).id : null,
      holidayGroupId: chance(0.6) ? pick(holidayRows).id : null,
      distributionGroupId: chance(0.5) ? pick(distributionRows).id : null,
      scriptId: script?.scriptId ?? null,
      scriptVersionId: script?.versionId ?? null,
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 250) {
    ids.push(
      ...(
        await db
          .insert(campaigns)
          .values(values.slice(i, i + 250))
          .returning({ id: campaigns.id })
      ).map((r) => r.id),
    );
  }
  await db
    .insert(predefinedResponses)
    .values(
      ids.flatMap((campaignId) =>
        Array.from({ length: Math.floor(random() * 4) }, (_, k) => ({ campaignId, title: `R${k}`, text: `Bonjour $NOM ${k}` })),
      ),
    );
  const lists = ids.flatMap((campaignId) => listRows.filter(() => chance(0.2)).map((l) => ({ campaignId, blacklistId: l.id })));
  if (lists.length) await db.insert(campaignBlacklists).values(lists);
  const required = ids.flatMap((campaignId) =>
    skillRows.filter(() => chance(0.2)).map((s) => ({ campaignId, skillId: s.id, minLevel: 1 + Math.floor(random() * 8) })),
  );
  if (required.length) await db.insert(campaignSkills).values(required);
  return ids;
}
