import type { ReadCounts, SourceKind } from "@/lib/networks/types";

// What polling costs, at X's 2026 pay-per-use prices (NETWORKS.md): a post read $0.005, a user
// read $0.010, a DM event read $0.010. Facebook does not bill reads. Amounts in cents.
export const X_READ_PRICES_CENTS = { post: 0.5, user: 1, dmEvent: 1 } as const;

export const isBilled = (kind: SourceKind) => kind.startsWith("x_");

export function readCostCents(kind: SourceKind, reads: ReadCounts): number {
  if (!isBilled(kind)) return 0;
  return reads.posts * X_READ_PRICES_CENTS.post + reads.users * X_READ_PRICES_CENTS.user + reads.dmEvents * X_READ_PRICES_CENTS.dmEvent;
}

/** The most one page of a source can cost: 100 items and 100 authors. */
export function worstPageCostCents(kind: SourceKind): number {
  if (!isBilled(kind)) return 0;
  return kind === "x_dms"
    ? 100 * (X_READ_PRICES_CENTS.dmEvent + X_READ_PRICES_CENTS.user)
    : 100 * (X_READ_PRICES_CENTS.post + X_READ_PRICES_CENTS.user);
}

/** The billing month a moment belongs to (UTC), as campaign_sources.usage_month stores it. */
export const usageMonth = (d: Date) => d.toISOString().slice(0, 7);

export function startOfNextMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
