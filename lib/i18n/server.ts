import { cache } from "react";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { defaultTimeZone } from "@/lib/campaigns/time-zone";
import { defaultLocale, isLocale, type Locale } from "./locales";
import { createFormat, type Format } from "./format";
import { getMessages, translatorFor } from "./translate";

export const LOCALE_COOKIE = "relais-locale";

async function requestLocale(): Promise<Locale> {
  const user = await currentUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const accept = (await headers()).get("accept-language") ?? "";
  const preferred = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(preferred) ? preferred : defaultLocale;
}

/**
 * The signed-in user's language, else the cookie chosen on the login page, else the browser's.
 * Outside a request (a job, a script) there is none of these: the default locale.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  try {
    return await requestLocale();
  } catch (err) {
    unstable_rethrow(err); // Next's own signals (dynamic rendering, redirects) must pass through
    return defaultLocale;
  }
});

/** The time zone of pages that show no campaign's times: the root settings' default. */
export const getRequestTimeZone = cache(defaultTimeZone);

/** For server pages, layouts and actions: `const { t, locale } = await getTranslator()`. */
export async function getTranslator() {
  const locale = await getLocale();
  return { locale, messages: getMessages(locale), t: translatorFor(locale) };
}

/**
 * Dates and numbers in the user's locale, in `timeZone` (a campaign's: `campaignTimeZone(id)`)
 * or else the root settings' default time zone.
 */
export async function getFormat(timeZone?: string): Promise<Format> {
  return createFormat(await getLocale(), timeZone ?? (await getRequestTimeZone()));
}
