export const locales = ["fr", "en"] as const;

export type Locale = (typeof locales)[number];

// The product is sold to French-speaking contact centres first.
export const defaultLocale: Locale = "fr";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
