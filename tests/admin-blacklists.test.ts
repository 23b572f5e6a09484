import { describe, it, expect, vi, beforeEach, beforeAll } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, blacklists, blacklistWords, campaignBlacklists, users } from "@/db/schema";
import { ensureDefaultDatabase } from "@/lib/databases/default";
import { listBlacklistWords } from "@/lib/blacklists/queries";
import { listParamsSchema } from "@/lib/admin/list";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/app/(admin)/admin/blacklists/actions");
const { POST } = await import("@/app/(admin)/admin/blacklists/[id]/import/route");

/** Posts a file to the import route as the browser's form does. */
async function upload(id: number, name: string, content: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", new File([content], name));
  const response = await POST(
    new Request(`http://localhost/admin/blacklists/${id}/import`, {
      method: "POST",
      body: form,
      headers: { host: "localhost", origin: "http://localhost", ...headers },
    }),
    {
      params: Promise.resolve({ id: String(id) }),
    },
  );
  return { status: response.status, body: await response.json() };
}

describe("blacklists administration", () => {
  const w = setupDemoWorkspace();
  let databaseId = 0;
  let listId = 0;
  const words = async (id = listId) =>
    (
      await w.db
        .select({ word: blacklistWords.word })
        .from(blacklistWords)
        .where(eq(blacklistWords.blacklistId, id))
        .orderBy(blacklistWords.normalized)
    ).map((r) => r.word);

  beforeAll(async () => {
    databaseId = await ensureDefaultDatabase();
  });
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("creates a blacklist on a database and records who did it", async () => {
    const result = await actions.createBlacklistAction({ name: "Insultes", databaseId });
    expect(result.ok).toBe(true);
    listId = result.ok ? result.data.id : 0;
    const [row] = await w.db.select().from(blacklists).where(eq(blacklists.id, listId));
    expect(row).toMatchObject({ name: "Insultes", databaseId });
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "blacklist"), eq(auditLog.objectId, listId)));
    expect(audit).toMatchObject({ action: "create", userLogin: "admin", objectLabel: "Insultes" });
  });

  it("refuses a duplicate name, also when two admins save at once, and an unknown database", async () => {
    expect(await actions.createBlacklistAction({ name: "Insultes", databaseId })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    const both = await Promise.all([
      actions.createBlacklistAction({ name: "Spam", databaseId }),
      actions.createBlacklistAction({ name: "Spam", databaseId }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await actions.createBlacklistAction({ name: "Orpheline", databaseId: 999_999 })).toMatchObject({
      ok: false,
      fieldErrors: { databaseId: ["blacklists.errors.databaseUnavailable"] },
    });
  });

  it("imports a file with a BOM, CRLF, blank lines and duplicates, and reports each line", async () => {
    const file = "\uFEFFArnaque\r\n\r\nÉpée noire\r\narnaque\r\n  Escroc  \r\nEPEE   NOIRE\r\n";
    const { status, body } = await upload(listId, "mots.txt", file);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ imported: true, counts: { added: 3, duplicate: 2, existing: 0, refused: 0, blank: 1 } });
    expect(body.data.lines).toEqual([
      { line: 1, word: "Arnaque", outcome: "added" },
      { line: 3, word: "Épée noire", outcome: "added" },
      { line: 4, word: "arnaque", outcome: "duplicate", firstLine: 1 },
      { line: 5, word: "Escroc", outcome: "added" },
      { line: 6, word: "EPEE NOIRE", outcome: "duplicate", firstLine: 3 },
    ]);
    expect(await words()).toEqual(["Arnaque", "Épée noire", "Escroc"]);
    const [stored] = await w.db.select().from(blacklistWords).where(eq(blacklistWords.word, "Épée noire"));
    expect(stored.normalized).toBe("epee noire");
  });

  it("re-importing skips what the list already has and adds only the new words (CSV with header)", async () => {
    const { body } = await upload(listId, "mots.csv", 'mot-clé;note\n"ARNAQUE";x\n"Vol, recel";y\n');
    expect(body.data).toMatchObject({ imported: true, header: true, counts: { added: 1, existing: 1, duplicate: 0 } });
    expect(body.data.lines).toEqual([
      { line: 2, word: "ARNAQUE", outcome: "existing" },
      { line: 3, word: "Vol, recel", outcome: "added" },
    ]);
    expect(await words()).toEqual(["Arnaque", "Épée noire", "Escroc", "Vol, recel"]);
  });

  it("imports nothing when one line is refused, and lists every refused line with its reason", async () => {
    const before = await words();
    const auditsBefore = await w.db.select({ n: count() }).from(auditLog);
    const file = `nouveau\n${"x".repeat(101)}\nautre\ncontrôle\u0007\n`;
    const { status, body } = await upload(listId, "mots.txt", file);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ imported: false, counts: { added: 0, refused: 2 } });
    expect(body.data.lines.map((l: { line: number; reason: string }) => [l.line, l.reason])).toEqual([
      [2, "tooLong"],
      [4, "controlChar"],
    ]);
    expect(await words()).toEqual(before);
    expect(await w.db.select({ n: count() }).from(auditLog)).toEqual(auditsBefore);
  });

  it("refuses unreadable files with a clear error and changes nothing", async () => {
    const before = await words();
    expect(await upload(listId, "mots.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]))).toMatchObject({
      status: 400,
      body: { ok: false, error: "blacklists.errors.file.notUtf8" },
    });
    expect(await upload(listId, "mots.xlsx", "x")).toMatchObject({
      status: 400,
      body: { error: "blacklists.errors.file.unsupportedType" },
    });
    expect(await upload(listId, "vide.txt", "\r\n\r\n")).toMatchObject({ status: 400, body: { error: "blacklists.errors.file.noWords" } });
    expect(await upload(999_999, "mots.txt", "x")).toMatchObject({ status: 400, body: { error: "adminCommon.errors.notFound" } });
    expect(await upload(listId, "mots.txt", "x", { origin: "https://evil.example", host: "localhost" })).toMatchObject({ status: 403 });
    expect(await words()).toEqual(before);
  });

  it("searches words ignoring case and accents, one page at a time", async () => {
    const page = await listBlacklistWords(listId, listParamsSchema.parse({ q: "EPEE" }));
    expect(page.rows.map((r) => r.word)).toEqual(["Épée noire"]);
    expect(page.total).toBe(1);
    const all = await listBlacklistWords(listId, listParamsSchema.parse({}));
    expect(all.total).toBe(4);
  });

  it("adds and removes one word, refusing a word the list already has in another spelling", async () => {
    const added = await actions.addBlacklistWordAction({ blacklistId: listId, word: "  Fraude  " });
    expect(added).toMatchObject({ ok: true, data: { word: "Fraude" } });
    expect(await actions.addBlacklistWordAction({ blacklistId: listId, word: "FRAUDÉ" })).toMatchObject({
      ok: false,
      fieldErrors: { word: ["blacklists.errors.wordExists"] },
    });
    expect(await actions.addBlacklistWordAction({ blacklistId: listId, word: "y".repeat(101) })).toMatchObject({
      ok: false,
      fieldErrors: { word: ["blacklists.errors.wordTooLong"] },
    });
    expect(await words()).toContain("Fraude");
    const id = added.ok ? added.data.id : 0;
    expect((await actions.removeBlacklistWordAction({ blacklistId: listId, wordId: id })).ok).toBe(true);
    expect(await words()).not.toContain("Fraude");
    expect(await actions.removeBlacklistWordAction({ blacklistId: listId, wordId: id })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.notFound",
    });
  });

  it("keeps the name form's version when words change, and refuses a stale save", async () => {
    const [row] = await w.db.select().from(blacklists).where(eq(blacklists.id, listId));
    const version = row.updatedAt.toISOString();
    await actions.addBlacklistWordAction({ blacklistId: listId, word: "tromperie" });
    expect((await actions.updateBlacklistAction({ id: listId, name: "Insultes FR", databaseId, version })).ok).toBe(true);
    expect(await actions.updateBlacklistAction({ id: listId, name: "Autre", databaseId, version })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.stale",
    });
  });

  it("refuses every blacklist action to an agent calling it directly, and changes nothing", async () => {
    const before = await words();
    const [list] = await w.db.select().from(blacklists).where(eq(blacklists.id, listId));
    const [word] = await w.db.select().from(blacklistWords).where(eq(blacklistWords.blacklistId, listId)).limit(1);
    signInAs(w.state.agents[0]);
    const forbidden = { ok: false, error: "errors.forbidden" };
    expect(await actions.createBlacklistAction({ name: "Agent", databaseId })).toEqual(forbidden);
    expect(await actions.updateBlacklistAction({ id: listId, name: "Agent", databaseId })).toEqual(forbidden);
    expect(await actions.archiveBlacklistAction({ id: listId, archived: true })).toEqual(forbidden);
    expect(await actions.addBlacklistWordAction({ blacklistId: listId, word: "agent" })).toEqual(forbidden);
    expect(await actions.removeBlacklistWordAction({ blacklistId: listId, wordId: word.id })).toEqual(forbidden);
    expect(await upload(listId, "mots.txt", "agent\n")).toEqual({ status: 403, body: forbidden });
    signOut();
    expect(await upload(listId, "mots.txt", "anonyme\n")).toEqual({ status: 401, body: { ok: false, error: "errors.unauthenticated" } });
    expect(await w.db.select().from(blacklists).where(eq(blacklists.name, "Agent"))).toHaveLength(0);
    expect(await w.db.select().from(blacklists).where(eq(blacklists.id, listId))).toEqual([list]);
    expect(await words()).toEqual(before);
  });

  it("refuses to archive a blacklist a campaign uses, naming the campaign, and archives it once free", async () => {
    await w.db.insert(campaignBlacklists).values({ campaignId: w.state.campaignId, blacklistId: listId });
    expect(await actions.archiveBlacklistAction({ id: listId, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Campagne « Démo Twitter »" },
    });
    // The names come in the language of the admin who tried.
    await w.db.update(users).set({ locale: "en" }).where(eq(users.id, w.state.adminId));
    expect(await actions.archiveBlacklistAction({ id: listId, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Campaign “Démo Twitter”" },
    });
    await w.db.update(users).set({ locale: "fr" }).where(eq(users.id, w.state.adminId));
    await w.db.delete(campaignBlacklists).where(eq(campaignBlacklists.blacklistId, listId));
    expect((await actions.archiveBlacklistAction({ id: listId, archived: true })).ok).toBe(true);
    const [archived] = await w.db.select().from(blacklists).where(eq(blacklists.id, listId));
    expect(archived.archivedAt).not.toBeNull();
    expect((await actions.archiveBlacklistAction({ id: listId, archived: false })).ok).toBe(true);
  });
});
