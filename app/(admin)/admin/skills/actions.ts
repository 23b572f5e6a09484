"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { skillGroupSchema, skillGroupUpdateSchema, skillSchema, skillUpdateSchema } from "@/lib/hr/skill.schema";
import {
  createSkill,
  createSkillGroup,
  setSkillArchived,
  setSkillGroupArchived,
  updateSkill,
  updateSkillGroup,
} from "@/lib/hr/skill-mutations";

export const createSkillGroupAction = defineAction("admin.access", skillGroupSchema, async (input, user) => {
  const row = await createSkillGroup(user, input);
  revalidatePath("/admin/skills");
  return { id: row.id };
});

export const updateSkillGroupAction = defineAction("admin.access", skillGroupUpdateSchema, async (input, user) => {
  const row = await updateSkillGroup(user, input);
  revalidatePath("/admin/skills");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveSkillGroupAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setSkillGroupArchived(user, id, archived);
  revalidatePath("/admin/skills");
  return { id };
});

export const createSkillAction = defineAction("admin.access", skillSchema, async (input, user) => {
  const row = await createSkill(user, input);
  revalidatePath("/admin/skills");
  return { id: row.id };
});

export const updateSkillAction = defineAction("admin.access", skillUpdateSchema, async (input, user) => {
  const row = await updateSkill(user, input);
  revalidatePath("/admin/skills");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveSkillAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setSkillArchived(user, id, archived);
  revalidatePath("/admin/skills");
  return { id };
});
