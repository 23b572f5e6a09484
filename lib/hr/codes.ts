// Agent codes («code agent») are the login of an agent: exactly four digits, e.g. 1000.
export const AGENT_CODE = /^\d{4}$/;

/** How many accounts the HR wizard creates in one run (each needs a password hash: ~0.2 s). */
export const WIZARD_MAX_ACCOUNTS = 100;

export type CodeRangeResult = { ok: true; codes: string[] } | { ok: false; error: string };

/**
 * Parses what an administrator types in the wizard: ranges and single codes separated by commas,
 * semicolons or spaces ("2000-2049", "2000–2004, 2010"). Codes keep their four digits and come
 * back sorted without duplicates. Errors are i18n keys (the same as the
 * form's field errors, hence without parameters).
 */
export function parseCodeRange(text: string): CodeRangeResult {
  const parts = text
    // "2000 - 2049" is one range, not three parts; a word processor may have put an en dash.
    .replace(/\s*[-–—]\s*/g, "-")
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, error: "hr.errors.rangeEmpty" };
  const codes = new Set<number>();
  for (const part of parts) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m || !AGENT_CODE.test(m[1]) || (m[2] !== undefined && !AGENT_CODE.test(m[2]))) {
      return { ok: false, error: "hr.errors.rangeFormat" };
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return { ok: false, error: "hr.errors.rangeReversed" };
    if (to - from + 1 > WIZARD_MAX_ACCOUNTS) return { ok: false, error: "hr.errors.rangeTooLarge" };
    for (let c = from; c <= to; c++) codes.add(c);
    if (codes.size > WIZARD_MAX_ACCOUNTS) return { ok: false, error: "hr.errors.rangeTooLarge" };
  }
  return { ok: true, codes: [...codes].sort((a, b) => a - b).map((c) => String(c).padStart(4, "0")) };
}

/** "Agent {code}" → "Agent 2000". */
export function applyNamePattern(pattern: string, code: string): string {
  return pattern.replaceAll("{code}", code).replace(/\s+/g, " ").trim();
}
