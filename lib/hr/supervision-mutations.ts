import { and, eq, inArray, isNull } from "drizzle-orm";
import { revokeIfRightsRemoved, storedEffectiveRights } from "@/lib/auth/revoke";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { agentProfiles, supervisionGroupMembers, supervisionGroups, users, type Right } from "@/db/schema";
import { supervisorMiscRights, type MiscRight } from "./options";
import { ActionError } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, lockVersion, setArchived, updateRow } from "@/lib/admin/mutate";
import { accountSnapshot, checkGroups, replaceMemberships, upsertProfile } from "./account-writes";
import type { NewAccount } from "./agent-mutations";
import { newAccountPassword } from "./passwords";
import { canSupervise, supervisionGroupUsers } from "./supervision-queries";
import type { supervisionGroupSchema, supervisionGroupUpdateSchema, supervisorSchema, supervisorUpdateSchema } from "./supervision.schema";

const supervisorRights = (reporting: boolean): Right[] => (reporting ? ["supervision", "reporting"] : ["supervision"]);

/** The misc rights to store: those the form shows as given, and any other the account holds untouched. */
async function supervisorMisc(tx: Tx, userId: number, given: readonly MiscRight[]): Promise<MiscRight[]> {
  const [row] = await tx.select({ misc: agentProfiles.miscRights }).from(agentProfiles).where(eq(agentProfiles.userId, userId));
  const kept = (row?.misc ?? []).filter((r) => !(supervisorMiscRights as readonly string[]).includes(r)) as MiscRight[];
  return [...kept, ...given];
}

/** A supervisor account created directly (Users/Supervisors, manual step 9). */
export async function createSupervisor(actor: AuditActor, input: z.output<typeof supervisorSchema>): Promise<NewAccount> {
  const db = await getDb();
  const password = newAccountPassword();
  const passwordHash = await hashPassword(password);
  return uniqueOr("login", () =>
    db.transaction(async (tx) => {
      await checkGroups(tx, input.groupIds, "groupIds");
      const [row] = await tx
        .insert(users)
        .values({ login: input.login, name: input.name, role: "supervisor", rights: supervisorRights(input.reporting), passwordHash })
        .returning({ id: users.id, login: users.login, name: users.name });
      await upsertProfile(tx, row.id, { supervisionRights: input.supervisionRights, miscRights: input.miscRights });
      await replaceMemberships(
        tx,
        row.id,
        input.groupIds.map((groupId) => ({ groupId, role: "supervisor" as const })),
      );
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "supervisor",
        objectId: row.id,
        label: row.login,
        after: await accountSnapshot(tx, row.id),
      });
      return { ...row, password };
    }),
  );
}

export async function updateSupervisor(actor: AuditActor, input: z.output<typeof supervisorUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("login", () =>
    db.transaction(async (tx) => {
      await lockVersion(tx, users, input.id, input.version, eq(users.role, "supervisor"));
      await checkGroups(tx, input.groupIds, "groupIds");
      const before = await accountSnapshot(tx, input.id);
      const rightsBefore = await storedEffectiveRights(tx, input.id);
      const [after] = await tx
        .update(users)
        .set({ login: input.login, name: input.name, rights: supervisorRights(input.reporting), updatedAt: new Date() })
        .where(eq(users.id, input.id))
        .returning({ id: users.id, login: users.login, updatedAt: users.updatedAt });
      await upsertProfile(tx, input.id, {
        supervisionRights: input.supervisionRights,
        miscRights: await supervisorMisc(tx, input.id, input.miscRights),
      });
      await replaceMemberships(
        tx,
        input.id,
        input.groupIds.map((groupId) => ({ groupId, role: "supervisor" as const })),
        "supervisor",
      );
      await revokeIfRightsRemoved(tx, input.id, rightsBefore);
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "supervisor",
        objectId: input.id,
        label: after.login,
        before,
        after: await accountSnapshot(tx, input.id),
      });
      return after;
    }),
  );
}

/** Refuses members that are not (or no longer) what their side of the group requires. */
async function checkMembers(tx: Tx, supervisorIds: number[], agentIds: number[]) {
  if (supervisorIds.length) {
    const ok = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, supervisorIds), canSupervise(), isNull(users.archivedAt)));
    if (ok.length !== new Set(supervisorIds).size)
      throw new ActionError("hr.errors.invalidMembers", { supervisorIds: ["hr.errors.invalidMembers"] });
  }
  if (agentIds.length) {
    const ok = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, agentIds), eq(users.role, "agent"), isNull(users.archivedAt)));
    if (ok.length !== new Set(agentIds).size) throw new ActionError("hr.errors.invalidMembers", { agentIds: ["hr.errors.invalidMembers"] });
  }
}

async function replaceGroupMembers(tx: Tx, groupId: number, supervisorIds: number[], agentIds: number[]) {
  // Archived users keep their membership: restoring them brings them back in their team.
  await tx
    .delete(supervisionGroupMembers)
    .where(
      and(
        eq(supervisionGroupMembers.groupId, groupId),
        inArray(supervisionGroupMembers.userId, tx.select({ id: users.id }).from(users).where(isNull(users.archivedAt))),
      ),
    );
  const rows = [
    ...[...new Set(supervisorIds)].map((userId) => ({ groupId, userId, role: "supervisor" as const })),
    ...[...new Set(agentIds)].map((userId) => ({ groupId, userId, role: "agent" as const })),
  ];
  if (rows.length) await tx.insert(supervisionGroupMembers).values(rows);
}

async function groupSnapshot(tx: Tx, id: number) {
  const [group] = await tx.select().from(supervisionGroups).where(eq(supervisionGroups.id, id));
  const members = await tx
    .select({ userId: supervisionGroupMembers.userId, role: supervisionGroupMembers.role })
    .from(supervisionGroupMembers)
    .where(eq(supervisionGroupMembers.groupId, id));
  return {
    ...group,
    supervisorIds: members.filter((m) => m.role === "supervisor").map((m) => m.userId),
    agentIds: members.filter((m) => m.role === "agent").map((m) => m.userId),
  };
}

export async function createSupervisionGroup(actor: AuditActor, input: z.output<typeof supervisionGroupSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      await checkMembers(tx, input.supervisorIds, input.agentIds);
      const [row] = await tx.insert(supervisionGroups).values({ name: input.name, description: input.description }).returning();
      await replaceGroupMembers(tx, row.id, input.supervisorIds, input.agentIds);
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "supervision_group",
        objectId: row.id,
        label: row.name,
        after: await groupSnapshot(tx, row.id),
      });
      return row;
    }),
  );
}

export async function updateSupervisionGroup(actor: AuditActor, input: z.output<typeof supervisionGroupUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      await lockForUpdate(tx, supervisionGroups, input.id, input.version);
      await checkMembers(tx, input.supervisorIds, input.agentIds);
      const before = await groupSnapshot(tx, input.id);
      const after = await updateRow(tx, supervisionGroups, input.id, { name: input.name, description: input.description });
      await replaceGroupMembers(tx, input.id, input.supervisorIds, input.agentIds);
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "supervision_group",
        objectId: input.id,
        label: after.name,
        before,
        after: await groupSnapshot(tx, input.id),
      });
      return after;
    }),
  );
}

export async function setSupervisionGroupArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, supervisionGroups, id, archived, {
    objectType: "supervision_group",
    label: (g) => g.name,
    usedBy: supervisionGroupUsers,
  });
}
