// The next-intl settings every entry point shares (request config, client provider, plain
// translators), kept apart from the catalogues so client code can import it.
import { IntlErrorCode, type IntlError } from "next-intl";

/** Used when neither a campaign, a schedule nor the root settings name a time zone. */
export const fallbackTimeZone = "Europe/Paris";

/**
 * Named formats, usable as `format.dateTime(d, "date")` and inside messages (`{at, date, date}`).
 * `dateStyle`/`timeStyle` follow each locale's conventions: "1 déc. 2026, 16:35" in French,
 * "Dec 1, 2026, 4:35 PM" in English.
 */
export const formats = {
  dateTime: {
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
    date: { dateStyle: "medium" },
    time: { timeStyle: "short" },
    timeSeconds: { timeStyle: "medium" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
  },
} as const;

export type DateTimeFormatName = keyof typeof formats.dateTime;

/**
 * Keys are typed, so a missing message only comes from a key built at runtime; the fallback
 * (the key itself) makes it visible on screen. Logged in development only, as before.
 */
export function onIntlError(error: IntlError): void {
  if (process.env.NODE_ENV === "development") console.warn(`[i18n] ${error.code}: ${error.message}`);
}

export function isFormattingError(error: IntlError): boolean {
  return error.code === IntlErrorCode.FORMATTING_ERROR || error.code === IntlErrorCode.INVALID_MESSAGE;
}
