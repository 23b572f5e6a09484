import { asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { campaignDefaults, customerDatabases, holidayGroups, qualificationGroups, workSchedules } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { refuseIfStale } from "@/lib/admin/errors";
import { getTranslator } from "@/lib/i18n/server";
import type { defaultsSchema } from "./defaults.schema";
import { addressBookOptions, salesRepScheduleOptions } from "@/lib/agenda/queries";

export async function getDefaults() {
  const db = await getDb();
  const [row] = await db.select().from(campaignDefaults).where(eq(campaignDefaults.id, 1));
  return (
    row ?? {
      id: 1,
      databaseId: null,
      qualificationGroupId: null,
      scheduleId: null,
      holidayGroupId: null,
      addressBookId: null,
      salesRepScheduleId: null,
      updatedAt: null,
    }
  );
}

/** What the form offers: only objects that are not archived. */
export async function defaultsOptions() {
  const db = await getDb();
  const [databases, groups, schedules, holidays] = await Promise.all([
    db
      .select({ id: customerDatabases.id, name: customerDatabases.name })
      .from(customerDatabases)
      .where(isNull(customerDatabases.archivedAt))
      .orderBy(asc(customerDatabases.name)),
    db
      .select({ id: qualificationGroups.id, name: qualificationGroups.name })
      .from(qualificationGroups)
      .where(isNull(qualificationGroups.archivedAt))
      .orderBy(asc(qualificationGroups.name)),
    db
      .select({ id: workSchedules.id, name: workSchedules.name })
      .from(workSchedules)
      .where(isNull(workSchedules.archivedAt))
      .orderBy(asc(workSchedules.name)),
    db
      .select({ id: holidayGroups.id, name: holidayGroups.name })
      .from(holidayGroups)
      .where(isNull(holidayGroups.archivedAt))
      .orderBy(asc(holidayGroups.name)),
  ]);
  const [addressBooks, salesRepSchedules] = await Promise.all([addressBookOptions(), salesRepScheduleOptions()]);
  return { databases, groups, schedules, holidays, addressBooks, salesRepSchedules };
}

export async function saveDefaults(actor: AuditActor, input: z.output<typeof defaultsSchema>) {
  const db = await getDb();
  const options = await defaultsOptions();
  const check = (id: number | null, list: { id: number }[], field: string) => {
    if (id !== null && !list.some((o) => o.id === id))
      throw new ActionError("defaults.errors.unavailable", { [field]: ["defaults.errors.unavailable"] });
  };
  check(input.databaseId, options.databases, "databaseId");
  check(input.qualificationGroupId, options.groups, "qualificationGroupId");
  check(input.scheduleId, options.schedules, "scheduleId");
  check(input.holidayGroupId, options.holidays, "holidayGroupId");
  check(input.addressBookId, options.addressBooks, "addressBookId");
  check(input.salesRepScheduleId, options.salesRepSchedules, "salesRepScheduleId");
  // The audit trail names this one-row object as the admin who changed it reads it.
  const { t } = await getTranslator();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(campaignDefaults).where(eq(campaignDefaults.id, 1)).for("update");
    if (before) refuseIfStale(before.updatedAt, input.version);
    const values = {
      databaseId: input.databaseId,
      qualificationGroupId: input.qualificationGroupId,
      scheduleId: input.scheduleId,
      holidayGroupId: input.holidayGroupId,
      addressBookId: input.addressBookId,
      salesRepScheduleId: input.salesRepScheduleId,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .insert(campaignDefaults)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: campaignDefaults.id, set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      objectType: "defaults",
      objectId: 1,
      label: t("defaults.title"),
      before,
      after,
    });
    return after;
  });
}
