// The report's derived figures, as pure functions: the page, the CSV and the tests use these, so
// a figure is computed one way everywhere.

/**
 * Conversion rate («taux de concrétisation») = Positive ÷ (Positive + Argued). Not-argued contacts
 * (wrong number, out of target) do not count: the agent had no chance to convince. Null when
 * nobody was argued with or convinced: a rate of 0 % would claim failures that did not happen.
 */
export function conversionRate(positive: number, argued: number): number | null {
  const denominator = positive + argued;
  return denominator > 0 ? positive / denominator : null;
}

/** Quota progress: qualifications counted ÷ target; null without a target (counted only). */
export function quotaProgress(count: number, quota: number | null | undefined): number | null {
  return quota && quota > 0 ? count / quota : null;
}

/** "1 h 02 min", "4 min 05 s", "12 s": durations in seconds, language-neutral units. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(rest).padStart(2, "0")} s`;
  return `${rest} s`;
}

/** A sum of numeric(12,2) strings, exactly, in cents (floats would drift over a million rows). */
export function sumMoney(values: readonly (string | null | undefined)[]): string {
  let cents = 0n;
  for (const v of values) {
    if (!v) continue;
    const negative = v.startsWith("-");
    const [units, fraction = ""] = v.replace("-", "").split(".");
    const c = BigInt(units || "0") * 100n + BigInt((fraction + "00").slice(0, 2));
    cents += negative ? -c : c;
  }
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
