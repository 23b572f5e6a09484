/**
 * Joins class names, skipping falsy values. There is no tailwind-merge here: callers'
 * `className` is appended last, so prefer adding classes over fighting a primitive's own
 * (e.g. add `w-full`, do not try to replace its padding).
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
