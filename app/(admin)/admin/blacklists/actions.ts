"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { addWordSchema, blacklistSchema, blacklistUpdateSchema, removeWordSchema } from "@/lib/blacklists/blacklist.schema";
import { addBlacklistWord, createBlacklist, removeBlacklistWord, setBlacklistArchived, updateBlacklist } from "@/lib/blacklists/mutations";

export const createBlacklistAction = defineAction("admin.access", blacklistSchema, async (input, user) => {
  const row = await createBlacklist(user, input);
  revalidatePath("/admin/blacklists");
  return { id: row.id };
});

export const updateBlacklistAction = defineAction("admin.access", blacklistUpdateSchema, async (input, user) => {
  const row = await updateBlacklist(user, input);
  revalidatePath("/admin/blacklists");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveBlacklistAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setBlacklistArchived(user, id, archived);
  revalidatePath("/admin/blacklists");
  return { id };
});

export const addBlacklistWordAction = defineAction("admin.access", addWordSchema, async (input, user) => {
  const row = await addBlacklistWord(user, input);
  revalidatePath(`/admin/blacklists/${input.blacklistId}`);
  return { id: row.id, word: row.word };
});

export const removeBlacklistWordAction = defineAction("admin.access", removeWordSchema, async (input, user) => {
  const row = await removeBlacklistWord(user, input);
  revalidatePath(`/admin/blacklists/${input.blacklistId}`);
  return { id: row.id };
});
