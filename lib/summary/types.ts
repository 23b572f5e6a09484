import type { CampaignState, CampaignType } from "@/db/schema/campaigns";
import type { Light, SummaryElement } from "@/db/schema/summary";
import type { ScheduleDay } from "@/db/schema/calendars";
import type { ScriptVersionKind } from "@/db/schema/scripts";

export type { Light, SummaryElement };

/** The elements of the summary, in the order the page lists them (the manual's tab order). */
export const summaryElementKeys = [
  "general",
  "search",
  "sources",
  "replies",
  "massMessages",
  "queue",
  "schedule",
  "holidays",
  "distribution",
  "predefinedResponses",
  "blacklists",
  "script",
  "customerFile",
  "qualifications",
  "agenda",
  "skills",
] as const;
export type SummaryElementKey = (typeof summaryElementKeys)[number];

/** The credential fields each network needs; the snapshot only says which ones are filled. */
export const requiredCredentials = {
  twitter: ["apiKey", "apiSecret", "accessToken", "accessSecret", "bearerToken"],
  facebook: ["appId", "appSecret", "pageAccessToken", "pageId"],
} as const satisfies Record<CampaignType, readonly string[]>;

interface Named {
  id: number;
  name: string;
  archived: boolean;
}

/**
 * Everything the summary rules read about one campaign, loaded in batch (lib/summary/snapshot.ts).
 * Plain data, no secret: credentials are reduced to "is this field filled".
 */
export interface CampaignSnapshot {
  id: number;
  name: string;
  type: CampaignType;
  state: CampaignState;
  platform: { id: number; name: string } | null;
  /** Field name → filled; null when the campaign has no credentials at all. */
  credentials: Record<string, boolean> | null;
  /** The stored credentials could not be decrypted (RELAIS_SECRET_KEY changed). */
  credentialsUnreadable: boolean;
  /** The error of the last contact with the network (last poll), null when it succeeded or never ran. */
  lastNetworkError: string | null;
  searchQuery: string;
  /** Health of each polling source (campaign_sources); absent or empty before the first poll. */
  sources?: SourceHealth[];
  /**
   * Replies of the campaign that failed (or whose fate is unknown) in the last 24 hours and were
   * not sent since, with the reason of the latest (an "outbox.reasons.*" key); absent = none.
   */
  replies?: { failed: number; reason: string | null };
  /**
   * Facebook mass messages of the last 24 hours with recipients reported failed (or a page post
   * that failed): their count, the latest reason (an "outbox.reasons.*" key) and the latest such
   * send; absent = none.
   */
  /** `pausedId`: a send that paused itself (the page's token refused), waiting for an administrator. */
  massMessages?: { failed: number; reason: string | null; massMessageId: number; pausedId?: number; pausedReason?: string };
  queue: { id: number; code: string; archived: boolean } | null;
  script: (Named & { latestProduction: { id: number; number: number } | null }) | null;
  /** The version the campaign picked (agents run it). */
  scriptVersion: { id: number; number: number; kind: ScriptVersionKind; scriptId: number } | null;
  /** The customer file of the picked version, as agents will write it; null when it has none. */
  customerFile: {
    schemaName: string;
    tableName: string;
    /** Columns of the real table now; null when the table does not exist. */
    tableColumns: string[] | null;
    /** Columns the mapping writes. */
    mappedColumns: string[];
    /** Data objects of the version (inputs, lists…) that are neither mapped nor deliberately left out. */
    unmappedObjects: string[];
  } | null;
  /** Agenda objects and «book an appointment» actions of the picked version (names); empty when it takes none. */
  scriptAgendaUse: string[];
  /** An address book and a sales-rep schedule are set for the campaign (steps 13–15). */
  agendaConfigured: boolean;
  /** The campaign's sales-rep schedule as booking needs it; absent in older snapshots. */
  agendaSchedule?: { id: number; name: string; activeReps: number; types: number; availableQuarters: number } | null;
  qualificationGroup: (Named & { statuses: number; positive: number }) | null;
  schedule: (Named & { days: ScheduleDay[] }) | null;
  holidayGroup: (Named & { holidays: number }) | null;
  distributionGroup: (Named & { rules: number }) | null;
  blacklists: Named[];
  predefinedResponses: number;
  requiredSkills: { skillId: number; name: string; minLevel: number }[];
  /** Non-archived agents holding every required skill at its minimum level (all agents when none is required). */
  eligibleAgents: number;
}

export interface SourceHealth {
  kind: string;
  errorKind: string | null;
  error: string | null;
}

export interface CampaignSummary {
  overall: Light;
  elements: SummaryElement[];
}

export interface StoredSummary extends CampaignSummary {
  campaignId: number;
  computedAt: Date;
}
