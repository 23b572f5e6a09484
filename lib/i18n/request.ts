// next-intl's request configuration (wired by `createNextIntlPlugin` in next.config.mjs). There is
// no locale in the URL: the locale is the user's stored one, else the login page's cookie, else
// the browser's (see `getLocale`), and the time zone the root settings' default.
import { getRequestConfig } from "next-intl/server";
import { formats, onIntlError } from "./config";
import { getLocale, getRequestTimeZone } from "./server";
import { getMessages } from "./translate";

export default getRequestConfig(async () => {
  const locale = await getLocale();
  return { locale, messages: getMessages(locale), timeZone: await getRequestTimeZone(), formats, onError: onIntlError };
});
