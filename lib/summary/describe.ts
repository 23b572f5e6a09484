// Turns stored summary elements and notifications into words. Rules and stored rows hold keys only
// (they are computed once for every reader's language); the few parameters that are keys too
// (credential fields, element names, source kinds) are translated here.
import type { MessageKey, MessageParams, Translate } from "@/lib/i18n/translate";
import type { SummaryElement } from "./types";

function translateList(t: Translate, prefix: string, list: unknown): string {
  return String(list ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => {
      const key = `${prefix}.${k}` as MessageKey;
      const text = t(key);
      return text === key ? k : text;
    })
    .join(", ");
}

export function elementName(t: Translate, element: string): string {
  return translateList(t, "summary.elements", element);
}

/** The reason of one element in the reader's language. */
export function describeElement(t: Translate, element: Pick<SummaryElement, "reason" | "params">): string {
  const params: MessageParams = { ...(element.params ?? {}) };
  if (params.fields !== undefined) params.fields = translateList(t, "summary.credentialFields", params.fields);
  if (params.sources !== undefined) params.sources = translateList(t, "summary.sourceKinds", params.sources);
  // A failed reply's reason is an "outbox.reasons.*" key.
  if (typeof params.reason === "string" && params.reason.startsWith("outbox.reasons.")) {
    const text = t(params.reason as MessageKey);
    if (text !== params.reason) params.reason = text;
  }
  return t(element.reason as MessageKey, params);
}

/** An admin notification written by the summary (e.g. a campaign stopped because it turned red). */
export function describeNotification(t: Translate, notification: { message: string; params: Record<string, string | number> }): string {
  const params: MessageParams = { ...notification.params };
  if (notification.message.startsWith("summary.") && params.elements !== undefined) {
    params.elements = translateList(t, "summary.elements", params.elements);
  }
  return t(notification.message as MessageKey, params);
}
