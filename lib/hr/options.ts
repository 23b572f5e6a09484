import type { Right } from "@/db/schema/auth";

// The option sets of an HR account (manual step 8), kept free of database code so that the
// forms' shared zod schemas can use them in the browser. Stored as text arrays of these
// values: a new option is a code change, not a migration.

/** Applications tab: the rights stored on the user (`users.rights`). */
export const accountRights = ["supervision", "reporting"] as const satisfies readonly Right[];
/** Media blending: the networks whose conversations the agent receives. */
export const mediaChannels = ["twitter", "facebook"] as const;
export type MediaChannel = (typeof mediaChannels)[number];
export const workspaceApps = ["social"] as const;
export type WorkspaceApp = (typeof workspaceApps)[number];
export const displayOptions = ["queue_counts", "author_history", "script_panel", "compact"] as const;
export type DisplayOption = (typeof displayOptions)[number];
// The manual's telephony rights are kept as the admin ticked them (a profile copied from a voice
// contact center keeps its settings), but they grant nothing: Relais has no calls to dial,
// transfer, hold or record. They are not `Right`s of lib/auth/permissions.ts.
export const telephonyRights = ["manual_dial", "transfer", "conference", "hold", "record"] as const;
export type TelephonyRight = (typeof telephonyRights)[number];
// What each right grants is the permission table (lib/auth/permissions.ts); a new right here needs
// its permission there, or it grants nothing.
export const supervisionRights = ["view_conversations", "reassign", "change_agent_state", "message_agents"] as const;
export type SupervisionRight = (typeof supervisionRights)[number];
export const miscRights = [
  "refuse_conversation",
  "edit_customer_file",
  "view_own_stats",
  "export_data",
  "send_mass_message",
  "book_appointment",
] as const;
export type MiscRight = (typeof miscRights)[number];
/** The miscellaneous rights a supervisor account may be given on its page (the others are an agent's work). */
export const supervisorMiscRights = ["export_data", "send_mass_message"] as const satisfies readonly MiscRight[];

export const supervisionMemberRoles = ["supervisor", "agent"] as const;
export type SupervisionMemberRole = (typeof supervisionMemberRoles)[number];

export const SKILL_LEVEL_MIN = 1;
export const SKILL_LEVEL_MAX = 10;
export const MAX_CONVERSATIONS = 10;
