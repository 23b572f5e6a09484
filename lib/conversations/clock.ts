// The workspace's source of "now": the run time's clock (lib/clock.ts), which tests and the
// test-clock route shift; `setWorkspaceClock` lets a database test drive it step by step.
import { now as clockNow } from "@/lib/clock";

let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : clockNow();
}

/** Tests only: a fixed or moving clock; `null` restores the real one. */
export function setWorkspaceClock(clock: (() => Date) | null): void {
  override = clock;
}
