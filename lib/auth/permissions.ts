import type { Right, Role } from "@/db/schema/auth";

/**
 * The permission table: every page, server action and route handler asks `can(user, permission)`.
 * A permission is granted by a role, or by a right held on top of the role (an agent given the
 * supervision right becomes a supervisor, as in the manual's step 9).
 */
export const permissionTable = {
  "workspace.use": { roles: ["agent"], rights: [] },
  "supervision.view": { roles: ["admin", "supervisor"], rights: ["supervision"] },
  "reporting.view": { roles: ["admin"], rights: ["reporting"] },
  "admin.access": { roles: ["admin"], rights: [] },
  "designer.access": { roles: ["admin"], rights: [] },
  "simulator.use": { roles: ["admin"], rights: [] },
  "agenda.view": { roles: ["admin", "sales_rep"], rights: [] },
  "profile.update": { roles: ["admin", "supervisor", "agent", "sales_rep"], rights: [] },
} as const satisfies Record<string, { roles: readonly Role[]; rights: readonly Right[] }>;

export type Permission = keyof typeof permissionTable;

export interface Principal {
  id: number;
  role: Role;
  rights: readonly Right[];
}

export function can(user: Principal | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  const rule = permissionTable[permission];
  return (
    (rule.roles as readonly Role[]).includes(user.role) ||
    user.rights.some((r) => (rule.rights as readonly Right[]).includes(r))
  );
}

/** Where a user lands after sign-in: the first area its rights open. */
export function homePath(user: Principal): string {
  if (can(user, "admin.access")) return "/admin";
  if (can(user, "supervision.view")) return "/supervision";
  if (can(user, "workspace.use")) return "/workspace";
  if (can(user, "agenda.view")) return "/agenda";
  return "/login";
}
