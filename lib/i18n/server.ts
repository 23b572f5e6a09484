import { cookies, headers } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { defaultLocale, isLocale, type Locale } from "./locales";
import { createTranslator, getMessages } from "./translate";

export const LOCALE_COOKIE = "relais-locale";

/** The signed-in user's language, else the cookie chosen on the login page, else the browser's. */
export async function getLocale(): Promise<Locale> {
  const user = await currentUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const accept = (await headers()).get("accept-language") ?? "";
  const preferred = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(preferred) ? preferred : defaultLocale;
}

export async function getTranslator() {
  const locale = await getLocale();
  const messages = getMessages(locale);
  return { locale, messages, t: createTranslator(messages) };
}
