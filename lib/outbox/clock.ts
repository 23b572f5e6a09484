// The time every outbox and reply-policy decision reads. lib/clock.ts (the classify work) is the
// project's one clock; until it lands on main this is the single place to swap for it.
export function now(): Date {
  return new Date();
}
