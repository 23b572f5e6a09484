import type { formats } from "./config";
import type { Locale } from "./locales";
import type { fr } from "./messages/fr";

// `fr` is declared `as const` so nobody mutates it at runtime; other locales only need
// the same shape with any string at each leaf, not French literals.
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof fr>;

type LeafPaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted path that ends on a string, e.g. "auth.forbidden.title". */
export type MessageKey = LeafPaths<Messages>;

export type MessageParams = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

// Direct next-intl calls (`useTranslations`, `getTranslations`, `useFormatter`) are typed too:
// a wrong key or format name fails `tsc`. Messages are widened so tsc does not parse every ICU
// string for its arguments.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
