// Kept apart from the catalogues so client code can translate without bundling every
// locale's messages; `translate.ts` is the public entry point and re-exports these.
import { createTranslator as createIntlTranslator, type IntlError } from "next-intl";
import { fallbackTimeZone, formats, isFormattingError, onIntlError } from "./config";
import type { Locale } from "./locales";
import type { MessageParams, Messages, Translate } from "./types";

const placeholder = /\{(\w+)\}/g;

/**
 * Replaces `{name}` placeholders. An unknown placeholder is left as is, so a forgotten
 * parameter shows up on screen during testing instead of silently vanishing.
 */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(placeholder, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

export function lookupMessage(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * A typed translator over next-intl's (ICU messages: plurals, selects, dates). A message whose
 * parameters are missing is shown with its placeholders left visible rather than as its key,
 * so the bug is obvious on screen; an unknown key is shown as the key itself.
 */
export function makeTranslator(locale: Locale, messages: Messages, timeZone: string = fallbackTimeZone): Translate {
  const last: { error: IntlError | null } = { error: null };
  const t = createIntlTranslator({
    locale,
    messages,
    timeZone,
    formats,
    onError: (error) => {
      last.error = error;
      onIntlError(error);
    },
  });
  return (key, params) => {
    last.error = null;
    const text = t(key, params);
    if (last.error && isFormattingError(last.error)) return interpolate(lookupMessage(messages, key) ?? key, params);
    return text;
  };
}
