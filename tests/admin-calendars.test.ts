import { describe, it, expect, vi, beforeEach } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, holidayGroups, holidays, holidaySounds, workSchedules } from "@/db/schema";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// Nothing references schedules or holiday groups yet (campaigns will): stand in for such a user.
const users = new Map<number, string[]>();
vi.mock("@/lib/calendars/queries", async (orig) => ({
  ...(await orig<typeof import("@/lib/calendars/queries")>()),
  scheduleUsers: async (id: number) => users.get(id) ?? [],
  holidayGroupUsers: async (id: number) => users.get(-id) ?? [],
}));

const { createScheduleAction, updateScheduleAction, archiveScheduleAction } = await import("@/app/(admin)/admin/schedules/actions");
const { createHolidayGroupAction, updateHolidayGroupAction, archiveHolidayGroupAction } =
  await import("@/app/(admin)/admin/holidays/actions");
const { POST: uploadSound } = await import("@/app/api/holidays/sound/route");
const { GET: playSound } = await import("@/app/api/holidays/sound/[id]/route");
const { isCampaignOpen } = await import("@/lib/calendars/open");

const day = (open1 = "", close1 = "", open2 = "", close2 = "") => ({ open1, close1, open2, close2 });
const office = () => [...Array.from({ length: 5 }, () => day("9", "12", "14", "18")), day("9", "18", "0", "0"), day()];

/** A real, playable WAV: 100 ms of silence, 8 kHz mono 8-bit. */
function wav(samples = 800): Uint8Array {
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + samples, 4);
  b.write("WAVEfmt ", 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write("data", 36);
  b.writeUInt32LE(samples, 40);
  return new Uint8Array(b);
}

function upload(content: Uint8Array | string, name: string, type: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([content as BlobPart], name, { type }));
  return uploadSound(
    new Request("http://localhost:3000/api/holidays/sound", {
      method: "POST",
      body: form,
      headers: { host: "localhost:3000", origin: "http://localhost:3000", ...headers },
    }),
  );
}
const play = (id: number) =>
  playSound(new Request(`http://localhost:3000/api/holidays/sound/${id}`), { params: Promise.resolve({ id: String(id) }) });

const w = setupDemoWorkspace();
beforeEach(() => {
  signInAs(w.state.adminId);
});

