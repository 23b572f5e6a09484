// Classification of a new conversation's first message, done once at ingestion and stored on
// the conversation: blacklist (filtered), service hours and holidays (held), language, and the
// skills the campaign's distribution rules ask for (RUNTIME.md, "Classify" and "Gate").
//
// CONTRACT (issue 9): ingestion calls `loadClassifier` once per poll transaction and
// `classify` for each message that opens a conversation; it stores every field of the
// result on the conversation row (waiting_since = now only when the status is `waiting`).
// Everything that costs is done in `loadClassifier` (reading the lists, rules and calendar,
// indexing the terms); `classify` is pure and reads no clock.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  blacklists,
  blacklistWords,
  campaignBlacklists,
  campaigns,
  distributionRules,
  type ConversationStatus,
  type RequestedSkill,
} from "@/db/schema";
import type { InboundMessage, NetworkKind } from "@/lib/networks/types";
import { isOpenAt, type CalendarConfig } from "@/lib/calendars/hours";
import { loadCalendar } from "@/lib/calendars/open";
import { now as clockNow } from "@/lib/clock";
import { messageLanguage } from "./language";
import { compileRules, type StoredRule } from "./rules";
import { buildTermIndex, prepareText, type TermIndex } from "./term-index";

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

type BlacklistHit = { term: string; blacklistId: number };
export type BlacklistIndex = TermIndex<BlacklistHit>;

export function buildBlacklistIndex(terms: readonly BlacklistHit[]): BlacklistIndex {
  return buildTermIndex(terms.map(({ term, blacklistId }) => ({ term, value: { term, blacklistId } })));
}

/** What a classifier is built from: the campaign's configuration as read at the poll. */
export interface ClassifierSpec {
  /** Every term of the campaign's blacklists, as typed, with its list (or their index, built already). */
  terms: readonly BlacklistHit[] | BlacklistIndex;
  /** The campaign's distribution rules in their group's order. */
  rules: readonly StoredRule[];
  /** Whether the campaign is open (schedule and holidays) at the poll's instant. */
  open: boolean;
}

/** The pure half: compiles the spec once, then classifies any number of messages. */
export function buildClassifier(spec: ClassifierSpec): CampaignClassifier {
  const blacklist = Array.isArray(spec.terms) ? buildBlacklistIndex(spec.terms) : (spec.terms as BlacklistIndex);
  const matchRule = compileRules(spec.rules);
  const gate: Classification["status"] = spec.open ? "waiting" : "held";
  return {
    classify(m, network) {
      const prepared = prepareText(m.text);
      const hit = blacklist.size > 0 ? blacklist.first(prepared) : null;
      const language = messageLanguage(m.authorLang, m.text);
      const rule =
        spec.rules.length > 0
          ? matchRule({
              lang: language,
              network,
              isPrivate: m.isPrivate,
              authorFollowers: m.authorFollowers ?? null,
              text: m.text,
              prepared,
            })
          : null;
      return {
        // A filtered message keeps its rule's skills: released, it is routed like any other.
        status: hit ? "filtered" : gate,
        language,
        filteredTerm: hit?.term ?? null,
        filteredBlacklistId: hit?.blacklistId ?? null,
        requestedSkills: rule ? [{ skillId: rule.skillId, minLevel: rule.minLevel }] : [],
        matchedRuleId: rule?.ruleId ?? null,
      };
    },
  };
}

/** The campaign's blacklist terms (active lists only), with their list. */
export async function campaignBlacklistTerms(db: Db | Tx, campaignId: number): Promise<{ term: string; blacklistId: number }[]> {
  return db
    .select({ term: blacklistWords.word, blacklistId: blacklistWords.blacklistId })
    .from(campaignBlacklists)
    .innerJoin(blacklists, and(eq(blacklists.id, campaignBlacklists.blacklistId), isNull(blacklists.archivedAt)))
    .innerJoin(blacklistWords, eq(blacklistWords.blacklistId, blacklists.id))
    .where(eq(campaignBlacklists.campaignId, campaignId))
    .orderBy(asc(blacklists.id), asc(blacklistWords.id));
}

/** The campaign's calendar (schedule and holidays, in the schedule's zone), read in `db`. */
export async function campaignCalendar(db: Db | Tx, campaignId: number): Promise<CalendarConfig | null> {
  const [campaign] = await db
    .select({ scheduleId: campaigns.scheduleId, holidayGroupId: campaigns.holidayGroupId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  return loadCalendar(campaign.scheduleId, campaign.holidayGroupId, db);
}

// Compiled blacklist indexes by campaign, with the fingerprint of the words they were built from.
// A poll runs every few seconds and a list may hold 100,000 words: reading and indexing them
// again each time would cost more than the poll; the fingerprint query is one aggregate.
const KEY = Symbol.for("relais.classify.blacklistCache");
const cache = ((globalThis as { [KEY]?: Map<number, { fingerprint: string; index: BlacklistIndex }> })[KEY] ??= new Map());

/** The campaign's blacklist index, rebuilt only when a list or a word changed (added, removed, list archived or detached). */
export async function campaignBlacklistIndex(db: Db | Tx, campaignId: number): Promise<BlacklistIndex> {
  const [fp] = await db
    .select({
      lists: sql<string>`coalesce(string_agg(distinct ${blacklists.id}::text, ','), '')`,
      words: sql<string>`count(${blacklistWords.id})::text || ':' || coalesce(sum(${blacklistWords.id}), 0)::text || ':' || coalesce(max(${blacklistWords.id}), 0)::text || ':' || coalesce(sum(length(${blacklistWords.normalized})), 0)::text`,
    })
    .from(campaignBlacklists)
    .innerJoin(blacklists, and(eq(blacklists.id, campaignBlacklists.blacklistId), isNull(blacklists.archivedAt)))
    .leftJoin(blacklistWords, eq(blacklistWords.blacklistId, blacklists.id))
    .where(eq(campaignBlacklists.campaignId, campaignId));
  const fingerprint = `${fp?.lists ?? ""}|${fp?.words ?? ""}`;
  const cached = cache.get(campaignId);
  if (cached && cached.fingerprint === fingerprint) return cached.index;
  const index = buildBlacklistIndex(await campaignBlacklistTerms(db, campaignId));
  cache.set(campaignId, { fingerprint, index });
  return index;
}

export async function loadClassifier(db: Db | Tx, campaignId: number, now: Date = clockNow()): Promise<CampaignClassifier> {
  const [campaign] = await db
    .select({ distributionGroupId: campaigns.distributionGroupId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  // Sequential on purpose: a transaction is one connection (PGlite has only one).
  const terms = await campaignBlacklistIndex(db, campaignId);
  const rules: StoredRule[] = campaign?.distributionGroupId
    ? await db
        .select({
          id: distributionRules.id,
          element: distributionRules.element,
          operator: distributionRules.operator,
          value: distributionRules.value,
          skillId: distributionRules.skillId,
          minLevel: distributionRules.minLevel,
        })
        .from(distributionRules)
        .where(eq(distributionRules.groupId, campaign.distributionGroupId))
        .orderBy(asc(distributionRules.position), asc(distributionRules.id))
    : [];
  const calendar = await campaignCalendar(db, campaignId);
  return buildClassifier({ terms, rules, open: calendar ? isOpenAt(calendar, now).open : true });
}
