/** "45 s", "4 min 05 s", "1 h 12 min", "3 j 2 h" — compact, the same in French and English but for days. */
export function formatDuration(seconds: number | null | undefined, locale: string = "fr"): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} ${locale.startsWith("fr") ? "j" : "d"} ${h % 24} h`;
}
