import type { ScriptModel } from "@/lib/scripts/model";
import type { VariableValues } from "@/lib/scripts/variables";
import type { CustomerRow } from "./customer-file-row";

export type ValueSources = {
  conversationId: number;
  network: string;
  author: { name: string; handle: string };
  /** The customer's latest message. */
  messageText: string;
  agent: { name: string; code: string };
  customer: CustomerRow | null;
};

/**
 * Names every script and predefined response may use without declaring them (the demo's
 * responses say `$AUTEUR`): the author, the agent and the message.
 */
export function builtInValues(s: ValueSources): VariableValues {
  return {
    AUTEUR: s.author.name,
    PSEUDO: s.author.handle,
    AGENT: s.agent.name,
    MESSAGE: s.messageText,
    RESEAU: s.network,
  };
}

/**
 * The values a pinned script starts with: declared variables from their source (message,
 * agent, customer-file column, constant), the system variables, and the objects already saved
 * in the author's customer-file row. Computed on the server, from the conversation the agent
 * owns; the browser's copy of these is never trusted (the action recomputes them).
 */
export function scriptStartValues(model: ScriptModel, s: ValueSources): VariableValues {
  const values: VariableValues = { ...builtInValues(s), INDICE: String(s.conversationId), GUID_CONTACT_ID: s.customer?.contactGuid ?? "" };
  for (const v of model.variables) {
    switch (v.source) {
      case "message":
        values[v.name] =
          v.ref === "authorName"
            ? s.author.name
            : v.ref === "authorHandle"
              ? s.author.handle
              : v.ref === "text"
                ? s.messageText
                : s.network;
        break;
      case "agent":
        values[v.name] = v.ref === "name" ? s.agent.name : s.agent.code;
        break;
      case "customerFile": {
        const found = s.customer?.byColumn[v.ref];
        values[v.name] = found === undefined || found === "" ? v.defaultValue : found;
        break;
      }
      default:
        values[v.name] = v.defaultValue;
    }
  }
  if (s.customer) Object.assign(values, s.customer.byObject);
  return values;
}

/** The variables whose value comes from outside the script (an agent cannot overwrite them). */
export function sourcedNames(model: ScriptModel): Set<string> {
  const names = new Set(["AUTEUR", "PSEUDO", "AGENT", "MESSAGE", "RESEAU", "INDICE", "GUID_CONTACT_ID"]);
  for (const v of model.variables) if (v.source === "message" || v.source === "agent") names.add(v.name);
  return names;
}
