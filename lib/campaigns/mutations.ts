import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { campaignBlacklists, campaigns, campaignSkills, platforms, scripts, scriptVersions } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { getDefaults } from "./defaults";
import { encryptCredentials, mergeCredentials, readCredentialsForEdit } from "./credentials";
import { assertUsable, assertUsableMany, saveCampaignTab } from "./tab-lock";
import type { createCampaignSchema, generalSchema, receptionSchema, relationSchema, skillsSchema } from "./campaign.schema";

/**
 * «Ajout»: a stopped campaign with the default parameters (step 5) applied. The platform is
 * preselected when there is only one, as on a fresh install.
 */
export async function createCampaign(actor: AuditActor, input: z.output<typeof createCampaignSchema>) {
  const db = await getDb();
  const defaults = await getDefaults();
  const row = await uniqueOr("name", () =>
    db.transaction(async (tx) => {
      await assertUsable(tx, "databaseId", input.databaseId);
      const onlyPlatforms = await tx.select({ id: platforms.id }).from(platforms).orderBy(asc(platforms.id)).limit(2);
      const values = {
        type: input.type,
        name: input.name,
        state: "stopped" as const,
        databaseId: input.databaseId ?? defaults.databaseId,
        qualificationGroupId: defaults.qualificationGroupId,
        scheduleId: defaults.scheduleId,
        holidayGroupId: defaults.holidayGroupId,
        addressBookId: defaults.addressBookId,
        salesRepScheduleId: defaults.salesRepScheduleId,
        platformId: onlyPlatforms.length === 1 ? onlyPlatforms[0].id : null,
      };
      const [created] = await tx.insert(campaigns).values(values).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "campaign", objectId: created.id, label: created.name, after: created });
      return created;
    }),
  );
  return row;
}

export async function saveGeneral(actor: AuditActor, input: z.output<typeof generalSchema>) {
  const db = await getDb();
  const result = await uniqueOr("name", () =>
    db.transaction(async (tx) =>
      saveCampaignTab(tx, actor, input, "general", async (before) => {
        await assertUsable(tx, "platformId", input.platformId);
        const stored = readCredentialsForEdit(before.credentials);
        const merged = mergeCredentials(before.type, stored, input);
        const changed = Object.keys({ ...stored, ...merged }).filter(
          (k) => stored[k as keyof typeof stored] !== merged[k as keyof typeof merged],
        );
        const twitter = before.type === "twitter";
        return {
          patch: {
            name: input.name,
            platformId: input.platformId,
            credentials: encryptCredentials(merged),
            accountHandle: twitter ? input.accountHandle : before.accountHandle,
            accountId: twitter ? input.accountId || null : before.accountId,
            canvasPage: twitter ? before.canvasPage : input.canvasPage,
            canvasUrl: twitter ? before.canvasUrl : input.canvasUrl,
            acceptancePage: twitter ? before.acceptancePage : input.acceptancePage,
          },
          // The audit says which credential fields changed, never their values.
          auditAfter: { replacedFields: changed.sort() },
        };
      }),
    ),
  );
  return result;
}

export async function saveReception(actor: AuditActor, input: z.output<typeof receptionSchema>) {
  const db = await getDb();
  const blacklistIds = [...new Set(input.blacklistIds)].sort((a, b) => a - b);
  const result = await db.transaction(async (tx) =>
    saveCampaignTab(tx, actor, input, "reception", async (before) => {
      await assertUsable(tx, "queueId", input.queueId);
      await assertUsable(tx, "scheduleId", input.scheduleId);
      await assertUsable(tx, "holidayGroupId", input.holidayGroupId);
      await assertUsable(tx, "distributionGroupId", input.distributionGroupId);
      await assertUsableMany(tx, "blacklistIds", blacklistIds);
      const previous = await tx
        .select({ id: campaignBlacklists.blacklistId })
        .from(campaignBlacklists)
        .where(eq(campaignBlacklists.campaignId, input.id));
      await tx.delete(campaignBlacklists).where(eq(campaignBlacklists.campaignId, input.id));
      if (blacklistIds.length > 0)
        await tx.insert(campaignBlacklists).values(blacklistIds.map((blacklistId) => ({ campaignId: input.id, blacklistId })));
      return {
        patch: {
          queueId: input.queueId,
          queuePriority: input.queuePriority,
          pollIntervalSeconds: input.pollIntervalSeconds,
          checkComments: before.type === "facebook" ? input.checkComments : before.checkComments,
          assignmentTimeoutSeconds: input.assignmentTimeoutSeconds,
          searchQuery: before.type === "twitter" ? input.searchQuery : before.searchQuery,
          scheduleId: input.scheduleId,
          holidayGroupId: input.holidayGroupId,
          distributionGroupId: input.distributionGroupId,
          callbackDeadlineMinutes: input.callbackDeadlineMinutes,
          preferredWaitSeconds: input.preferredWaitSeconds,
          answerTargetSeconds: input.answerTargetMinutes * 60,
          waitingAlertSeconds: input.waitingAlertMinutes * 60,
          monthlyReadBudgetCents: input.monthlyReadBudget,
        },
        auditBefore: { blacklistIds: previous.map((p) => p.id).sort((a, b) => a - b) },
        auditAfter: { blacklistIds },
      };
    }),
  );
  return result;
}

