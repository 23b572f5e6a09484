import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";

const optionalId = z.preprocess(
  (v) => (v === "" || v === null || v === undefined || Number.isNaN(v) ? null : Number(v)),
  z.number().int().positive().nullable(),
);

// Default parameters form ↔ action. Every field is optional: an empty choice means "none".
export const defaultsSchema = z.object({
  databaseId: optionalId,
  qualificationGroupId: optionalId,
  scheduleId: optionalId,
  holidayGroupId: optionalId,
  addressBookId: optionalId.default(null),
  salesRepScheduleId: optionalId.default(null),
  version: versionField,
});
export type DefaultsInput = z.input<typeof defaultsSchema>;
