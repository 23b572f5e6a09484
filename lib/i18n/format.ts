// The one way Relais shows a date, a time or a number: in the user's locale and in the time zone
// that applies (the campaign's or schedule's where there is one, else the root settings'
// default). Server pages get one from `getFormat()`, client components from `useFormat()`, plain
// code from `createFormat(locale, timeZone)`; all over next-intl's formatter.
import { createFormatter, type NumberFormatOptions } from "next-intl";
import { fallbackTimeZone, formats, onIntlError, type DateTimeFormatName } from "./config";
import type { Locale } from "./locales";

/** A Date, or what a Date became on its way to the client (ISO string, epoch ms). */
export type DateInput = Date | string | number;

export interface DateOptions {
  /** Overrides the formatter's time zone, e.g. a campaign's on an admin page. */
  timeZone?: string;
}

export interface Format {
  readonly locale: Locale;
  readonly timeZone: string;
  /** "1 déc. 2026, 16:35" / "Dec 1, 2026, 4:35 PM" by default; `style` picks another named format. */
  dateTime(value: DateInput, options?: DateOptions & { style?: DateTimeFormatName }): string;
  /** "1 déc. 2026" / "Dec 1, 2026". */
  date(value: DateInput, options?: DateOptions): string;
  /** "16:35" / "4:35 PM". */
  time(value: DateInput, options?: DateOptions): string;
  /** "1 234" / "1,234". */
  number(value: number, options?: NumberFormatOptions): string;
  /** "a, b et c" / "a, b, and c". */
  list(values: Iterable<string>): string;
}

const toDate = (value: DateInput): Date => (value instanceof Date ? value : new Date(value));

export function createFormat(locale: Locale, timeZone: string = fallbackTimeZone): Format {
  const f = createFormatter({ locale, timeZone, formats, onError: onIntlError });
  const dateTime = (value: DateInput, style: DateTimeFormatName, zone?: string) =>
    f.dateTime(toDate(value), style, zone ? { timeZone: zone } : undefined);
  return {
    locale,
    timeZone,
    dateTime: (value, options) => dateTime(value, options?.style ?? "dateTime", options?.timeZone),
    date: (value, options) => dateTime(value, "date", options?.timeZone),
    time: (value, options) => dateTime(value, "time", options?.timeZone),
    number: (value, options) => f.number(value, options),
    list: (values) => f.list([...values], { type: "conjunction" }),
  };
}