describe("work schedules administration", () => {
  it("creates a schedule with normalised slots and records who did it", async () => {
    const result = await createScheduleAction({ name: "Bureau Paris", timeZone: "Europe/Paris", days: office() });
    expect(result.ok).toBe(true);
    const [row] = await w.db.select().from(workSchedules).where(eq(workSchedules.name, "Bureau Paris"));
    expect(row.days[0]).toEqual(day("09:00", "12:00", "14:00", "18:00"));
    expect(row.days[5]).toEqual(day("09:00", "18:00"));
    expect(row.days[6]).toEqual(day());
    const [audit] = await w.db.select().from(auditLog).where(eq(auditLog.objectType, "work_schedule"));
    expect(audit).toMatchObject({ action: "create", objectId: row.id, userLogin: "admin", objectLabel: "Bureau Paris" });
  });

  it("refuses an invalid week with field errors and stores nothing", async () => {
    const days = office();
    days[1] = day("18:00", "09:00");
    const result = await createScheduleAction({ name: "Invalide", timeZone: "Nowhere/City", days });
    expect(result).toMatchObject({
      ok: false,
      error: "errors.invalidInput",
      fieldErrors: { "days.1.close1": ["schedules.errors.closeAfterOpen"], timeZone: ["schedules.errors.timeZone"] },
    });
    expect(await w.db.select().from(workSchedules).where(eq(workSchedules.name, "Invalide"))).toHaveLength(0);
  });

  it("refuses a duplicate name, also when two admins save at once", async () => {
    expect(await createScheduleAction({ name: "Bureau Paris", days: office() })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    const both = await Promise.all([
      createScheduleAction({ name: "Course", days: office() }),
      createScheduleAction({ name: "Course", days: office() }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "adminCommon.errors.duplicate" });
  });

  it("updates a schedule and refuses a save based on a stale copy", async () => {
    const [row] = await w.db.select().from(workSchedules).where(eq(workSchedules.name, "Bureau Paris"));
    const version = row.updatedAt.toISOString();
    expect(
      (await updateScheduleAction({ id: row.id, version, name: "Bureau Paris", timeZone: "America/New_York", days: office() })).ok,
    ).toBe(true);
    expect(await updateScheduleAction({ id: row.id, version, name: "Bureau Paris", days: office() })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.stale",
    });
    const [after] = await w.db.select().from(workSchedules).where(eq(workSchedules.id, row.id));
    expect(after.timeZone).toBe("America/New_York");
  });

  it("archives and restores a free schedule, refuses to archive one in use and names its users", async () => {
    const [row] = await w.db.select().from(workSchedules).where(eq(workSchedules.name, "Course"));
    users.set(row.id, ["Démo Twitter"]);
    expect(await archiveScheduleAction({ id: row.id, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Démo Twitter" },
    });
    users.delete(row.id);
    expect((await archiveScheduleAction({ id: row.id, archived: true })).ok).toBe(true);
    expect((await w.db.select().from(workSchedules).where(eq(workSchedules.id, row.id)))[0].archivedAt).not.toBeNull();
    expect((await archiveScheduleAction({ id: row.id, archived: false })).ok).toBe(true);
    expect((await w.db.select().from(workSchedules).where(eq(workSchedules.id, row.id)))[0].archivedAt).toBeNull();
  });
});

describe("holiday groups administration and sound messages", () => {
  const soundCount = async () => (await w.db.select({ n: count() }).from(holidaySounds))[0].n;

  it("stores an uploaded WAV in the database and plays it back byte for byte", async () => {
    const response = await upload(wav(), "noel.wav", "audio/wav");
    expect(response.status).toBe(201);
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, data: { fileName: "noel.wav", mimeType: "audio/wav", size: 844 } });
    const played = await play(result.data.id);
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/wav");
    expect(new Uint8Array(await played.arrayBuffer())).toEqual(wav());
  });

  it("refuses a wrong declared type, content that is not audio, and a file over 2 MB, storing none", async () => {
    const before = await soundCount();
    const typed = await upload("hello", "notes.txt", "text/plain");
    expect(typed.status).toBe(400);
    expect(await typed.json()).toMatchObject({ ok: false, fieldErrors: { file: ["schedules.errors.soundType"] } });
    const disguised = await upload("<html><script>alert(1)</script></html>", "fake.wav", "audio/wav");
    expect(await disguised.json()).toMatchObject({ ok: false, error: "schedules.errors.soundContent" });
    // A real MP3 header declared as WAV is refused too: type and content must agree.
    expect(await (await upload(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0]), "a.wav", "audio/wav")).json()).toMatchObject({
      error: "schedules.errors.soundContent",
    });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(wav(), 0);
    const tooBig = await upload(big, "long.wav", "audio/wav");
    expect(tooBig.status).toBe(400);
    expect(await tooBig.json()).toMatchObject({ ok: false, fieldErrors: { file: ["schedules.errors.soundTooLarge"] } });
    expect(await soundCount()).toBe(before);
  });

  it("refuses an upload posted from another site", async () => {
    const before = await soundCount();
    expect((await upload(wav(), "a.wav", "audio/wav", { origin: "https://evil.example" })).status).toBe(403);
    expect(await soundCount()).toBe(before);
  });

  it("creates a group with a recurring holiday carrying a sound, and a half day", async () => {
    const sound = (await (await upload(wav(), "fete.wav", "audio/x-wav")).json()).data;
    const result = await createHolidayGroupAction({
      name: "France",
      holidays: [
        { label: "Fête du travail", date: "2026-05-01", recurring: true, soundId: sound.id },
        { label: "Réveillon", date: "2026-12-24", part: "afternoon" },
      ],
    });
    expect(result.ok).toBe(true);
    const rows = await w.db.select().from(holidays).orderBy(holidays.position);
    expect(rows.map((h) => [h.label, h.date, h.recurring, h.part, h.soundId])).toEqual([
      ["Fête du travail", "2026-05-01", true, "full", sound.id],
      ["Réveillon", "2026-12-24", false, "afternoon", null],
    ]);
  });

  it("refuses a duplicate group name, also when two admins save at once", async () => {
    expect(await createHolidayGroupAction({ name: "France", holidays: [] })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    const both = await Promise.all([createHolidayGroupAction({ name: "Belgique" }), createHolidayGroupAction({ name: "Belgique" })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("refuses a sound that does not exist", async () => {
    const result = await createHolidayGroupAction({ name: "Fantôme", holidays: [{ label: "x", date: "2026-01-01", soundId: 999_999 }] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "holidays.0.soundId": ["schedules.errors.soundUnknown"] } });
    expect(await w.db.select().from(holidayGroups).where(eq(holidayGroups.name, "Fantôme"))).toHaveLength(0);
  });

  it("replaces the holiday list on save and deletes the sound no holiday plays any more", async () => {
    const [group] = await w.db.select().from(holidayGroups).where(eq(holidayGroups.name, "France"));
    const [old] = await w.db.select().from(holidays).where(eq(holidays.label, "Fête du travail"));
    const result = await updateHolidayGroupAction({
      id: group.id,
      version: group.updatedAt.toISOString(),
      name: "France",
      holidays: [{ label: "Noël", date: "2026-12-25", recurring: true }],
    });
    expect(result.ok).toBe(true);
    expect((await w.db.select().from(holidays).where(eq(holidays.groupId, group.id))).map((h) => h.label)).toEqual(["Noël"]);
    expect(await w.db.select({ id: holidaySounds.id }).from(holidaySounds).where(eq(holidaySounds.id, old.soundId!))).toHaveLength(0);
    expect((await play(old.soundId!)).status).toBe(404);
  });

  it("answers whether a campaign is open from the stored schedule and holidays", async () => {
    const [group] = await w.db.select().from(holidayGroups).where(eq(holidayGroups.name, "France"));
    await createScheduleAction({ name: "Semaine", days: office() });
    const [schedule] = await w.db.select().from(workSchedules).where(eq(workSchedules.name, "Semaine"));
    // Friday 25 December 2026, 10:00 in Paris: recurring Christmas.
    expect(await isCampaignOpen(schedule.id, group.id, new Date("2026-12-25T09:00:00Z"))).toEqual({
      open: false,
      reason: "holiday",
      holiday: "Noël",
    });
    expect(await isCampaignOpen(schedule.id, group.id, new Date("2026-12-28T09:00:00Z"))).toMatchObject({ open: true, reason: "open" });
    expect(await isCampaignOpen(schedule.id, null, new Date("2026-12-27T09:00:00Z"))).toEqual({ open: false, reason: "closed_day" });
    expect(await isCampaignOpen(null, null, new Date("2026-12-27T03:00:00Z"))).toEqual({ open: true, reason: "no_schedule" });
    expect(await isCampaignOpen(null, group.id, new Date("2027-12-25T03:00:00Z"))).toMatchObject({ open: false, reason: "holiday" });
  });

  it("archives a free group and refuses one in use", async () => {
    const [group] = await w.db.select().from(holidayGroups).where(eq(holidayGroups.name, "Belgique"));
    users.set(-group.id, ["Démo Twitter"]);
    expect(await archiveHolidayGroupAction({ id: group.id, archived: true })).toMatchObject({
      ok: false,
      error: "adminCommon.errors.inUse",
    });
    users.delete(-group.id);
    expect((await archiveHolidayGroupAction({ id: group.id, archived: true })).ok).toBe(true);
  });

  it("refuses every schedule, holiday and sound action to an agent calling it directly, and changes nothing", async () => {
    const [group] = await w.db.select().from(holidayGroups).where(eq(holidayGroups.name, "France"));
    const [schedule] = await w.db.select().from(workSchedules).where(eq(workSchedules.name, "Semaine"));
    const [sound] = await w.db.select({ id: holidaySounds.id }).from(holidaySounds).limit(1);
    const snapshot = async () => ({
      schedules: await w.db.select().from(workSchedules),
      groups: await w.db.select().from(holidayGroups),
      holidays: await w.db.select().from(holidays),
      sounds: await soundCount(),
    });
    const before = await snapshot();
    signInAs(w.state.agents[0]);
    const forbidden = { ok: false, error: "errors.forbidden" };
    expect(await createScheduleAction({ name: "Agent", days: office() })).toEqual(forbidden);
    expect(await updateScheduleAction({ id: schedule.id, name: "Agent", days: office() })).toEqual(forbidden);
    expect(await archiveScheduleAction({ id: schedule.id, archived: true })).toEqual(forbidden);
    expect(await createHolidayGroupAction({ name: "Agent" })).toEqual(forbidden);
    expect(await updateHolidayGroupAction({ id: group.id, name: "Agent", holidays: [] })).toEqual(forbidden);
    expect(await archiveHolidayGroupAction({ id: group.id, archived: true })).toEqual(forbidden);
    const refusedUpload = await upload(wav(), "agent.wav", "audio/wav");
    expect(refusedUpload.status).toBe(403);
    expect(await refusedUpload.json()).toEqual(forbidden);
    expect((await play(sound.id)).status).toBe(403);
    signOut();
    expect((await upload(wav(), "anon.wav", "audio/wav")).status).toBe(401);
    expect((await play(sound.id)).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});
