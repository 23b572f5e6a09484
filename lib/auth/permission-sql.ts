import { and, inArray, or, sql, type SQL } from "drizzle-orm";
import { agentProfiles, users } from "@/db/schema";
import type { Role } from "@/db/schema/auth";
import { accountRights, miscRights, supervisionRights } from "@/lib/hr/options";
import { permissionTable, type Permission, type Right } from "./permissions";

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * "This `users` row holds `permission`", as SQL built from the permission table, for lists of who
 * holds a permission (the candidates of a supervision group…). It applies `effectiveRights`' rules
 * (supervision rights only with supervision), and tests/rights.test.ts checks it against `can`.
 */
export function holdsPermission(permission: Permission): SQL {
  const rule = permissionTable[permission];
  const roles = rule.roles as readonly Role[];
  const rights = rule.rights as readonly Right[];
  const account = rights.filter((r) => (accountRights as readonly string[]).includes(r));
  const supervision = rights.filter((r) => (supervisionRights as readonly string[]).includes(r));
  const misc = rights.filter((r) => (miscRights as readonly string[]).includes(r));
  const profile = (column: SQL, values: readonly string[]) =>
    sql`exists (select 1 from ${agentProfiles} p where p.user_id = ${users.id} and ${column} && ${textArray(values)})`;
  const conditions: (SQL | undefined)[] = [
    roles.length ? inArray(users.role, [...roles]) : undefined,
    account.length ? sql`${users.rights} && ${textArray(account)}` : undefined,
    misc.length ? profile(sql`p.misc_rights`, misc) : undefined,
    supervision.length ? and(profile(sql`p.supervision_rights`, supervision), holdsPermission("supervision.view")) : undefined,
  ];
  return or(...conditions) ?? sql`false`;
}
