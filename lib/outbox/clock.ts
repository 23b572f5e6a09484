// The time every outbox and reply-policy decision reads: the run time's clock (lib/clock.ts),
// so the test clock moves the 24-hour and 7-day Messenger windows too.
export { now } from "@/lib/clock";
