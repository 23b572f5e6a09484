import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";
import { isSupportedTimeZone } from "@/lib/calendars/schedule.schema";
import { QUARTERS_PER_WEEK } from "./slots";

// Shared by the agenda's forms and their actions. Messages are i18n keys.

const name = z.string().trim().min(1, "agenda.errors.nameRequired").max(100, "agenda.errors.nameTooLong");
const id = z.number().int().positive();
const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "agenda.errors.span");
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export const appointmentTypeSchema = z
  .object({
    id: id.optional(),
    name,
    durationMinutes: z
      .number({ error: "agenda.errors.duration" })
      .int()
      .min(15, "agenda.errors.duration")
      .max(480, "agenda.errors.duration")
      .multipleOf(15, "agenda.errors.duration"),
    spanStart: hhmm,
    spanEnd: hhmm,
  })
  .superRefine((t, ctx) => {
    const from = minutesOf(t.spanStart);
    const to = minutesOf(t.spanEnd);
    if (to <= from) ctx.addIssue({ code: "custom", path: ["spanEnd"], message: "agenda.errors.span" });
    else if (to - from < t.durationMinutes) ctx.addIssue({ code: "custom", path: ["spanEnd"], message: "agenda.errors.spanTooShort" });
  });

export const locationSchema = z.object({ id: id.optional(), name });

export const scheduleSchema = z.object({
  name,
  timeZone: z.string().refine(isSupportedTimeZone, "agenda.errors.timeZone"),
  holidayGroupId: id.nullable(),
  greyed: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(QUARTERS_PER_WEEK - 1),
    )
    .max(QUARTERS_PER_WEEK),
  types: z.array(appointmentTypeSchema).max(50),
  locations: z.array(locationSchema).max(100),
  agentsMayBook: z.boolean(),
  agentsMayMove: z.boolean(),
  agentsMayCancel: z.boolean(),
  maxDaysAhead: z.number({ error: "agenda.errors.days" }).int().min(1, "agenda.errors.days").max(3650, "agenda.errors.days"),
  minNoticeMinutes: z.number({ error: "agenda.errors.minutes" }).int().min(0, "agenda.errors.minutes").max(43200, "agenda.errors.minutes"),
});
export type ScheduleInput = z.input<typeof scheduleSchema>;
export const scheduleUpdateSchema = scheduleSchema.extend({ id, version: versionField });

const quota = z.number({ error: "agenda.errors.quota" }).int().min(1, "agenda.errors.quota").max(1000, "agenda.errors.quota").nullable();

export const repSchema = z.object({
  civility: z.string().trim().max(20),
  lastName: name,
  firstName: z.string().trim().max(100, "agenda.errors.nameTooLong"),
  email: z.union([z.literal(""), z.string().trim().email("agenda.errors.email")]),
  phone: z.string().trim().max(40),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "agenda.errors.colour"),
  active: z.boolean(),
  login: z.union([
    z.literal(""),
    z
      .string()
      .trim()
      .min(3, "agenda.errors.nameRequired")
      .max(60, "agenda.errors.nameTooLong")
      .regex(/^[\w.@-]+$/, "agenda.errors.nameRequired"),
  ]),
  password: z.union([z.literal(""), z.string().min(12, "agenda.errors.passwordTooShort").max(200)]),
  scheduleId: id.nullable(),
  zones: z.array(z.string().trim().min(1).max(60)).max(200),
  quotaPerDay: quota,
  quotaPerWeek: quota,
});
export type RepInput = z.input<typeof repSchema>;
export const repUpdateSchema = repSchema.extend({ id, version: versionField });

/** "75, 92 ;Île-de-France" → ["75", "92", "Île-de-France"]. */
export const splitZones = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((z) => z.trim())
    .filter(Boolean);

export const addressBookSchema = z.object({
  name,
  databaseId: z.number({ error: "agenda.errors.databaseUnavailable" }).int().positive("agenda.errors.databaseUnavailable"),
});
export type AddressBookInput = z.input<typeof addressBookSchema>;
export const addressBookUpdateSchema = addressBookSchema.extend({ id, version: versionField });

export const bookSchema = z.object({
  campaignId: id,
  conversationId: id.nullable().optional(),
  repId: id,
  typeId: id,
  locationId: id.nullable().optional(),
  startsAt: z.string().datetime({ offset: true }),
  customerName: z.string().trim().max(200).default(""),
  notes: z.string().trim().max(2000).default(""),
  contactId: z.number().int().positive().nullable().optional(),
  customerGuid: z.string().max(64).nullable().optional(),
});
export type BookActionInput = z.input<typeof bookSchema>;

export const slotQuerySchema = z.object({
  campaignId: id,
  repId: id,
  typeId: id,
  /** YYYY-MM-DD: the Monday (or any day) of the week shown. */
  weekOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
