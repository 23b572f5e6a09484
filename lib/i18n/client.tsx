"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { NextIntlClientProvider, useLocale as useIntlLocale, useTimeZone, useTranslations } from "next-intl";
import { fallbackTimeZone, formats, isFormattingError, onIntlError } from "./config";
import { createFormat, type Format } from "./format";
import type { Locale } from "./locales";
import { lookupMessage } from "./translator";
import type { Messages, Translate } from "./types";

/**
 * next-intl's provider, configured here because its error callbacks cannot cross from a server
 * layout. Receives the active locale's messages only (`getMessages(locale)` in the root layout),
 * so the client bundle never carries both catalogues.
 */
export function I18nProvider({
  locale,
  messages,
  timeZone = fallbackTimeZone,
  children,
}: {
  locale: Locale;
  messages: Messages;
  timeZone?: string;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={messages}
      timeZone={timeZone}
      formats={formats}
      onError={onIntlError}
      // Same as the server translators: a message missing a parameter shows its placeholders.
      getMessageFallback={({ error, key, namespace }) => {
        const path = namespace ? `${namespace}.${key}` : key;
        return (isFormattingError(error) && lookupMessage(messages, path)) || path;
      }}
    >
      {children}
    </NextIntlClientProvider>
  );
}

/** `const t = useT(); t("common.save")` — typed keys, ICU messages (plurals: pass `count`). */
export function useT(): Translate {
  return useTranslations() as unknown as Translate;
}

export function useLocale(): Locale {
  return useIntlLocale();
}

const TimeZoneContext = createContext<string | null>(null);

/**
 * Shows the times of everything inside in `timeZone` (a campaign's page: its schedule's zone),
 * instead of the root settings' default.
 */
export function TimeZoneScope({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/**
 * Dates and numbers in the user's locale, in the enclosing `TimeZoneScope`'s time zone, else the
 * root settings' default (a call may still pass its own `timeZone`).
 */
export function useFormat(): Format {
  const locale = useLocale();
  const scoped = useContext(TimeZoneContext);
  const provided = useTimeZone();
  const timeZone = scoped ?? provided ?? fallbackTimeZone;
  return useMemo(() => createFormat(locale, timeZone), [locale, timeZone]);
}
