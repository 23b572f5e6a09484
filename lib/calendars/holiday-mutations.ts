import { and, asc, eq, inArray, lt, notExists, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { holidayGroups, holidays, holidaySounds } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { holidayGroupUsers } from "./queries";
import type { holidayGroupSchema, holidayGroupUpdateSchema } from "./holiday.schema";
import { soundMimeTypes } from "./holiday.schema";
import { audioMimeType, cleanFileName, detectAudioFormat } from "./sound";

type GroupValues = z.output<typeof holidayGroupSchema>;

const holidayColumns = {
  label: holidays.label,
  date: holidays.date,
  recurring: holidays.recurring,
  part: holidays.part,
  soundId: holidays.soundId,
};

/** Every sound a holiday points at must exist (ids come from the browser). */
async function refuseUnknownSounds(tx: Tx, list: GroupValues["holidays"]) {
  const ids = [...new Set(list.map((h) => h.soundId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  const found = new Set(
    (await tx.select({ id: holidaySounds.id }).from(holidaySounds).where(inArray(holidaySounds.id, ids))).map((r) => r.id),
  );
  const fieldErrors: Record<string, string[]> = {};
  list.forEach((h, i) => {
    if (h.soundId !== null && !found.has(h.soundId)) fieldErrors[`holidays.${i}.soundId`] = ["schedules.errors.soundUnknown"];
  });
  if (Object.keys(fieldErrors).length > 0) throw new ActionError("schedules.errors.soundUnknown", fieldErrors);
}

async function insertHolidays(tx: Tx, groupId: number, list: GroupValues["holidays"]) {
  if (list.length === 0) return [];
  return tx
    .insert(holidays)
    .values(list.map((h, position) => ({ ...h, groupId, position })))
    .returning(holidayColumns);
}

/** Deletes the given sounds that no holiday plays any more. */
async function dropUnusedSounds(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  await tx.delete(holidaySounds).where(
    and(
      inArray(holidaySounds.id, ids),
      notExists(
        tx
          .select({ one: sql`1` })
          .from(holidays)
          .where(eq(holidays.soundId, holidaySounds.id)),
      ),
    ),
  );
}

export async function createHolidayGroup(actor: AuditActor, input: GroupValues) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      await refuseUnknownSounds(tx, input.holidays);
      const [group] = await tx.insert(holidayGroups).values({ name: input.name }).returning();
      const list = await insertHolidays(tx, group.id, input.holidays);
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "holiday_group",
        objectId: group.id,
        label: group.name,
        after: { ...group, holidays: list },
      });
      return group;
    }),
  );
}

/** Saves the group and its whole list of holidays as the form shows it. */
export async function updateHolidayGroup(actor: AuditActor, input: z.output<typeof holidayGroupUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const before = await lockForUpdate(tx, holidayGroups, input.id, input.version);
      await refuseUnknownSounds(tx, input.holidays);
      const previous = await tx
        .select(holidayColumns)
        .from(holidays)
        .where(eq(holidays.groupId, input.id))
        .orderBy(asc(holidays.position), asc(holidays.id));
      const after = await updateRow(tx, holidayGroups, input.id, { name: input.name });
      await tx.delete(holidays).where(eq(holidays.groupId, input.id));
      const list = await insertHolidays(tx, input.id, input.holidays);
      await dropUnusedSounds(
        tx,
        previous.map((h) => h.soundId).filter((id): id is number => id !== null),
      );
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "holiday_group",
        objectId: after.id,
        label: after.name,
        before: { ...before, holidays: previous },
        after: { ...after, holidays: list },
      });
      return after;
    }),
  );
}

export async function setHolidayGroupArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, holidayGroups, id, archived, { objectType: "holiday_group", label: (g) => g.name, usedBy: holidayGroupUsers });
}

// An uploaded sound no holiday was saved with (form abandoned) is dropped after this delay.
const PENDING_SOUND_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Stores a sound message whose declared type and size the upload schema accepted, after checking
 * that its bytes really are that format. Returns what the form shows; the holiday links to it
 * when the group is saved.
 */
export async function storeHolidaySound(actor: AuditActor, file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = detectAudioFormat(bytes);
  if (!format || format !== soundMimeTypes[file.type]) {
    throw new ActionError("schedules.errors.soundContent", { file: ["schedules.errors.soundContent"] });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.delete(holidaySounds).where(
      and(
        lt(holidaySounds.createdAt, new Date(Date.now() - PENDING_SOUND_TTL_MS)),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(holidays)
            .where(eq(holidays.soundId, holidaySounds.id)),
        ),
      ),
    );
    const [row] = await tx
      .insert(holidaySounds)
      .values({ fileName: cleanFileName(file.name), mimeType: audioMimeType[format], size: bytes.byteLength, data: Buffer.from(bytes) })
      .returning({ id: holidaySounds.id, fileName: holidaySounds.fileName, mimeType: holidaySounds.mimeType, size: holidaySounds.size });
    await recordAudit(tx, actor, { action: "create", objectType: "holiday_sound", objectId: row.id, label: row.fileName, after: row });
    return row;
  });
}
