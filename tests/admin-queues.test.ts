import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, campaigns, queues } from "@/db/schema";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createQueueAction, updateQueueAction, archiveQueueAction } = await import("@/app/(admin)/admin/queues/actions");

describe("queues administration", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("creates a queue with its code in capitals and records who did it", async () => {
    const result = await createQueueAction({ code: "vip-fr", description: "Clients VIP" });
    expect(result.ok).toBe(true);
    const [row] = await w.db.select().from(queues).where(eq(queues.code, "VIP-FR"));
    expect(row.description).toBe("Clients VIP");
    const [audit] = await w.db.select().from(auditLog).where(eq(auditLog.objectId, row.id));
    expect(audit).toMatchObject({ action: "create", objectType: "queue", userLogin: "admin", objectLabel: "VIP-FR" });
  });

  it("refuses a duplicate code with a field error, also when two admins save at once", async () => {
    expect(await createQueueAction({ code: "VIP-FR" })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["adminCommon.errors.duplicate"] },
    });
    const both = await Promise.all([createQueueAction({ code: "RACE" }), createQueueAction({ code: "race" })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "adminCommon.errors.duplicate" });
  });

  it("rejects a malformed code without touching the database", async () => {
    const before = await w.db.select().from(queues);
    expect(await createQueueAction({ code: "bad code!" })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["queues.errors.codeFormat"] },
    });
    expect(await w.db.select().from(queues)).toHaveLength(before.length);
  });

  it("refuses a save based on a stale copy", async () => {
    const [row] = await w.db.select().from(queues).where(eq(queues.code, "VIP-FR"));
    const version = row.updatedAt.toISOString();
    expect((await updateQueueAction({ id: row.id, code: "VIP-FR", description: "first", version })).ok).toBe(true);
    expect(await updateQueueAction({ id: row.id, code: "VIP-FR", description: "second", version })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.stale",
    });
  });

  it("refuses to archive a queue used by a campaign, naming the campaign, and archives a free one", async () => {
    const [used] = await w.db.select({ id: campaigns.queueId }).from(campaigns);
    const refused = await archiveQueueAction({ id: used.id!, archived: true });
    expect(refused).toEqual({ ok: false, error: "adminCommon.errors.inUse", params: { users: "Démo Twitter" } });
    const [free] = await w.db.select().from(queues).where(eq(queues.code, "VIP-FR"));
    expect((await archiveQueueAction({ id: free.id, archived: true })).ok).toBe(true);
    const [archived] = await w.db.select().from(queues).where(eq(queues.id, free.id));
    expect(archived.archivedAt).not.toBeNull();
  });

  it("refuses every queue action to an agent calling it directly", async () => {
    signInAs(w.state.agents[0]);
    expect(await createQueueAction({ code: "AGENT" })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await w.db.select().from(queues).where(eq(queues.code, "AGENT"))).toHaveLength(0);
  });
});
