// X tags every post with a detected language and campaigns filter on it (lang:fr), so customer
// posts typed by a trainer without a language still need a plausible one.

const STOPWORDS: Record<string, string[]> = {
  fr: [
    "le",
    "la",
    "les",
    "des",
    "est",
    "une",
    "je",
    "vous",
    "pas",
    "pour",
    "avec",
    "mon",
    "merci",
    "bonjour",
    "et",
    "sur",
    "ne",
    "que",
    "qui",
  ],
  en: ["the", "is", "and", "you", "my", "for", "with", "not", "this", "are", "thanks", "hello", "to", "of", "it", "was", "have"],
  es: ["el", "los", "las", "es", "una", "por", "con", "para", "gracias", "hola", "mi", "que", "del", "muy"],
  de: ["der", "die", "das", "und", "ist", "nicht", "ich", "mit", "danke", "hallo", "ein", "eine", "mein"],
};

export function guessLang(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let best: string | undefined;
  let bestScore = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const score = words.filter((w) => list.includes(w)).length;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
