/** A callback not taken up this long after its time is overdue (flagged on /supervision). */
export const OVERDUE_GRACE_MS = 5 * 60_000;
