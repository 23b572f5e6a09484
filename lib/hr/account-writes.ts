import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agentProfiles, agentSkills, skillGroups, skills, supervisionGroupMembers, supervisionGroups, users } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import type { AgentProfileValues } from "./agent.schema";
import type { SupervisionMemberRole } from "./options";

// Writes shared by agent, wizard and supervisor mutations, always inside the caller's transaction.

/** Refuses skills that are archived or gone (the form may be older than an archive). */
export async function checkSkills(tx: Tx, skillIds: number[]) {
  if (skillIds.length === 0) return;
  const found = await tx
    .select({ id: skills.id })
    .from(skills)
    .innerJoin(skillGroups, eq(skillGroups.id, skills.groupId))
    .where(and(inArray(skills.id, skillIds), isNull(skills.archivedAt), isNull(skillGroups.archivedAt)));
  if (found.length !== new Set(skillIds).size) throw new ActionError("hr.errors.unknownSkill", { skills: ["hr.errors.unknownSkill"] });
}

export async function checkGroups(tx: Tx, groupIds: number[], field = "groups") {
  if (groupIds.length === 0) return;
  const found = await tx
    .select({ id: supervisionGroups.id })
    .from(supervisionGroups)
    .where(and(inArray(supervisionGroups.id, groupIds), isNull(supervisionGroups.archivedAt)));
  if (found.length !== new Set(groupIds).size) throw new ActionError("hr.errors.unknownGroup", { [field]: ["hr.errors.unknownGroup"] });
}

type ProfileColumns = Omit<AgentProfileValues, "rights" | "skills" | "groups">;

export function profileColumns(p: AgentProfileValues): ProfileColumns {
  return {
    hangUpAfterCall: p.hangUpAfterCall,
    directlyReady: p.directlyReady,
    autoAnswer: p.autoAnswer,
    mediaChannels: p.mediaChannels,
    maxConversations: p.maxConversations,
    personalCallbacks: p.personalCallbacks,
    workspace: p.workspace,
    displayOptions: p.displayOptions,
    telephonyRights: p.telephonyRights,
    supervisionRights: p.supervisionRights,
    miscRights: p.miscRights,
  };
}

export async function upsertProfile(tx: Tx, userId: number, columns: Partial<ProfileColumns>) {
  await tx
    .insert(agentProfiles)
    .values({ userId, ...columns })
    .onConflictDoUpdate({ target: agentProfiles.userId, set: { ...columns, updatedAt: new Date() } });
}

export async function replaceSkills(tx: Tx, userId: number, list: { skillId: number; level: number }[]) {
  await tx.delete(agentSkills).where(eq(agentSkills.userId, userId));
  if (list.length) await tx.insert(agentSkills).values(list.map((s) => ({ userId, skillId: s.skillId, level: s.level })));
}

/**
 * Replaces a user's memberships in active groups (optionally only those of one role).
 * Memberships in archived groups are kept, so restoring a group restores its team.
 */
export async function replaceMemberships(
  tx: Tx,
  userId: number,
  list: { groupId: number; role: SupervisionMemberRole }[],
  onlyRole?: SupervisionMemberRole,
) {
  await tx
    .delete(supervisionGroupMembers)
    .where(
      and(
        eq(supervisionGroupMembers.userId, userId),
        onlyRole ? eq(supervisionGroupMembers.role, onlyRole) : undefined,
        inArray(
          supervisionGroupMembers.groupId,
          tx.select({ id: supervisionGroups.id }).from(supervisionGroups).where(isNull(supervisionGroups.archivedAt)),
        ),
      ),
    );
  if (list.length) {
    // A user belongs to a group once: joining as supervisor replaces an agent membership.
    await tx
      .insert(supervisionGroupMembers)
      .values(list.map((m) => ({ userId, groupId: m.groupId, role: m.role })))
      .onConflictDoUpdate({ target: [supervisionGroupMembers.groupId, supervisionGroupMembers.userId], set: { role: sql`excluded.role` } });
  }
}

/** What the audit log keeps of an HR account: never its password hash. */
export async function accountSnapshot(tx: Tx, userId: number) {
  const [user] = await tx
    .select({ login: users.login, name: users.name, role: users.role, rights: users.rights, archivedAt: users.archivedAt })
    .from(users)
    .where(eq(users.id, userId));
  const [profile] = await tx.select().from(agentProfiles).where(eq(agentProfiles.userId, userId));
  const skillRows = await tx
    .select({ skillId: agentSkills.skillId, level: agentSkills.level })
    .from(agentSkills)
    .where(eq(agentSkills.userId, userId));
  const groupRows = await tx
    .select({ groupId: supervisionGroupMembers.groupId, role: supervisionGroupMembers.role })
    .from(supervisionGroupMembers)
    .where(eq(supervisionGroupMembers.userId, userId));
  return { ...user, profile: profile ?? null, skills: skillRows, groups: groupRows };
}
