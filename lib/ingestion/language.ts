// The author's language of a new message: the network's when it gives one, otherwise detected.
// Detection is tinyld (pure JavaScript, no dependency, ISO 639-1 codes, ~15,000 short texts a
// second here): franc answers in ISO 639-3 and needs long texts, cld3-asm is a 2 MB wasm build
// of an unmaintained port. A short or mixed text gives a low score: we store no language rather
// than a wrong one, so no language rule routes it by mistake.
import { detectAll } from "tinyld";
import { isLanguageCode } from "@/lib/distribution/languages";

// Deprecated codes some networks still send (X reports Indonesian as "in", Hebrew as "iw").
const LEGACY: Record<string, string> = { in: "id", iw: "he", ji: "yi" };

/**
 * X's `lang` values that name no language: "und" (undetermined), "zxx" (no linguistic content)
 * and its q-codes (qme media, qht hashtags, qam mentions, qct cashtags, qst very short).
 */
function isNoLanguage(code: string): boolean {
  return code === "und" || code === "zxx" || /^q[a-t][a-z]$/.test(code);
}

/** "fr-FR" → "fr"; a code that names no language, or no known ISO 639-1 language, → null. */
export function networkLanguage(lang: string | null | undefined): string | null {
  const primary = (lang ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || isNoLanguage(primary)) return null;
  const code = LEGACY[primary] ?? primary;
  return isLanguageCode(code) ? code : null;
}

/** Below this score tinyld's first guess is as likely wrong as right on tweets (measured by hand). */
export const MIN_CONFIDENCE = 0.5;
// Links, @mentions, #hashtags and $cashtags are not language and mislead the n-grams.
const NOISE = /https?:\/\/\S+|[@#$][\p{L}\p{N}_]+/gu;

/** The language detected in a text, or null when the text is too short or the guess unsure. */
export function detectLanguage(text: string): string | null {
  const clean = text.replace(NOISE, " ").trim();
  if ((clean.match(/\p{L}/gu)?.length ?? 0) < 4) return null;
  const [best] = detectAll(clean);
  if (!best || best.accuracy < MIN_CONFIDENCE) return null;
  return isLanguageCode(best.lang) ? best.lang : null;
}

/** The language stored on a conversation: the network's when given, else detected, else null. */
export function messageLanguage(networkLang: string | null | undefined, text: string): string | null {
  return networkLanguage(networkLang) ?? detectLanguage(text);
}
