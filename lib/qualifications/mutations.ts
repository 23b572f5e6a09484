import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { qualificationGroups, qualificationStatuses, qualificationSubStatuses } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { activeSubStatuses, qualificationGroupUsers, readQualificationGroup } from "./queries";
import { syncOrderedChildren } from "./sync";
import type { QualificationGroupValues, StatusValues } from "./qualification.schema";
import type { z } from "zod";
import type { qualificationGroupUpdateSchema } from "./qualification.schema";

// Statuses are edited in place. This never touches a conversation: qualifying copies the
// status's code, label, category, benefit and detail onto the conversation
// (lib/conversations/mutations.ts), so past qualifications keep what they were.

async function saveStatuses(tx: Tx, groupId: number, statuses: StatusValues[]) {
  const now = new Date();
  const existing = await tx
    .select({ id: qualificationStatuses.id, code: qualificationStatuses.code })
    .from(qualificationStatuses)
    .where(and(eq(qualificationStatuses.groupId, groupId), isNull(qualificationStatuses.archivedAt)))
    .for("update");
  const ids = await syncOrderedChildren({
    existing,
    desired: statuses,
    archive: async (ids) => {
      await tx.update(qualificationStatuses).set({ archivedAt: now, updatedAt: now }).where(inArray(qualificationStatuses.id, ids));
    },
    setTemporaryCode: async (id) => {
      await tx
        .update(qualificationStatuses)
        .set({ code: sql`'~' || ${qualificationStatuses.id}` })
        .where(eq(qualificationStatuses.id, id));
    },
    update: async (id, s, position) => {
      await tx
        .update(qualificationStatuses)
        .set({
          code: s.code,
          label: s.label,
          category: s.category,
          benefit: s.benefit,
          quotaValidation: s.quotaValidation,
          quota: s.quota,
          position,
          updatedAt: now,
        })
        .where(eq(qualificationStatuses.id, id));
    },
    insert: async (s, position) => {
      const [row] = await tx
        .insert(qualificationStatuses)
        .values({
          groupId,
          code: s.code,
          label: s.label,
          category: s.category,
          benefit: s.benefit,
          quotaValidation: s.quotaValidation,
          quota: s.quota,
          position,
        })
        .returning({ id: qualificationStatuses.id });
      return row.id;
    },
  });
  const existingSubs = await activeSubStatuses(tx, ids);
  for (const [i, statusId] of ids.entries()) {
    await syncOrderedChildren({
      existing: existingSubs.get(statusId) ?? [],
      desired: statuses[i].subStatuses,
      archive: async (subIds) => {
        await tx
          .update(qualificationSubStatuses)
          .set({ archivedAt: now, updatedAt: now })
          .where(inArray(qualificationSubStatuses.id, subIds));
      },
      setTemporaryCode: async (id) => {
        await tx
          .update(qualificationSubStatuses)
          .set({ code: sql`'~' || ${qualificationSubStatuses.id}` })
          .where(eq(qualificationSubStatuses.id, id));
      },
      update: async (id, sub, position) => {
        await tx
          .update(qualificationSubStatuses)
          .set({ code: sub.code, label: sub.label, position, updatedAt: now })
          .where(eq(qualificationSubStatuses.id, id));
      },
      insert: async (sub, position) => {
        const [row] = await tx
          .insert(qualificationSubStatuses)
          .values({ statusId, code: sub.code, label: sub.label, position })
          .returning({ id: qualificationSubStatuses.id });
        return row.id;
      },
    });
  }
}

export async function createQualificationGroup(actor: AuditActor, input: QualificationGroupValues) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(qualificationGroups).values({ name: input.name, currency: input.currency }).returning();
      await saveStatuses(tx, row.id, input.statuses);
      const after = await readQualificationGroup(tx, row.id);
      await recordAudit(tx, actor, { action: "create", objectType: "qualification_group", objectId: row.id, label: row.name, after });
      return row;
    }),
  );
}

export async function updateQualificationGroup(actor: AuditActor, input: z.output<typeof qualificationGroupUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      // Locking the group serialises two admins saving it: the second one sees a new version.
      await lockForUpdate(tx, qualificationGroups, input.id, input.version);
      const before = await readQualificationGroup(tx, input.id);
      const row = await updateRow(tx, qualificationGroups, input.id, { name: input.name, currency: input.currency });
      await saveStatuses(tx, row.id, input.statuses);
      const after = await readQualificationGroup(tx, row.id);
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "qualification_group",
        objectId: row.id,
        label: row.name,
        before,
        after,
      });
      return row;
    }),
  );
}

export async function setQualificationGroupArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, qualificationGroups, id, archived, {
    objectType: "qualification_group",
    label: (g) => g.name,
    usedBy: qualificationGroupUsers,
  });
}
