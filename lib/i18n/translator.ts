// Kept apart from the catalogues so client code can translate without bundling every
// locale's messages; `translate.ts` is the public entry point and re-exports these.
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

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(messages: Messages): Translate {
  return (key, params) => {
    const template = lookup(messages, key);
    // Keys are typed, so this only happens with a key built at runtime (`as MessageKey`);
    // showing the key makes the bug visible without crashing the page.
    if (template === undefined) return key;
    return interpolate(template, params);
  };
}
