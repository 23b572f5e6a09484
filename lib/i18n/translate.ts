// Plain functions only (no React) so server components, route handlers, server actions
// and client components all translate the same way.
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import type { Locale } from "./locales";
import type { Messages } from "./types";

export { createTranslator, interpolate } from "./translator";
export type { MessageKey, MessageParams, Messages, Translate } from "./types";

const catalogue: Record<Locale, Messages> = { fr, en };

export function getMessages(locale: Locale): Messages {
  return catalogue[locale];
}
