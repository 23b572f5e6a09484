import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { agentPresence, conversations, users, type Role } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import { clearLoginAttempts } from "@/lib/auth/login";
import { revokeIfRightsRemoved, revokeSessions, storedEffectiveRights } from "@/lib/auth/revoke";
import { emit } from "@/lib/events/emit";
import { endAssignment } from "@/lib/routing/assignments";
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
        const rightsBefore = await storedEffectiveRights(tx, input.id);
        const [after] = await tx
          .update(users)
          .set({ login: input.code, name: input.name, rights: input.rights, updatedAt: new Date() })
          .where(eq(users.id, input.id))
          .returning({ id: users.id, login: users.login, updatedAt: users.updatedAt });
        await upsertProfile(tx, input.id, profileColumns(input));
        await replaceSkills(tx, input.id, input.skills);
        await replaceMemberships(tx, input.id, input.groups);
        // A right taken away ends the agent's sessions (and live streams) at once.
        await revokeIfRightsRemoved(tx, input.id, rightsBefore);
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
    // Whoever knew the old password is signed out everywhere, now.
    await revokeSessions(tx, id);
    // A fresh password starts with a clean slate of failed attempts.
    await clearLoginAttempts(tx, user.login);
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

/**
 * Archived accounts cannot sign in, and their sessions end at once. An agent archived while
 * handling conversations gives them back to the queue: each goes back to waiting with its place
 * (waiting_since kept), its assignment ended `agent_left`, and routing offers it again.
 */
export async function setAccountArchived(actor: AuditActor, id: number, archived: boolean, role: Role) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).for("update");
    if (!user || user.role !== role) throw new ActionError("adminCommon.errors.notFound");
    let requeued = 0;
    if (archived) {
      // Locking the presence row keeps routing (SKIP LOCKED) from assigning meanwhile.
      await tx.select().from(agentPresence).where(eq(agentPresence.userId, id)).for("update");
      requeued = await requeueAgentConversations(tx, actor, id);
      await tx.update(agentPresence).set({ state: "offline", since: new Date() }).where(eq(agentPresence.userId, id));
      await revokeSessions(tx, id);
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
      after: { ...(await accountSnapshot(tx, id)), ...(requeued ? { requeuedConversations: requeued } : {}) },
    });
    return { requeued };
  });
}

/** The agent's open conversations back to the queue (in the caller's transaction); returns how many. */
async function requeueAgentConversations(tx: Tx, actor: AuditActor, agentId: number): Promise<number> {
  const open = await tx
    .select({ id: conversations.id, campaignId: conversations.campaignId })
    .from(conversations)
    .where(and(eq(conversations.assignedAgentId, agentId), eq(conversations.status, "assigned")))
    .for("update");
  for (const c of open) {
    await endAssignment(tx, { conversationId: c.id, reason: "agent_left", endedBy: actor.id });
    await tx
      .update(conversations)
      .set({ status: "waiting", assignedAgentId: null, updatedAt: new Date() })
      .where(eq(conversations.id, c.id));
  }
  if (open.length) {
    await emit(tx, [
      ...open.map((c) => ({ name: "relais/conversation.queued" as const, data: { conversationId: c.id, campaignId: c.campaignId } })),
      { name: "relais/agent.presence" as const, data: { agentId, state: "offline" } },
    ]);
  }
  return open.length;
}

/** An administrator's unlock of an account's sign-in (audited): its failed attempts are forgotten. */
export async function unlockSignIn(actor: AuditActor, id: number, roles: readonly Role[]): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ login: users.login, role: users.role }).from(users).where(eq(users.id, id));
    if (!user || !roles.includes(user.role)) throw new ActionError("adminCommon.errors.notFound");
    await clearLoginAttempts(tx, user.login);
    await recordAudit(tx, actor, {
      action: "update",
      objectType: user.role,
      objectId: id,
      label: user.login,
      after: { event: "sign_in_unlocked" },
    });
  });
}
