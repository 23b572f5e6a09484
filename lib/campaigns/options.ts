import { addressBookOptions, salesRepScheduleOptions } from "@/lib/agenda/queries";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  blacklists,
  customerDatabases,
  distributionRuleGroups,
  holidayGroups,
  platforms,
  qualificationGroups,
  queues,
  scripts,
  scriptVersions,
  skillGroups,
  skills,
  workSchedules,
} from "@/db/schema";

// What the campaign tabs offer, read from the other domains' tables: only usable objects
// (not archived; scripts only with a production version).

export type Option = { id: number; name: string };

export async function databaseOptions() {
  const db = await getDb();
  return db
    .select({ id: customerDatabases.id, name: customerDatabases.name, isDefault: customerDatabases.isDefault })
    .from(customerDatabases)
    .where(isNull(customerDatabases.archivedAt))
    .orderBy(asc(customerDatabases.name));
}

export async function platformOptions(): Promise<Option[]> {
  const db = await getDb();
  return db.select({ id: platforms.id, name: platforms.name }).from(platforms).orderBy(asc(platforms.name));
}

/** Scripts that have at least one production version, each with its production versions (newest first). */
export async function scriptOptions() {
  const db = await getDb();
  const rows = await db
    .select({
      scriptId: scripts.id,
      name: scripts.name,
      versionId: scriptVersions.id,
      number: scriptVersions.number,
      createdAt: scriptVersions.createdAt,
    })
    .from(scripts)
    .innerJoin(scriptVersions, and(eq(scriptVersions.scriptId, scripts.id), eq(scriptVersions.kind, "production")))
    .where(isNull(scripts.archivedAt))
    .orderBy(asc(scripts.name), desc(scriptVersions.number));
  const byScript = new Map<number, { id: number; name: string; versions: { id: number; number: number; createdAt: Date }[] }>();
  for (const r of rows) {
    const entry = byScript.get(r.scriptId) ?? { id: r.scriptId, name: r.name, versions: [] };
    entry.versions.push({ id: r.versionId, number: r.number, createdAt: r.createdAt });
    byScript.set(r.scriptId, entry);
  }
  return [...byScript.values()];
}

/** Active skills grouped by skill group, for the «Compétences» tab. */
export async function skillOptions() {
  const db = await getDb();
  const rows = await db
    .select({ groupId: skillGroups.id, groupName: skillGroups.name, skillId: skills.id, skillName: skills.name })
    .from(skills)
    .innerJoin(skillGroups, eq(skillGroups.id, skills.groupId))
    .where(and(isNull(skills.archivedAt), isNull(skillGroups.archivedAt)))
    .orderBy(asc(skillGroups.name), asc(skills.name));
  const groups = new Map<number, { id: number; name: string; skills: Option[] }>();
  for (const r of rows) {
    const g = groups.get(r.groupId) ?? { id: r.groupId, name: r.groupName, skills: [] };
    g.skills.push({ id: r.skillId, name: r.skillName });
    groups.set(r.groupId, g);
  }
  return [...groups.values()];
}

/** Every choice list of the campaign tabs at once. */
export async function campaignOptions() {
  const db = await getDb();
  const [platformList, queueList, schedules, holidays, distribution, blacklistList, qualification, scriptList, skillGroupList] =
    await Promise.all([
      platformOptions(),
      db
        .select({
          id: queues.id,
          name: sql<string>`${queues.code} || case when ${queues.description} <> '' then ' — ' || ${queues.description} else '' end`,
        })
        .from(queues)
        .where(isNull(queues.archivedAt))
        .orderBy(asc(queues.code)),
      db
        .select({ id: workSchedules.id, name: workSchedules.name })
        .from(workSchedules)
        .where(isNull(workSchedules.archivedAt))
        .orderBy(asc(workSchedules.name)),
      db
        .select({ id: holidayGroups.id, name: holidayGroups.name })
        .from(holidayGroups)
        .where(isNull(holidayGroups.archivedAt))
        .orderBy(asc(holidayGroups.name)),
      db
        .select({ id: distributionRuleGroups.id, name: distributionRuleGroups.name })
        .from(distributionRuleGroups)
        .where(isNull(distributionRuleGroups.archivedAt))
        .orderBy(asc(distributionRuleGroups.name)),
      db
        .select({ id: blacklists.id, name: blacklists.name })
        .from(blacklists)
        .where(isNull(blacklists.archivedAt))
        .orderBy(asc(blacklists.name)),
      db
        .select({ id: qualificationGroups.id, name: qualificationGroups.name })
        .from(qualificationGroups)
        .where(isNull(qualificationGroups.archivedAt))
        .orderBy(asc(qualificationGroups.name)),
      scriptOptions(),
      skillOptions(),
    ]);
  const [addressBookList, salesRepScheduleList] = await Promise.all([addressBookOptions(), salesRepScheduleOptions()]);
  return {
    platforms: platformList,
    queues: queueList,
    schedules,
    holidays,
    distribution,
    blacklists: blacklistList,
    qualification,
    scripts: scriptList,
    skillGroups: skillGroupList,
    addressBooks: addressBookList,
    salesRepSchedules: salesRepScheduleList,
  };
}
export type CampaignOptions = Awaited<ReturnType<typeof campaignOptions>>;
