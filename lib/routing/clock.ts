// The one place routing reads the time (offer expiry, overflow wait, presence grace): the run
// time's clock (lib/clock.ts), so tests can move time for routing too.
import { now } from "@/lib/clock";

export function routingNow(): Date {
  return now();
}

/** A timestamp parameter both drivers take in raw SQL (postgres.js takes no Date there). */
export function ts(d: Date): string {
  return d.toISOString();
}

/** A timestamp column read through raw SQL: a Date on PGlite, a string on postgres.js. */
export function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}
