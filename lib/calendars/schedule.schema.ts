import { z } from "zod";
import type { ScheduleDay } from "@/db/schema/calendars";
import { versionField } from "@/lib/admin/common.schema";
import { DEFAULT_TIME_ZONE } from "./hours";

// Shared by the schedule form and its actions. Messages are i18n keys.

export const weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/**
 * A typed time to minutes: "" → null (empty), "9", "9h", "9:30", "09h30", "09:30" → minutes,
 * up to 24:00; anything else → undefined (unreadable).
 */
export function parseTime(raw: string): number | null | undefined {
  const s = raw.trim();
  if (s === "") return null;
  const m = /^(\d{1,2})(?:[:hH](\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}

export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

let zones: Set<string> | undefined;

/** IANA zones this engine knows (`Intl.supportedValuesOf` omits "UTC", which is valid too). */
export function supportedTimeZones(): string[] {
  return [...Intl.supportedValuesOf("timeZone"), "UTC"].sort();
}

export function isSupportedTimeZone(tz: string): boolean {
  zones ??= new Set(supportedTimeZones());
  if (zones.has(tz)) return true;
  // Engines differ on which alias is canonical (Europe/Kiev vs Europe/Kyiv): accept both.
  try {
    return zones.has(new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

const slotKeys = [
  ["open1", "close1"],
  ["open2", "close2"],
] as const;

/**
 * One weekday. A slot whose two times are empty or zero is unused (the manual's "0 in the other
 * slots" for a continuous day); a day without a used slot is closed.
 */
export const scheduleDaySchema = z
  .object({ open1: z.string().max(10), close1: z.string().max(10), open2: z.string().max(10), close2: z.string().max(10) })
  .transform((day, ctx): ScheduleDay => {
    // Per slot: "unused", "invalid" (an issue was added) or the minutes it spans.
    const slots: ("unused" | "invalid" | { from: number; to: number })[] = [];
    for (const [openKey, closeKey] of slotKeys) {
      const from = parseTime(day[openKey]);
      const to = parseTime(day[closeKey]);
      if (from === undefined) ctx.addIssue({ code: "custom", path: [openKey], message: "schedules.errors.timeFormat" });
      if (to === undefined) ctx.addIssue({ code: "custom", path: [closeKey], message: "schedules.errors.timeFormat" });
      if (from === undefined || to === undefined) slots.push("invalid");
      else if (!from && !to) slots.push("unused");
      else if (from === null) {
        ctx.addIssue({ code: "custom", path: [openKey], message: "schedules.errors.openMissing" });
        slots.push("invalid");
      } else if (to === null) {
        ctx.addIssue({ code: "custom", path: [closeKey], message: "schedules.errors.closeMissing" });
        slots.push("invalid");
      } else if (to <= from) {
        ctx.addIssue({ code: "custom", path: [closeKey], message: "schedules.errors.closeAfterOpen" });
        slots.push("invalid");
      } else slots.push({ from, to });
    }
    const [first, second] = slots;
    if (first === "unused" && second !== "unused") {
      ctx.addIssue({ code: "custom", path: ["open2"], message: "schedules.errors.slot1First" });
    } else if (typeof first === "object" && typeof second === "object" && second.from < first.to) {
      ctx.addIssue({ code: "custom", path: ["open2"], message: "schedules.errors.slot2AfterSlot1" });
    }
    const fmt = (s: (typeof slots)[number]) => (typeof s === "object" ? [formatTime(s.from), formatTime(s.to)] : ["", ""]);
    const [open1, close1] = fmt(first);
    const [open2, close2] = fmt(second);
    return { open1, close1, open2, close2 };
  });

export const scheduleSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(100, "schedules.errors.nameTooLong"),
  timeZone: z
    .string()
    .trim()
    .min(1, "common.requiredField")
    .refine(isSupportedTimeZone, "schedules.errors.timeZone")
    .default(DEFAULT_TIME_ZONE),
  days: z.array(scheduleDaySchema).length(7, "errors.invalidInput"),
});
export type ScheduleInput = z.input<typeof scheduleSchema>;
export type ScheduleValues = z.output<typeof scheduleSchema>;

export const scheduleUpdateSchema = scheduleSchema.extend({ id: z.number().int().positive(), version: versionField });

export const emptyDay = (): ScheduleDay => ({ open1: "", close1: "", open2: "", close2: "" });
