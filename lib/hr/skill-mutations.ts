import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { skillGroups, skills } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { refuseIfStale, refuseIfUsed, uniqueOr } from "@/lib/admin/errors";
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
      const [before] = await tx.select().from(skillGroups).where(eq(skillGroups.id, input.id)).for("update");
      if (!before) throw new ActionError("adminCommon.errors.notFound");
      refuseIfStale(before.updatedAt, input.version);
      const [after] = await tx
        .update(skillGroups)
        .set({ name: input.name, description: input.description, updatedAt: new Date() })
        .where(eq(skillGroups.id, input.id))
        .returning();
      await recordAudit(tx, actor, { action: "update", objectType: "skill_group", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setSkillGroupArchived(actor: AuditActor, id: number, archived: boolean) {
  const db = await getDb();
  if (archived) refuseIfUsed(await skillGroupUsers(id));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(skillGroups).where(eq(skillGroups.id, id)).for("update");
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    const [after] = await tx
      .update(skillGroups)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(skillGroups.id, id))
      .returning();
    await recordAudit(tx, actor, { action: archived ? "archive" : "restore", objectType: "skill_group", objectId: id, label: after.name, before, after });
    return after;
  });
}

export async function createSkill(actor: AuditActor, input: z.output<typeof skillSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [group] = await tx.select().from(skillGroups).where(eq(skillGroups.id, input.groupId)).for("share");
      if (!group || group.archivedAt) throw new ActionError("adminCommon.errors.notFound");
      const [row] = await tx.insert(skills).values(input).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "skill", objectId: row.id, label: `${group.name} / ${row.name}`, after: row });
      return row;
    }),
  );
}

export async function updateSkill(actor: AuditActor, input: z.output<typeof skillUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(skills).where(eq(skills.id, input.id)).for("update");
      if (!before) throw new ActionError("adminCommon.errors.notFound");
      refuseIfStale(before.updatedAt, input.version);
      const [after] = await tx
        .update(skills)
        .set({ name: input.name, description: input.description, updatedAt: new Date() })
        .where(eq(skills.id, input.id))
        .returning();
      await recordAudit(tx, actor, { action: "update", objectType: "skill", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setSkillArchived(actor: AuditActor, id: number, archived: boolean) {
  const db = await getDb();
  if (archived) refuseIfUsed(await skillUsers(id));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(skills).where(eq(skills.id, id)).for("update");
    if (!before) throw new ActionError("adminCommon.errors.notFound");
    const [after] = await tx
      .update(skills)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(skills.id, id))
      .returning();
    await recordAudit(tx, actor, { action: archived ? "archive" : "restore", objectType: "skill", objectId: id, label: after.name, before, after });
    return after;
  });
}
