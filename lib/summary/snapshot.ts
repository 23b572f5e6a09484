// Loads what the summary rules read, for any number of campaigns in a fixed number of queries
// (one per kind of object, batched by ids), so recomputing 1,000 campaigns costs what 1 does.
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rows } from "@/db/client";
import {
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
  pollCursors,
  campaignSources,
  massMessages,
  outbox,
  predefinedResponses,
  qualificationGroups,
  qualificationStatuses,
  queues,
  scripts,
  scriptVersions,
  skills,
  users,
  workSchedules,
  type EncryptedSecret,
} from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import { migrateScriptModel, safeParseScriptModel } from "@/lib/scripts/migrate";
import { agendaUse } from "@/lib/scripts/ops";
import { salesRepScheduleFacts } from "@/lib/agenda/summary-facts";
import { dataKinds } from "@/lib/scripts/model";
import { requiredCredentials, type CampaignSnapshot } from "./types";

export type { CampaignSnapshot };

const archived = (at: Date | null) => at !== null;

/** Which credential fields are filled; the values never leave this function. */
function credentialFlags(
  type: CampaignSnapshot["type"],
  secret: EncryptedSecret | null,
): Pick<CampaignSnapshot, "credentials" | "credentialsUnreadable"> {
  if (!secret) return { credentials: null, credentialsUnreadable: false };
  try {
    const values = decryptSecret<Record<string, unknown>>(secret);
    const flags: Record<string, boolean> = {};
    for (const field of requiredCredentials[type])
      flags[field] = typeof values[field] === "string" && (values[field] as string).trim() !== "";
    return { credentials: flags, credentialsUnreadable: false };
  } catch {
    return { credentials: null, credentialsUnreadable: true };
  }
}

/** Data objects of a generated model that the customer-file mapping neither writes nor leaves out on purpose. */
function unmappedObjects(model: unknown, mapping: { columns: { objectId: string }[]; excluded: string[] }): string[] {
  let pages: { objects?: { id?: string; kind?: string; name?: string }[] }[] = [];
  try {
    pages = ((migrateScriptModel(model) as { pages?: typeof pages }).pages ?? []) as typeof pages;
  } catch {
    return [];
  }
  const handled = new Set([...mapping.columns.map((c) => c.objectId), ...mapping.excluded]);
  return pages
    .flatMap((p) => p.objects ?? [])
    .filter((o) => o.id && (dataKinds as readonly string[]).includes(o.kind ?? "") && !handled.has(o.id))
    .map((o) => o.name ?? o.id!);
}

/** Agenda objects and booking actions of a generated model; an unreadable model books nothing. */
function scriptAgendaUse(model: unknown): string[] {
  const parsed = safeParseScriptModel(model);
  return parsed.success ? agendaUse(parsed.data) : [];
}

// Generated script versions are immutable (a database trigger refuses updates), so what a version
// books is parsed once per process, not on every summary run (the 5-minute cron reads them all).
const agendaUseCache = new Map<number, string[]>();
function agendaUseOfVersion(id: number, model: unknown): string[] {
  let use = agendaUseCache.get(id);
  if (!use) agendaUseCache.set(id, (use = scriptAgendaUse(model)));
  return use;
}

