// The one place routing reads the time (offer expiry, overflow wait, presence grace). To be
// swapped for lib/clock.ts `now()` once it lands, so tests can move time for routing too.
export function routingNow(): Date {
  return new Date();
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
