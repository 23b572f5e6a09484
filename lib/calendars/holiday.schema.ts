import { z } from "zod";
import type { HolidayPart } from "@/db/schema/calendars";
import { versionField } from "@/lib/admin/common.schema";

// Shared by the holiday group form, its actions and the sound upload route. Messages are i18n keys.

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const holidayPartValues = ["full", "morning", "afternoon"] as const satisfies readonly HolidayPart[];

export const holidaySchema = z.object({
  label: z.string().trim().min(1, "common.requiredField").max(100, "schedules.errors.labelTooLong"),
  date: z
    .string()
    .min(1, "common.requiredField")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "schedules.errors.date")
    .refine(isRealDate, "schedules.errors.date"),
  recurring: z.boolean().default(false),
  part: z.enum(holidayPartValues).default("full"),
  soundId: z.number().int().positive().nullable().default(null),
});
export type HolidayInput = z.input<typeof holidaySchema>;

export const holidayGroupSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(100, "schedules.errors.nameTooLong"),
  holidays: z.array(holidaySchema).max(400, "schedules.errors.tooManyHolidays").default([]),
});
export type HolidayGroupInput = z.input<typeof holidayGroupSchema>;
export type HolidayGroupValues = z.output<typeof holidayGroupSchema>;

export const holidayGroupUpdateSchema = holidayGroupSchema.extend({ id: z.number().int().positive(), version: versionField });

export const SOUND_MAX_BYTES = 2 * 1024 * 1024;

/** Declared types browsers send for the three accepted formats. */
export const soundMimeTypes: Record<string, "wav" | "mp3" | "ogg"> = {
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/vnd.wave": "wav",
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/ogg": "ogg",
  "application/ogg": "ogg",
};

/**
 * The file as declared (type and size). What it really contains is checked on the server from its
 * first bytes (lib/calendars/sound.ts): a declared type alone proves nothing.
 */
export const soundUploadSchema = z.object({
  file: z
    .instanceof(File, { message: "schedules.errors.soundMissing" })
    .refine((f) => f.size > 0, "schedules.errors.soundEmpty")
    .refine((f) => f.size <= SOUND_MAX_BYTES, "schedules.errors.soundTooLarge")
    .refine((f) => Object.hasOwn(soundMimeTypes, f.type), "schedules.errors.soundType"),
});
