import type { z } from "zod";
import { getDb } from "@/db/client";
import { agentProfiles, agentSkills, supervisionGroupMembers, users } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { uniqueOr } from "@/lib/admin/errors";
import { checkGroups, checkSkills, profileColumns } from "./account-writes";
import type { NewAccount } from "./agent-mutations";
import type { wizardSchema } from "./agent.schema";
import { applyNamePattern, parseCodeRange } from "./codes";
import { newAccountPassword } from "./passwords";
import { takenLogins } from "./agent-queries";

/**
 * The HR wizard («Assistant Ressources Humaines»): one agent per code of the range, all with the
 * same profile, in one transaction. If any code is taken nothing is created and the taken codes
 * are named. The clear passwords are returned once and never stored.
 */
export async function createAgentsFromWizard(actor: AuditActor, input: z.output<typeof wizardSchema>): Promise<NewAccount[]> {
  const parsed = parseCodeRange(input.range);
  if (!parsed.ok) throw new ActionError(parsed.error, { range: [parsed.error] });
  const codes = parsed.codes;
  const refuseTaken = (taken: string[]) => {
    if (taken.length) throw new ActionError("hr.errors.codesTaken", { range: ["hr.errors.codesTakenField"] }, { codes: taken.join(", ") });
  };
  // Checked before hashing (the slow part) so a wrong range fails at once.
  refuseTaken(await takenLogins(codes));

  const accounts: { login: string; name: string; password: string; passwordHash: string }[] = [];
  for (const code of codes) {
    const password = newAccountPassword();
    accounts.push({ login: code, name: applyNamePattern(input.namePattern, code), password, passwordHash: await hashPassword(password) });
  }

  const db = await getDb();
  return uniqueOr(
    "range",
    () =>
      db.transaction(async (tx) => {
        await checkSkills(
          tx,
          input.skills.map((s) => s.skillId),
        );
        await checkGroups(
          tx,
          input.groups.map((g) => g.groupId),
        );
        const rows = await tx
          .insert(users)
          .values(
            accounts.map((a) => ({
              login: a.login,
              name: a.name,
              role: "agent" as const,
              rights: input.rights,
              passwordHash: a.passwordHash,
            })),
          )
          .returning({ id: users.id, login: users.login, name: users.name });
        const columns = profileColumns(input);
        await tx.insert(agentProfiles).values(rows.map((r) => ({ userId: r.id, ...columns })));
        if (input.skills.length) {
          await tx
            .insert(agentSkills)
            .values(rows.flatMap((r) => input.skills.map((s) => ({ userId: r.id, skillId: s.skillId, level: s.level }))));
        }
        if (input.groups.length) {
          await tx
            .insert(supervisionGroupMembers)
            .values(rows.flatMap((r) => input.groups.map((g) => ({ userId: r.id, groupId: g.groupId, role: g.role }))));
        }
        for (const r of rows) {
          await recordAudit(tx, actor, {
            action: "create",
            objectType: "agent",
            objectId: r.id,
            label: r.login,
            after: {
              login: r.login,
              name: r.name,
              role: "agent",
              rights: input.rights,
              profile: columns,
              skills: input.skills,
              groups: input.groups,
              via: "wizard",
            },
          });
        }
        const byLogin = new Map(accounts.map((a) => [a.login, a.password]));
        return rows.map((r) => ({ ...r, password: byLogin.get(r.login)! })).sort((a, b) => a.login.localeCompare(b.login));
      }),
    // Another admin took one of the codes between the check and the insert.
    "hr.errors.codesTakenMeanwhile",
  );
}
