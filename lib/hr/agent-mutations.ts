import { and, count, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { agentPresence, conversations, loginAttempts, users, type Role } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockVersion } from "@/lib/admin/mutate";
import {
  accountSnapshot,
  checkGroups,
  checkSkills,
  profileColumns,
  replaceMemberships,
  replaceSkills,
  upsertProfile,
} from "./account-writes";
import type { agentSchema, agentUpdateSchema } from "./agent.schema";
import { newAccountPassword } from "./passwords";

export interface NewAccount {
  id: number;
  login: string;
  name: string;
  /** Shown once to the administrator; only its hash is stored. */
  password: string;
}

export async function createAgent(actor: AuditActor, input: z.output<typeof agentSchema>): Promise<NewAccount> {
  const db = await getDb();
  const password = newAccountPassword();
  const passwordHash = await hashPassword(password);
  return uniqueOr(
    "code",
    () =>
      db.transaction(async (tx) => {
        await checkSkills(
          tx,
          input.skills.map((s) => s.skillId),
        );
        await checkGroups(
          tx,
          input.groups.map((g) => g.groupId),
        );
        const [row] = await tx
          .insert(users)
          .values({ login: input.code, name: input.name, role: "agent", rights: input.rights, passwordHash })
          .returning({ id: users.id, login: users.login, name: users.name });
        await upsertProfile(tx, row.id, profileColumns(input));
        await replaceSkills(tx, row.id, input.skills);
        await replaceMemberships(tx, row.id, input.groups);
        await recordAudit(tx, actor, {
          action: "create",
          objectType: "agent",
          objectId: row.id,
          label: row.login,
          after: await accountSnapshot(tx, row.id),
        });
        return { ...row, password };
      }),
    "hr.errors.codeTaken",
  );
}

export async function updateAgent(actor: AuditActor, input: z.output<typeof agentUpdateSchema>) {
  const db = await getDb();
  return uniqueOr(
    "code",
    () =>
      db.transaction(async (tx) => {
        await lockVersion(tx, users, input.id, input.version, eq(users.role, "agent"));
        await checkSkills(
          tx,
          input.skills.map((s) => s.skillId),
        );
        await checkGroups(
          tx,
          input.groups.map((g) => g.groupId),
        );
        const before = await accountSnapshot(tx, input.id);
        const [after] = await tx
          .update(users)
          .set({ login: input.code, name: input.name, rights: input.rights, updatedAt: new Date() })
          .where(eq(users.id, input.id))
          .returning({ id: users.id, login: users.login, updatedAt: users.updatedAt });
        await upsertProfile(tx, input.id, profileColumns(input));
        await replaceSkills(tx, input.id, input.skills);
        await replaceMemberships(tx, input.id, input.groups);
        await recordAudit(tx, actor, {
          action: "update",
          objectType: "agent",
          objectId: input.id,
          label: after.login,
          before,
          after: await accountSnapshot(tx, input.id),
        });
        return after;
      }),
    "hr.errors.codeTaken",
  );
}

/**
 * The key button: a new generated password replaces the old one at once (the old one stops
 * working) and is returned to be shown once. The edit form's version is left alone on purpose.
 */
export async function regeneratePassword(actor: AuditActor, id: number, roles: readonly Role[]): Promise<NewAccount> {
  const db = await getDb();
  const password = newAccountPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ login: users.login, name: users.name, role: users.role, archivedAt: users.archivedAt })
      .from(users)
      .where(eq(users.id, id))
      .for("update");
    if (!user || user.archivedAt || !roles.includes(user.role)) throw new ActionError("adminCommon.errors.notFound");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
    // A fresh password starts with a clean slate of failed attempts.
    await tx.delete(loginAttempts).where(eq(loginAttempts.login, user.login.toLowerCase()));
    await recordAudit(tx, actor, {
      action: "update",
      objectType: user.role,
      objectId: id,
      label: user.login,
      after: { event: "password_regenerated" },
    });
    return { id, login: user.login, name: user.name, password };
  });
}

/** Archived accounts cannot sign in; an agent still handling conversations is not archived. */
export async function setAccountArchived(actor: AuditActor, id: number, archived: boolean, role: Role) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).for("update");
    if (!user || user.role !== role) throw new ActionError("adminCommon.errors.notFound");
    if (archived) {
      // Locking the presence row keeps routing (SKIP LOCKED) from assigning meanwhile.
      await tx.select().from(agentPresence).where(eq(agentPresence.userId, id)).for("update");
      const [{ open }] = await tx
        .select({ open: count() })
        .from(conversations)
        .where(and(eq(conversations.assignedAgentId, id), eq(conversations.status, "assigned")));
      if (open > 0) throw new ActionError("hr.errors.agentBusy", undefined, { count: open });
      await tx.update(agentPresence).set({ state: "offline", since: new Date() }).where(eq(agentPresence.userId, id));
    }
    const before = await accountSnapshot(tx, id);
    await tx
      .update(users)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(users.id, id));
    await recordAudit(tx, actor, {
      action: archived ? "archive" : "restore",
      objectType: role,
      objectId: id,
      label: before.login,
      before,
      after: await accountSnapshot(tx, id),
    });
  });
}
