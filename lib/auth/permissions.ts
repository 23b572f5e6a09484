import type { Right as AccountRight, Role } from "@/db/schema/auth";
import { accountRights, miscRights, supervisionRights, type MiscRight, type SupervisionRight } from "@/lib/hr/options";

/**
 * A right an administrator ticks on an account (manual step 8): the Applications tab's
 * supervision/reporting (`users.rights`) and the Rights tab's supervision and miscellaneous rights
 * (`agent_profiles`). Telephony rights are stored but are not rights of this product: see
 * lib/hr/options.ts.
 */
export type Right = AccountRight | SupervisionRight | MiscRight;

/**
 * The permission table: every page, server action and route handler asks `can(user, permission)`.
 * A permission is granted by a role, or by a right held on top of the role (an agent given the
 * supervision right becomes a supervisor, as in the manual's step 9). Permissions whose feature is
 * not built yet are here already, so the feature only has to ask for them.
 */
export const permissionTable = {
  "workspace.use": { roles: ["agent"], rights: [] },
  // Agents: refuse an offered conversation (back to the queue) instead of answering it.
  "workspace.refuse": { roles: [], rights: ["refuse_conversation"] },
  // Agents: change the customer-file row bound to a conversation's author from the script.
  "customerFile.edit": { roles: ["admin"], rights: ["edit_customer_file"] },
  // Agents: their own handled / qualified counts (not other agents').
  "reporting.own": { roles: [], rights: ["view_own_stats"] },
  // Agents: book an appointment for a sales rep in the agenda (the sales-rep schedule's own agent
  // rights, manual step 14, narrow it further to some schedules).
  "agenda.book": { roles: ["admin"], rights: ["book_appointment"] },
  "agenda.view": { roles: ["admin", "sales_rep"], rights: [] },

  "supervision.view": { roles: ["admin", "supervisor"], rights: ["supervision"] },
  // Every agent, not only those of the supervision groups the viewer supervises.
  "supervision.allAgents": { roles: ["admin"], rights: [] },
  "supervision.conversations": { roles: ["admin"], rights: ["view_conversations"] },
  // Wallboard actions (lib/supervision/actions.ts), each on the viewer's agents only: give a
  // conversation to another eligible agent; take it back to the queue; force an agent Paused or Offline.
  "supervision.reassign": { roles: ["admin"], rights: ["reassign"] },
  "supervision.takeBack": { roles: ["admin"], rights: ["reassign"] },
  "supervision.agentState": { roles: ["admin"], rights: ["change_agent_state"] },
  "supervision.messageAgents": { roles: ["admin"], rights: ["message_agents"] },

  "reporting.view": { roles: ["admin"], rights: ["reporting"] },
  // Any download of conversations, contacts or report figures as a file (CSV).
  "data.export": { roles: ["admin"], rights: ["export_data"] },
  // A Facebook mass message («Envoyer un message») to a campaign's contacts.
  "massMessage.send": { roles: ["admin"], rights: ["send_mass_message"] },

  "admin.access": { roles: ["admin"], rights: [] },
  "designer.access": { roles: ["admin"], rights: [] },
  "simulator.use": { roles: ["admin"], rights: [] },
  "profile.update": { roles: ["admin", "supervisor", "agent", "sales_rep"], rights: [] },
} as const satisfies Record<string, { roles: readonly Role[]; rights: readonly Right[] }>;

export type Permission = keyof typeof permissionTable;

export interface Principal {
  id: number;
  role: Role;
  /** Effective rights (see `effectiveRights`), not the raw stored arrays. */
  rights: readonly Right[];
}

export function can(user: Principal | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  const rule = permissionTable[permission];
  return (rule.roles as readonly Role[]).includes(user.role) || user.rights.some((r) => (rule.rights as readonly Right[]).includes(r));
}

export interface StoredRights {
  role: Role;
  /** `users.rights` (Applications tab). */
  rights: readonly string[];
  /** `agent_profiles` (Rights tab); null for an account without a profile. */
  profile: { supervisionRights: readonly string[]; miscRights: readonly string[] } | null;
}

const known = <T extends string>(values: readonly T[], stored: readonly string[]): T[] => values.filter((v) => stored.includes(v));

/**
 * The one place stored rights become effective ones. Supervision rights count only for an account
 * that supervises without them (role or the supervision right): the form refuses them otherwise,
 * and a stale row must not make an agent a half-supervisor. Unknown stored values (an option
 * removed from the code) grant nothing.
 */
export function effectiveRights(stored: StoredRights): Right[] {
  const account = known(accountRights, stored.rights);
  const supervises = can({ id: 0, role: stored.role, rights: account }, "supervision.view");
  const profile = stored.profile;
  return [
    ...account,
    ...(profile && supervises ? known(supervisionRights, profile.supervisionRights) : []),
    ...(profile ? known(miscRights, profile.miscRights) : []),
  ];
}

/** Where a user lands after sign-in: the first area its rights open. */
export function homePath(user: Principal): string {
  if (can(user, "admin.access")) return "/admin";
  if (can(user, "supervision.view")) return "/supervision";
  if (can(user, "workspace.use")) return "/workspace";
  if (can(user, "agenda.view")) return "/agenda";
  return "/login";
}