function byKey<T, K>(list: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Snapshots of the given campaigns (all non-archived ones when `campaignIds` is absent), by id. */
export async function loadCampaignSnapshots(db: Db | Tx, campaignIds?: number[]): Promise<CampaignSnapshot[]> {
  if (campaignIds && campaignIds.length === 0) return [];
  const base = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      type: campaigns.type,
      state: campaigns.state,
      credentials: campaigns.credentials,
      searchQuery: campaigns.searchQuery,
      platformId: platforms.id,
      platformName: platforms.name,
      queueId: queues.id,
      queueCode: queues.code,
      queueArchivedAt: queues.archivedAt,
      scriptId: scripts.id,
      scriptName: scripts.name,
      scriptArchivedAt: scripts.archivedAt,
      versionId: scriptVersions.id,
      versionNumber: scriptVersions.number,
      versionKind: scriptVersions.kind,
      versionScriptId: scriptVersions.scriptId,
      groupId: qualificationGroups.id,
      groupName: qualificationGroups.name,
      groupArchivedAt: qualificationGroups.archivedAt,
      scheduleId: workSchedules.id,
      scheduleName: workSchedules.name,
      scheduleArchivedAt: workSchedules.archivedAt,
      scheduleDays: workSchedules.days,
      holidayGroupId: holidayGroups.id,
      holidayGroupName: holidayGroups.name,
      holidayGroupArchivedAt: holidayGroups.archivedAt,
      distributionId: distributionRuleGroups.id,
      distributionName: distributionRuleGroups.name,
      distributionArchivedAt: distributionRuleGroups.archivedAt,
      lastError: pollCursors.lastError,
      addressBookId: campaigns.addressBookId,
      salesRepScheduleId: campaigns.salesRepScheduleId,
    })
    .from(campaigns)
    .leftJoin(platforms, eq(platforms.id, campaigns.platformId))
    .leftJoin(queues, eq(queues.id, campaigns.queueId))
    .leftJoin(scripts, eq(scripts.id, campaigns.scriptId))
    .leftJoin(scriptVersions, eq(scriptVersions.id, campaigns.scriptVersionId))
    .leftJoin(qualificationGroups, eq(qualificationGroups.id, campaigns.qualificationGroupId))
    .leftJoin(workSchedules, eq(workSchedules.id, campaigns.scheduleId))
    .leftJoin(holidayGroups, eq(holidayGroups.id, campaigns.holidayGroupId))
    .leftJoin(distributionRuleGroups, eq(distributionRuleGroups.id, campaigns.distributionGroupId))
    .leftJoin(pollCursors, eq(pollCursors.campaignId, campaigns.id))
    .where(and(isNull(campaigns.archivedAt), campaignIds ? inArray(campaigns.id, campaignIds) : undefined))
    .orderBy(asc(campaigns.id));
  if (base.length === 0) return [];

  // Every campaign: a subquery rather than thousands of bound ids.
  const ids = campaignIds ? base.map((c) => c.id) : db.select({ id: campaigns.id }).from(campaigns).where(isNull(campaigns.archivedAt));
  const distinct = (values: (number | null)[]) => [...new Set(values.filter((v): v is number => v !== null))];
  const scriptIds = distinct(base.map((c) => c.scriptId));
  const versionIds = distinct(base.map((c) => c.versionId));
  const groupIds = distinct(base.map((c) => c.groupId));
  const holidayGroupIds = distinct(base.map((c) => c.holidayGroupId));
  const distributionIds = distinct(base.map((c) => c.distributionId));
  const none = Promise.resolve([]);

  const [latest, versions, statusCounts, holidayCounts, ruleCounts, lists, responses, required, levels, [{ agents }]] = await Promise.all([
    scriptIds.length
      ? db
          .selectDistinctOn([scriptVersions.scriptId], {
            scriptId: scriptVersions.scriptId,
            id: scriptVersions.id,
            number: scriptVersions.number,
          })
          .from(scriptVersions)
          .where(and(eq(scriptVersions.kind, "production"), inArray(scriptVersions.scriptId, scriptIds)))
          .orderBy(scriptVersions.scriptId, desc(scriptVersions.number))
      : none,
    versionIds.length
      ? db
          .select({ id: scriptVersions.id, model: scriptVersions.model, customerFile: scriptVersions.customerFile })
          .from(scriptVersions)
          .where(inArray(scriptVersions.id, versionIds))
      : none,
    groupIds.length
      ? db
          .select({
            groupId: qualificationStatuses.groupId,
            statuses: count(),
            positive: sql<number>`count(*) filter (where ${qualificationStatuses.category} = 'positive')`.mapWith(Number),
          })
          .from(qualificationStatuses)
          .where(and(inArray(qualificationStatuses.groupId, groupIds), isNull(qualificationStatuses.archivedAt)))
          .groupBy(qualificationStatuses.groupId)
      : none,
    holidayGroupIds.length
      ? db
          .select({ groupId: holidays.groupId, n: count() })
          .from(holidays)
          .where(inArray(holidays.groupId, holidayGroupIds))
          .groupBy(holidays.groupId)
      : none,
    distributionIds.length
      ? db
          .select({ groupId: distributionRules.groupId, n: count() })
          .from(distributionRules)
          .where(inArray(distributionRules.groupId, distributionIds))
          .groupBy(distributionRules.groupId)
      : none,
    db
      .select({ campaignId: campaignBlacklists.campaignId, id: blacklists.id, name: blacklists.name, archivedAt: blacklists.archivedAt })
      .from(campaignBlacklists)
      .innerJoin(blacklists, eq(blacklists.id, campaignBlacklists.blacklistId))
      .where(inArray(campaignBlacklists.campaignId, ids))
      .orderBy(asc(blacklists.name)),
    db
      .select({ campaignId: predefinedResponses.campaignId, n: count() })
      .from(predefinedResponses)
      .where(inArray(predefinedResponses.campaignId, ids))
      .groupBy(predefinedResponses.campaignId),
    db
      .select({ campaignId: campaignSkills.campaignId, skillId: skills.id, name: skills.name, minLevel: campaignSkills.minLevel })
      .from(campaignSkills)
      .innerJoin(skills, eq(skills.id, campaignSkills.skillId))
      .where(inArray(campaignSkills.campaignId, ids))
      .orderBy(asc(skills.name)),
    db
      .select({ userId: agentSkills.userId, skillId: agentSkills.skillId, level: agentSkills.level })
      .from(agentSkills)
      .innerJoin(users, and(eq(users.id, agentSkills.userId), eq(users.role, "agent"), isNull(users.archivedAt)))
      .where(
        inArray(
          agentSkills.skillId,
          db.selectDistinct({ skillId: campaignSkills.skillId }).from(campaignSkills).where(inArray(campaignSkills.campaignId, ids)),
        ),
      ),
    db
      .select({ agents: count() })
      .from(users)
      .where(and(eq(users.role, "agent"), isNull(users.archivedAt))),
  ]);

  const agendaSchedules = await salesRepScheduleFacts(db, distinct(base.map((c) => c.salesRepScheduleId)));
  // Each version is parsed once, not once per campaign using it.
  const agendaByVersion = new Map(versions.map((v) => [v.id, agendaUseOfVersion(v.id, v.model)]));
  const files = versions.filter((v) => v.customerFile !== null);
  const tables = await customerFileTables(
    db,
    files.map((f) => f.customerFile!),
  );
  const latestByScript = new Map(latest.map((v) => [v.scriptId, v]));
  const fileByVersion = new Map(files.map((f) => [f.id, f]));
  const statusesByGroup = new Map(statusCounts.map((s) => [s.groupId, s]));
  const holidaysByGroup = new Map(holidayCounts.map((h) => [h.groupId, h.n]));
  const rulesByGroup = new Map(ruleCounts.map((r) => [r.groupId, r.n]));
  const listsByCampaign = byKey(lists, (l) => l.campaignId);
  const responsesByCampaign = new Map(responses.map((r) => [r.campaignId, r.n]));
  const requiredByCampaign = byKey(required, (r) => r.campaignId);
  const qualifiedByCampaign = countQualifiedAgents(required, levels);
  // Parsed once per version, not once per campaign using it.
  const unmappedByVersion = new Map(files.map((f) => [f.id, unmappedObjects(f.model, f.customerFile!.mapping)]));

  const sourceRows = await db
    .select({
      campaignId: campaignSources.campaignId,
      kind: campaignSources.kind,
      errorKind: campaignSources.lastErrorKind,
      error: campaignSources.lastError,
    })
    .from(campaignSources)
    .where(inArray(campaignSources.campaignId, ids))
    .orderBy(asc(campaignSources.id));
  const sourcesByCampaign = byKey(sourceRows, (r) => r.campaignId);

  // Failed replies of the last day, newest first: the count and the latest reason per campaign.
  const failedReplies = await db
    .select({ campaignId: outbox.campaignId, reason: outbox.errorReason })
    .from(outbox)
    .where(
      and(
        inArray(outbox.campaignId, ids),
        inArray(outbox.state, ["failed", "unknown"]),
        sql`${outbox.updatedAt} > now() - interval '24 hours'`,
      ),
    )
    .orderBy(desc(outbox.updatedAt));
  const repliesByCampaign = new Map<number, { failed: number; reason: string | null }>();
  for (const r of failedReplies) {
    if (r.campaignId === null) continue;
    const seen = repliesByCampaign.get(r.campaignId);
    if (seen) seen.failed++;
    else repliesByCampaign.set(r.campaignId, { failed: 1, reason: r.reason });
  }

  // Mass messages of the last day with failed recipients (or a failed page post), newest first:
  // the count, the latest reason and the send to look at, per campaign.
  const failedSends = await db
    .select({
      campaignId: massMessages.campaignId,
      id: massMessages.id,
      failed: massMessages.failedCount,
      paused: sql<boolean>`(mass_messages.status = 'paused' and mass_messages.error_reason is not null)`,
      reason: sql<string | null>`coalesce(mass_messages.error_reason, (select r.reason from mass_message_recipients r
        where r.mass_message_id = mass_messages.id and r.status = 'failed' order by r.id desc limit 1))`,
    })
    .from(massMessages)
    .where(
      and(
        inArray(massMessages.campaignId, ids),
        // Failures of the last day, or a send that paused itself (a refused token) and waits for an administrator.
        sql`((${massMessages.failedCount} > 0 and ${massMessages.updatedAt} > now() - interval '24 hours')
              or (${massMessages.status} = 'paused' and ${massMessages.errorReason} is not null))`,
      ),
    )
    .orderBy(desc(massMessages.updatedAt));
  const sendsByCampaign = new Map<
    number,
    { failed: number; reason: string | null; massMessageId: number; pausedId?: number; pausedReason?: string }
  >();
  for (const r of failedSends) {
    const paused = r.paused === true || String(r.paused) === "true";
    let seen = sendsByCampaign.get(r.campaignId);
    if (!seen) {
      seen = { failed: 0, reason: r.failed > 0 ? r.reason : null, massMessageId: r.id };
      sendsByCampaign.set(r.campaignId, seen);
    }
    seen.failed += r.failed;
    if (seen.reason === null && r.failed > 0) seen.reason = r.reason;
    if (paused && seen.pausedId === undefined) {
      seen.pausedId = r.id;
      seen.pausedReason = r.reason ?? "";
    }
  }

  return base.map((c): CampaignSnapshot => {
    const file = c.versionId !== null ? fileByVersion.get(c.versionId) : undefined;
    const cf = file?.customerFile;
    const requiredSkills = (requiredByCampaign.get(c.id) ?? []).map(({ skillId, name, minLevel }) => ({ skillId, name, minLevel }));
    const statuses = c.groupId !== null ? statusesByGroup.get(c.groupId) : undefined;
    return {
      id: c.id,
      name: c.name,
      type: c.type,
      state: c.state,
      platform: c.platformId !== null ? { id: c.platformId, name: c.platformName! } : null,
      ...credentialFlags(c.type, c.credentials),
      lastNetworkError: c.lastError,
      searchQuery: c.searchQuery,
      sources: (sourcesByCampaign.get(c.id) ?? []).map(({ kind, errorKind, error }) => ({ kind, errorKind, error })),
      ...(repliesByCampaign.has(c.id) ? { replies: repliesByCampaign.get(c.id) } : {}),
      ...(sendsByCampaign.has(c.id) ? { massMessages: sendsByCampaign.get(c.id) } : {}),
      queue: c.queueId !== null ? { id: c.queueId, code: c.queueCode!, archived: archived(c.queueArchivedAt) } : null,
      script:
        c.scriptId !== null
          ? {
              id: c.scriptId,
              name: c.scriptName!,
              archived: archived(c.scriptArchivedAt),
              latestProduction: pick(latestByScript.get(c.scriptId)),
            }
          : null,
      scriptVersion:
        c.versionId !== null ? { id: c.versionId, number: c.versionNumber!, kind: c.versionKind!, scriptId: c.versionScriptId! } : null,
      customerFile: cf
        ? {
            schemaName: cf.schemaName,
            tableName: cf.tableName,
            tableColumns: tables.get(`${cf.schemaName}.${cf.tableName}`) ?? null,
            mappedColumns: cf.mapping.columns.map((col) => col.column),
            unmappedObjects: unmappedByVersion.get(file!.id) ?? [],
          }
        : null,
      scriptAgendaUse: (c.versionId !== null ? agendaByVersion.get(c.versionId) : undefined) ?? [],
      agendaConfigured: c.addressBookId !== null && c.salesRepScheduleId !== null,
      agendaSchedule: c.salesRepScheduleId !== null ? (agendaSchedules.get(c.salesRepScheduleId) ?? null) : null,
      qualificationGroup:
        c.groupId !== null
          ? {
              id: c.groupId,
              name: c.groupName!,
              archived: archived(c.groupArchivedAt),
              statuses: statuses?.statuses ?? 0,
              positive: statuses?.positive ?? 0,
            }
          : null,
      schedule:
        c.scheduleId !== null
          ? { id: c.scheduleId, name: c.scheduleName!, archived: archived(c.scheduleArchivedAt), days: c.scheduleDays! }
          : null,
      holidayGroup:
        c.holidayGroupId !== null
          ? {
              id: c.holidayGroupId,
              name: c.holidayGroupName!,
              archived: archived(c.holidayGroupArchivedAt),
              holidays: holidaysByGroup.get(c.holidayGroupId) ?? 0,
            }
          : null,
      distributionGroup:
        c.distributionId !== null
          ? {
              id: c.distributionId,
              name: c.distributionName!,
              archived: archived(c.distributionArchivedAt),
              rules: rulesByGroup.get(c.distributionId) ?? 0,
            }
          : null,
      blacklists: (listsByCampaign.get(c.id) ?? []).map((l) => ({ id: l.id, name: l.name, archived: archived(l.archivedAt) })),
      predefinedResponses: responsesByCampaign.get(c.id) ?? 0,
      requiredSkills,
      eligibleAgents: requiredSkills.length ? (qualifiedByCampaign.get(c.id) ?? 0) : agents,
    };
  });
}

