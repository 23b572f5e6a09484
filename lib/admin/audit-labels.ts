import type { MessageKey, Translate } from "@/lib/i18n/translate";

/**
 * The name of an audited object's type in the reader's language («Groupe de règles de
 * distribution», not `distribution_rule_group`). A type added without a message shows its code
 * rather than a message key (audit-labels.test.ts catches it).
 */
export function objectTypeName(t: Translate, code: string): string {
  const key = `audit.objectTypes.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}
