// The one clock of Relais' run-time decisions: the service-hours gate, the release of held
// conversations at opening, offer timeouts, callbacks, the 24-hour messaging window. Reading the
// time here, never with `new Date()`, is what lets a test move a whole server through a night.
//
// Tests shift it: vitest calls `setClockOffset` / `setClockAt` (and `resetClock` after); browser
// journeys run the production server with RELAIS_TEST_CLOCK=1 and post to /api/test/clock
// (administrators only, refused when the variable is not set), see testClockEnabled.
//
// The offset lives on globalThis: Next bundles a route handler and the instrumentation's job
// runner separately, and both must read the same clock.

const KEY = Symbol.for("relais.clock.offsetMs");
type ClockHolder = { [KEY]?: number };
const holder = globalThis as ClockHolder;

/** The current instant as Relais sees it: the real time plus the test offset (0 in production). */
export function now(): Date {
  return new Date(Date.now() + (holder[KEY] ?? 0));
}

/** Milliseconds since the epoch of `now()`. */
export function nowMs(): number {
  return Date.now() + (holder[KEY] ?? 0);
}

/** The current shift, in milliseconds (0 = the real time). */
export function clockOffsetMs(): number {
  return holder[KEY] ?? 0;
}

/** Moves the clock by `offsetMs` from the real time (replaces any earlier shift). */
export function setClockOffset(offsetMs: number): void {
  if (!Number.isFinite(offsetMs)) throw new RangeError("clock offset must be a finite number of milliseconds");
  holder[KEY] = offsetMs;
}

/** Makes `now()` read `instant` at this moment; the clock keeps running from there. */
export function setClockAt(instant: Date): void {
  setClockOffset(instant.getTime() - Date.now());
}

/** Back to the real time. */
export function resetClock(): void {
  holder[KEY] = 0;
}

/** Whether the test clock route may move this server's clock (never in a normal deployment). */
export function testClockEnabled(): boolean {
  return process.env.RELAIS_TEST_CLOCK === "1";
}
