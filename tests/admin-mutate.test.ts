import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, queues } from "@/db/schema";
import { lockForUpdate, setArchived, updateWithLock } from "@/lib/admin/mutate";
import { setupTestDatabase } from "./db";

// The lock / stale-copy / archive helpers the admin mutations share, on a real database.
describe("admin mutation helpers", () => {
  const t = setupTestDatabase();
  const actor = { id: 0, login: "test" };
  let id = 0;
  const audits = () =>
    t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "queue"), eq(auditLog.objectId, id)));

  beforeAll(async () => {
    [{ id }] = await t.handle.db.insert(queues).values({ code: "LOCKED", description: "v1" }).returning({ id: queues.id });
  });

  it("writes with a new version when the copy is current, and refuses the copy that version replaced", async () => {
    const db = t.handle.db;
    const [loaded] = await db.select().from(queues).where(eq(queues.id, id));
    const version = loaded.updatedAt.toISOString();
    const { before, after } = await db.transaction((tx) => updateWithLock(tx, queues, id, version, { description: "v2" }));
    expect(before.description).toBe("v1");
    expect(after.description).toBe("v2");
    expect(after.updatedAt.getTime()).toBeGreaterThan(loaded.updatedAt.getTime());
    await expect(db.transaction((tx) => updateWithLock(tx, queues, id, version, { description: "lost update" }))).rejects.toMatchObject({
      message: "adminCommon.errors.stale",
    });
    const [stored] = await db.select().from(queues).where(eq(queues.id, id));
    expect(stored.description).toBe("v2");
  });

  it("refuses a row that does not exist or does not meet the extra condition", async () => {
    const db = t.handle.db;
    await expect(db.transaction((tx) => lockForUpdate(tx, queues, 999_999))).rejects.toMatchObject({
      message: "adminCommon.errors.notFound",
    });
    await expect(db.transaction((tx) => lockForUpdate(tx, queues, id, undefined, eq(queues.code, "OTHER")))).rejects.toMatchObject({
      message: "adminCommon.errors.notFound",
    });
  });

  it("refuses to archive a row still used, naming its users, and archives it once unused", async () => {
    const used = { objectType: "queue", label: (q: { code: string }) => q.code, usedBy: async () => ["Campagne A", "Campagne B"] };
    await expect(setArchived(actor, queues, id, true, used)).rejects.toMatchObject({
      message: "adminCommon.errors.inUse",
      params: { users: "Campagne A, Campagne B" },
    });
    expect(await audits()).toHaveLength(0);
    const archived = await setArchived(actor, queues, id, true, { ...used, usedBy: async () => [] });
    expect(archived.archivedAt).not.toBeNull();
    // Restoring does not ask who uses it.
    const restored = await setArchived(actor, queues, id, false, used);
    expect(restored.archivedAt).toBeNull();
    expect(
      (await audits()).map((a) => [a.action, a.objectLabel, (a.before as { archivedAt: unknown } | null)?.archivedAt === null]),
    ).toEqual([
      ["archive", "LOCKED", true],
      ["restore", "LOCKED", false],
    ]);
  });

  it("keeps only the label in the audit when asked, and undoes everything when the in-transaction step fails", async () => {
    const before = (await audits()).length;
    await setArchived(actor, queues, id, true, { objectType: "queue", label: (q) => q.code, auditRows: false });
    const last = (await audits()).at(-1)!;
    expect(last).toMatchObject({ action: "archive", objectLabel: "LOCKED", before: null, after: null });
    const failing = setArchived(actor, queues, id, false, {
      objectType: "queue",
      label: (q) => q.code,
      inTransaction: async () => {
        throw new Error("listener failed");
      },
    });
    await expect(failing).rejects.toThrow("listener failed");
    const [stored] = await t.handle.db.select().from(queues).where(eq(queues.id, id));
    expect(stored.archivedAt).not.toBeNull();
    expect(await audits()).toHaveLength(before + 1);
  });
});
