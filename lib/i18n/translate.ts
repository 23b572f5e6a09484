// Plain functions only (no React, no request): route handlers, server actions, jobs and lib code
// that builds emails or CSV translate with an explicit locale here; pages use `getTranslator()`
// (server.ts) and client components `useT()` (client.tsx), all over the same next-intl core.
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import { defaultLocale, type Locale } from "./locales";
import { makeTranslator } from "./translator";
import type { Messages, Translate } from "./types";

export { interpolate } from "./translator";
export type { MessageKey, MessageParams, Messages, Translate } from "./types";

const catalogue: Record<Locale, Messages> = { fr, en };

export function getMessages(locale: Locale): Messages {
  return catalogue[locale];
}

function localeOf(messages: Messages): Locale {
  return (Object.keys(catalogue) as Locale[]).find((l) => catalogue[l] === messages) ?? defaultLocale;
}

const translators = new Map<string, Translate>();

/** The translator of one locale (cached), e.g. `translatorFor(user.locale)` in a job. */
export function translatorFor(locale: Locale, timeZone?: string): Translate {
  const cacheKey = `${locale}|${timeZone ?? ""}`;
  let t = translators.get(cacheKey);
  if (!t) translators.set(cacheKey, (t = makeTranslator(locale, catalogue[locale], timeZone)));
  return t;
}

/**
 * A translator over a catalogue (`createTranslator(getMessages("en"))`); the locale, which picks
 * the plural rules, is the catalogue's own unless given.
 */
export function createTranslator(messages: Messages, locale: Locale = localeOf(messages)): Translate {
  return makeTranslator(locale, messages);
}
