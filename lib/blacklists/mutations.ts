import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { blacklists, blacklistWords, customerDatabases } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { blacklistUsers } from "./queries";
import { cleanWord, normalizeWord } from "./normalize";
import type { addWordSchema, blacklistSchema, blacklistUpdateSchema, removeWordSchema } from "./blacklist.schema";
import type { z } from "zod";

async function requireActiveDatabase(tx: Tx, id: number) {
  const [row] = await tx
    .select({ id: customerDatabases.id })
    .from(customerDatabases)
    .where(and(eq(customerDatabases.id, id), isNull(customerDatabases.archivedAt)));
  if (!row) throw new ActionError("blacklists.errors.databaseUnavailable", { databaseId: ["blacklists.errors.databaseUnavailable"] });
}

/** The list row, locked: word changes and imports on one list run one at a time. */
export async function lockBlacklist(tx: Tx, id: number, version?: string) {
  return lockForUpdate(tx, blacklists, id, version);
}

export async function createBlacklist(actor: AuditActor, input: z.output<typeof blacklistSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      await requireActiveDatabase(tx, input.databaseId);
      const [row] = await tx.insert(blacklists).values(input).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "blacklist", objectId: row.id, label: row.name, after: row });
      return row;
    }),
  );
}

export async function updateBlacklist(actor: AuditActor, input: z.output<typeof blacklistUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const before = await lockBlacklist(tx, input.id, input.version);
      if (input.databaseId !== before.databaseId) await requireActiveDatabase(tx, input.databaseId);
      const after = await updateRow(tx, blacklists, input.id, { name: input.name, databaseId: input.databaseId });
      await recordAudit(tx, actor, { action: "update", objectType: "blacklist", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

export async function setBlacklistArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, blacklists, id, archived, { objectType: "blacklist", label: (b) => b.name, usedBy: blacklistUsers });
}

// Keyword changes are audited as updates of their list, without touching the list's version:
// adding a word must not make the name form on the same page stale.
export async function addBlacklistWord(actor: AuditActor, input: z.output<typeof addWordSchema>) {
  const db = await getDb();
  const word = cleanWord(input.word);
  return uniqueOr(
    "word",
    () =>
      db.transaction(async (tx) => {
        const list = await lockBlacklist(tx, input.blacklistId);
        const [row] = await tx
          .insert(blacklistWords)
          .values({ blacklistId: list.id, word, normalized: normalizeWord(word) })
          .returning();
        await recordAudit(tx, actor, {
          action: "update",
          objectType: "blacklist",
          objectId: list.id,
          label: list.name,
          after: { wordAdded: word },
        });
        return row;
      }),
    "blacklists.errors.wordExists",
  );
}

export async function removeBlacklistWord(actor: AuditActor, input: z.output<typeof removeWordSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const list = await lockBlacklist(tx, input.blacklistId);
    const [row] = await tx
      .delete(blacklistWords)
      .where(and(eq(blacklistWords.id, input.wordId), eq(blacklistWords.blacklistId, list.id)))
      .returning();
    if (!row) throw new ActionError("adminCommon.errors.notFound");
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "blacklist",
      objectId: list.id,
      label: list.name,
      before: { wordRemoved: row.word },
    });
    return row;
  });
}
