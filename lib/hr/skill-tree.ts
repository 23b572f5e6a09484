import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { skillGroups, skills } from "@/db/schema";

/** Active skill groups with their active skills: what agent forms, rules and campaigns offer. */
export async function skillTree() {
  const db = await getDb();
  const rows = await db
    .select({ groupId: skillGroups.id, groupName: skillGroups.name, skillId: skills.id, skillName: skills.name })
    .from(skillGroups)
    .innerJoin(skills, and(eq(skills.groupId, skillGroups.id), isNull(skills.archivedAt)))
    .where(isNull(skillGroups.archivedAt))
    .orderBy(asc(skillGroups.name), asc(skills.name));
  const groups: { id: number; name: string; skills: { id: number; name: string }[] }[] = [];
  for (const r of rows) {
    let group = groups.at(-1);
    if (group?.id !== r.groupId) groups.push((group = { id: r.groupId, name: r.groupName, skills: [] }));
    group.skills.push({ id: r.skillId, name: r.skillName });
  }
  return groups;
}

export type SkillTree = Awaited<ReturnType<typeof skillTree>>;
