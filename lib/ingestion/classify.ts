// Classification of a new conversation's first message, done once at ingestion and stored on
// the conversation: blacklist (filtered), service hours and holidays (held), language, and the
// skills the campaign's distribution rules ask for (RUNTIME.md, "Classify" and "Gate").
//
// CONTRACT (issue 9): ingestion calls `loadClassifier` once per poll transaction and
// `classify` for each message that opens a conversation; it stores every field of the
// result on the conversation row. This first version only chooses `waiting`; the
// classification work replaces the body, not the signatures.
import type { Db, Tx } from "@/db/client";
import type { ConversationStatus, RequestedSkill } from "@/db/schema";
import type { InboundMessage, NetworkKind } from "@/lib/networks/types";

export interface Classification {
  status: Extract<ConversationStatus, "waiting" | "held" | "filtered">;
  language: string | null;
  filteredTerm: string | null;
  filteredBlacklistId: number | null;
  requestedSkills: RequestedSkill[];
  matchedRuleId: number | null;
}

export interface CampaignClassifier {
  classify(message: InboundMessage, network: NetworkKind): Classification;
}

export async function loadClassifier(_db: Db | Tx, _campaignId: number, _now: Date = new Date()): Promise<CampaignClassifier> {
  return {
    classify: (m) => ({
      status: "waiting",
      language: m.authorLang ?? null,
      filteredTerm: null,
      filteredBlacklistId: null,
      requestedSkills: [],
      matchedRuleId: null,
    }),
  };
}
