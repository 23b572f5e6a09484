import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, qualificationGroups } from "@/db/schema";
import { ensureDefaultDatabase } from "@/lib/databases/mutations";
import { getDefaults } from "@/lib/campaigns/defaults";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveDefaultsAction } = await import("@/app/(admin)/admin/defaults/actions");

const none = { databaseId: null, qualificationGroupId: null, scheduleId: null, holidayGroupId: null };

describe("default parameters", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("saves the choices, audited, and refuses a stale form", async () => {
    const databaseId = await ensureDefaultDatabase();
    const [group] = await w.db.select().from(qualificationGroups);
    const first = await saveDefaultsAction({ databaseId, qualificationGroupId: group.id, scheduleId: "", holidayGroupId: "" });
    expect(first.ok).toBe(true);
    expect(await getDefaults()).toMatchObject({ databaseId, qualificationGroupId: group.id, scheduleId: null, holidayGroupId: null });
    expect(await w.db.select().from(auditLog).where(eq(auditLog.objectType, "defaults"))).toHaveLength(1);

    const version = first.ok ? first.data.version : undefined;
    expect((await saveDefaultsAction({ databaseId, qualificationGroupId: null, scheduleId: null, holidayGroupId: null, version })).ok).toBe(
      true,
    );
    expect(
      await saveDefaultsAction({ databaseId, qualificationGroupId: group.id, scheduleId: null, holidayGroupId: null, version }),
    ).toMatchObject({ ok: false, error: "adminCommon.errors.stale" });
  });

  it("refuses an archived or unknown object", async () => {
    const [group] = await w.db.select().from(qualificationGroups);
    await w.db.update(qualificationGroups).set({ archivedAt: new Date() }).where(eq(qualificationGroups.id, group.id));
    expect(await saveDefaultsAction({ ...none, qualificationGroupId: group.id })).toMatchObject({
      ok: false,
      fieldErrors: { qualificationGroupId: ["defaults.errors.unavailable"] },
    });
    expect(await saveDefaultsAction({ ...none, scheduleId: 424242 })).toMatchObject({
      ok: false,
      fieldErrors: { scheduleId: ["defaults.errors.unavailable"] },
    });
    await w.db.update(qualificationGroups).set({ archivedAt: null }).where(eq(qualificationGroups.id, group.id));
  });

  it("refuses an agent", async () => {
    signInAs(w.state.agents[0]);
    expect(await saveDefaultsAction(none)).toEqual({ ok: false, error: "errors.forbidden" });
  });
});
