import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { appointmentLocations, appointments, appointmentTypes, holidayGroups, salesRepSchedules } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { lockForUpdate, setArchived, updateRow } from "@/lib/admin/mutate";
import { campaignsUsing, defaultsUsing } from "@/lib/admin/usage";
import type { scheduleSchema, scheduleUpdateSchema } from "./agenda.schema";
import { scheduleUsers } from "./queries";

type Input = z.output<typeof scheduleSchema>;

async function checkHolidayGroup(tx: Tx, id: number | null) {
  if (!id) return;
  const [g] = await tx
    .select({ id: holidayGroups.id })
    .from(holidayGroups)
    .where(and(eq(holidayGroups.id, id), isNull(holidayGroups.archivedAt)));
  if (!g) throw new ActionError("adminCommon.errors.notFound", { holidayGroupId: ["adminCommon.errors.notFound"] });
}

const columns = (input: Input) => ({
  name: input.name,
  timeZone: input.timeZone,
  holidayGroupId: input.holidayGroupId,
  greyed: [...new Set(input.greyed)].sort((a, b) => a - b),
  agentsMayBook: input.agentsMayBook,
  agentsMayMove: input.agentsMayMove,
  agentsMayCancel: input.agentsMayCancel,
  maxDaysAhead: input.maxDaysAhead,
  minNoticeMinutes: input.minNoticeMinutes,
});

/**
 * The schedule's types and locations as the form lists them: rows with an id are updated, rows
 * without are added, rows missing are removed — refused, naming it, for one that has appointments.
 */
async function replaceChildren(tx: Tx, scheduleId: number, input: Input) {
  const keepTypes = input.types.flatMap((t) => (t.id ? [t.id] : []));
  const goneTypes = await tx
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.scheduleId, scheduleId), keepTypes.length ? notInArray(appointmentTypes.id, keepTypes) : undefined));
  if (goneTypes.length) {
    const used = await tx
      .selectDistinct({ typeId: appointments.typeId })
      .from(appointments)
      .where(
        inArray(
          appointments.typeId,
          goneTypes.map((t) => t.id),
        ),
      );
    if (used.length)
      throw new ActionError("agenda.errors.typeInUse", undefined, { name: goneTypes.find((t) => t.id === used[0].typeId)!.name });
    await tx.delete(appointmentTypes).where(
      inArray(
        appointmentTypes.id,
        goneTypes.map((t) => t.id),
      ),
    );
  }
  for (const [position, t] of input.types.entries()) {
    const values = { name: t.name, durationMinutes: t.durationMinutes, spanStart: t.spanStart, spanEnd: t.spanEnd, position };
    if (t.id)
      await tx
        .update(appointmentTypes)
        .set(values)
        .where(and(eq(appointmentTypes.id, t.id), eq(appointmentTypes.scheduleId, scheduleId)));
    else await tx.insert(appointmentTypes).values({ scheduleId, ...values });
  }
  const keepLocations = input.locations.flatMap((l) => (l.id ? [l.id] : []));
  const goneLocations = await tx
    .select()
    .from(appointmentLocations)
    .where(
      and(
        eq(appointmentLocations.scheduleId, scheduleId),
        keepLocations.length ? notInArray(appointmentLocations.id, keepLocations) : undefined,
      ),
    );
  if (goneLocations.length) {
    const used = await tx
      .selectDistinct({ locationId: appointments.locationId })
      .from(appointments)
      .where(
        inArray(
          appointments.locationId,
          goneLocations.map((l) => l.id),
        ),
      );
    if (used.length)
      throw new ActionError("agenda.errors.locationInUse", undefined, {
        name: goneLocations.find((l) => l.id === used[0].locationId)!.name,
      });
    await tx.delete(appointmentLocations).where(
      inArray(
        appointmentLocations.id,
        goneLocations.map((l) => l.id),
      ),
    );
  }
  for (const [position, l] of input.locations.entries()) {
    if (l.id)
      await tx
        .update(appointmentLocations)
        .set({ name: l.name, position })
        .where(and(eq(appointmentLocations.id, l.id), eq(appointmentLocations.scheduleId, scheduleId)));
    else await tx.insert(appointmentLocations).values({ scheduleId, name: l.name, position });
  }
}

export async function createSalesRepSchedule(actor: AuditActor, input: Input) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      await checkHolidayGroup(tx, input.holidayGroupId);
      const [row] = await tx.insert(salesRepSchedules).values(columns(input)).returning();
      await replaceChildren(tx, row.id, input);
      await recordAudit(tx, actor, {
        action: "create",
        objectType: "sales_rep_schedule",
        objectId: row.id,
        label: row.name,
        after: { ...row, types: input.types, locations: input.locations },
      });
      return row;
    }),
  );
}

export async function updateSalesRepSchedule(actor: AuditActor, input: z.output<typeof scheduleUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const before = await lockForUpdate(tx, salesRepSchedules, input.id, input.version);
      if (input.holidayGroupId !== before.holidayGroupId) await checkHolidayGroup(tx, input.holidayGroupId);
      const after = await updateRow(tx, salesRepSchedules, input.id, columns(input));
      await replaceChildren(tx, input.id, input);
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "sales_rep_schedule",
        objectId: after.id,
        label: after.name,
        before,
        after: { ...after, types: input.types, locations: input.locations },
      });
      return after;
    }),
  );
}

export async function setSalesRepScheduleArchived(actor: AuditActor, id: number, archived: boolean) {
  return setArchived(actor, salesRepSchedules, id, archived, {
    objectType: "sales_rep_schedule",
    label: (s) => s.name,
    usedBy: async (sid) => [
      ...(await campaignsUsing("salesRepScheduleId", sid)),
      ...(await defaultsUsing("salesRepScheduleId", sid)),
      ...(await scheduleUsers(sid)),
    ],
  });
}