function pick(v: { id: number; number: number } | undefined) {
  return v ? { id: v.id, number: v.number } : null;
}

/**
 * Per campaign with required skills: the active agents holding every one of them at its level.
 * Counted here rather than in SQL: campaigns share a few requirement sets, and joining every
 * campaign to every agent costs (campaigns × agents) rows in the database for nothing.
 */
function countQualifiedAgents(
  required: { campaignId: number; skillId: number; minLevel: number }[],
  levels: { userId: number; skillId: number; level: number }[],
): Map<number, number> {
  const byAgent = new Map<number, Map<number, number>>();
  for (const l of levels) {
    const held = byAgent.get(l.userId) ?? new Map<number, number>();
    held.set(l.skillId, l.level);
    byAgent.set(l.userId, held);
  }
  const counts = new Map<number, number>();
  const bySet = new Map<string, number>();
  for (const [campaignId, needs] of byKey(required, (r) => r.campaignId)) {
    const key = needs
      .map((n) => `${n.skillId}:${n.minLevel}`)
      .sort()
      .join(",");
    let n = bySet.get(key);
    if (n === undefined) {
      n = 0;
      for (const held of byAgent.values()) if (needs.every((need) => (held.get(need.skillId) ?? 0) >= need.minLevel)) n++;
      bySet.set(key, n);
    }
    counts.set(campaignId, n);
  }
  return counts;
}

/** The columns of each customer-file table that exists, keyed `schema.table`: one catalogue query. */
async function customerFileTables(db: Db | Tx, files: { schemaName: string; tableName: string }[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (files.length === 0) return result;
  const wanted = JSON.stringify([
    ...new Map(files.map((f) => [`${f.schemaName}.${f.tableName}`, { s: f.schemaName, t: f.tableName }])).values(),
  ]);
  const found = await rows<{ table_schema: string; table_name: string; column_name: string }>(
    db,
    sql`select c.table_schema, c.table_name, c.column_name
        from information_schema.columns c
        join json_to_recordset(${wanted}::json) as w(s text, t text) on w.s = c.table_schema and w.t = c.table_name
        order by c.table_schema, c.table_name, c.ordinal_position`,
  );
  for (const r of found) {
    const key = `${r.table_schema}.${r.table_name}`;
    const columns = result.get(key);
    if (columns) columns.push(r.column_name);
    else result.set(key, [r.column_name]);
  }
  return result;
}
