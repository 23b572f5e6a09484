import { addDays, dayCount, dayIn, type ReportRange } from "./range";

const hourLabel = (instant: Date, timeZone: string) => {
  const hour = new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(instant);
  return `${dayIn(instant, timeZone)}T${hour.padStart(2, "0")}:00`;
};

/**
 * Every chart bucket of a range, empty ones included, labelled as the SQL labels them
 * ("2026-12-01" or "2026-12-01T14:00", wall-clock time in the range's zone). The repeated hour of
 * a DST change back is one bucket, as date_trunc on the local time makes it.
 */
export function bucketsOf(range: ReportRange): string[] {
  if (range.bucket === "day") return Array.from({ length: dayCount(range.firstDay, range.lastDay) }, (_, i) => addDays(range.firstDay, i));
  const labels = new Set<string>();
  for (let t = range.from.getTime(); t < range.to.getTime(); t += 3_600_000) labels.add(hourLabel(new Date(t), range.timeZone));
  return [...labels];
}
