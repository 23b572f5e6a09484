import type { DurationString } from "./types";

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;

/** Milliseconds of an Inngest duration ("90s", "1h30m") or of a number of milliseconds. */
export function durationMs(duration: number | DurationString): number {
  if (typeof duration === "number") return duration;
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)([wdhms])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== duration) throw new Error(`Invalid duration "${duration}"`);
  return parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS], 0);
}