export async function saveRelation(actor: AuditActor, input: z.output<typeof relationSchema>) {
  const db = await getDb();
  const result = await db.transaction(async (tx) =>
    saveCampaignTab(tx, actor, input, "relation", async () => {
      await assertUsable(tx, "qualificationGroupId", input.qualificationGroupId);
      await assertUsable(tx, "addressBookId", input.addressBookId);
      await assertUsable(tx, "salesRepScheduleId", input.salesRepScheduleId);
      let scriptVersionId: number | null = null;
      if (input.scriptId !== null) {
        // Agents run production versions only; without a choice, the latest one.
        const versions = await tx
          .select({ id: scriptVersions.id })
          .from(scriptVersions)
          .innerJoin(scripts, eq(scripts.id, scriptVersions.scriptId))
          .where(and(eq(scriptVersions.scriptId, input.scriptId), eq(scriptVersions.kind, "production")))
          .orderBy(desc(scriptVersions.number));
        const [script] = await tx.select({ archivedAt: scripts.archivedAt }).from(scripts).where(eq(scripts.id, input.scriptId));
        if (!script || script.archivedAt || versions.length === 0)
          throw new ActionError("campaigns.errors.scriptNotProduction", { scriptId: ["campaigns.errors.scriptNotProduction"] });
        if (input.scriptVersionId === null) scriptVersionId = versions[0].id;
        else if (versions.some((v) => v.id === input.scriptVersionId)) scriptVersionId = input.scriptVersionId;
        else throw new ActionError("campaigns.errors.unavailable", { scriptVersionId: ["campaigns.errors.unavailable"] });
      }
      return {
        patch: {
          scriptId: input.scriptId,
          scriptVersionId,
          qualificationGroupId: input.qualificationGroupId,
          numberDisplay: input.numberDisplay,
          addressBookId: input.addressBookId,
          salesRepScheduleId: input.salesRepScheduleId,
        },
      };
    }),
  );
  return result;
}

export async function saveSkills(actor: AuditActor, input: z.output<typeof skillsSchema>) {
  const db = await getDb();
  const required = new Map<number, number>();
  for (const s of input.skills) if (s.minLevel !== null) required.set(s.skillId, s.minLevel);
  const rows = [...required]
    .map(([skillId, minLevel]) => ({ campaignId: input.id, skillId, minLevel }))
    .sort((a, b) => a.skillId - b.skillId);
  const result = await db.transaction(async (tx) =>
    saveCampaignTab(tx, actor, input, "skills", async () => {
      await assertUsableMany(
        tx,
        "skills",
        rows.map((r) => r.skillId),
      );
      const previous = await tx
        .select({ skillId: campaignSkills.skillId, minLevel: campaignSkills.minLevel })
        .from(campaignSkills)
        .where(eq(campaignSkills.campaignId, input.id));
      await tx.delete(campaignSkills).where(eq(campaignSkills.campaignId, input.id));
      if (rows.length > 0) await tx.insert(campaignSkills).values(rows);
      return {
        patch: {},
        auditBefore: { skills: previous.sort((a, b) => a.skillId - b.skillId) },
        auditAfter: { skills: rows.map(({ skillId, minLevel }) => ({ skillId, minLevel })) },
      };
    }),
  );
  return result;
}
