import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { skillGroups, skills } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { setArchived, updateWithLock } from "@/lib/admin/mutate";
import { skillGroupUsers, skillUsers } from "./queries";
import type { skillGroupSchema, skillGroupUpdateSchema, skillSchema, skillUpdateSchema } from "./skill.schema";

export async function createSkillGroup(actor: AuditActor, input: z.output<typeof skillGroupSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(skillGroups).values(input).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "skill_group", objectId: row.id, label: row.name, after: row });
      return row;
    }),
  );
}

export async function updateSkillGroup(actor: AuditActor, input: z.output<typeof skillGroupUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const { before, after } = await updateWithLock(tx, skillGroups, input.id, input.version, {
        name: input.name,
        description: input.description,
      });
      await recordAudit(tx, actor, { action: "update", objectType: "skill_group", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setSkillGroupArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, skillGroups, id, archived, { objectType: "skill_group", label: (g) => g.name, usedBy: skillGroupUsers });
}

export async function createSkill(actor: AuditActor, input: z.output<typeof skillSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [group] = await tx.select().from(skillGroups).where(eq(skillGroups.id, input.groupId)).for("share");
      if (!group || group.archivedAt) throw new ActionError("adminCommon.errors.notFound");
      const [row] = await tx.insert(skills).values(input).returning();
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "skill",
        objectId: row.id,
        label: `${group.name} / ${row.name}`,
        after: row,
      });
      return row;
    }),
  );
}

export async function updateSkill(actor: AuditActor, input: z.output<typeof skillUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const { before, after } = await updateWithLock(tx, skills, input.id, input.version, {
        name: input.name,
        description: input.description,
      });
      await recordAudit(tx, actor, { action: "update", objectType: "skill", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setSkillArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, skills, id, archived, { objectType: "skill", label: (s) => s.name, usedBy: skillUsers });
}
