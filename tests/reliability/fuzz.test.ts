// Reliability suite, fuzzed inputs (issue 14, item 10): every server action, found from the code
// as the permission matrix finds them, called as an administrator with inputs derived from its
// own zod schema (tests/reliability/fuzz-inputs.ts, a fixed seed per action). Each call must end
// in a result — accepted, or refused with a reason — never a thrown error nor "errors.unexpected"
// (what a 500 is for an action), and a refused call must leave every table as it was (row counts
// of every table of every schema, before and after). Runs on PGlite, and on PostgreSQL with
// TEST_DATABASE_URL.
import { describe, expect, it, vi, beforeAll } from "vitest";
import { eq, sql } from "drizzle-orm";
import { actionAccess } from "@/lib/auth/action";
import { rows } from "@/db/client";
import { users } from "@/db/schema";
import { setupDemoWorkspace } from "../demo-fixture";
import { signInAs } from "../session";
import { discoverModules, loadModule } from "./discover";
import { inputsFor, seedOf } from "./fuzz-inputs";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] }),
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.77" }),
}));

const INPUTS_PER_ACTION = Number(process.env.RELAIS_FUZZ_INPUTS) || 24;
const SEED = Number(process.env.RELAIS_FUZZ_SEED) || 20261201;
// Writes a refusal makes on purpose, not partial writes: a refused sign-in is counted (the
// throttle), and a refused start stores the summary it computed to say why (what the page shows).
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  "app/(auth)/login/actions.ts#signInAction": ["public.login_attempts"],
  "app/(admin)/admin/campaigns/actions.ts#startCampaignAction": ["public.campaign_summaries", "public.events"],
};

const actions: {
  key: string;
  fn: (...args: unknown[]) => Promise<unknown>;
  permission: string;
  schema: Parameters<typeof inputsFor>[0];
}[] = [];
for (const file of discoverModules().actions) {
  const mod = await loadModule(file);
  for (const [name, value] of Object.entries(mod)) {
    const access = typeof value === "function" ? actionAccess(value) : undefined;
    if (access) actions.push({ key: `${file}#${name}`, fn: value as never, permission: access.permission, schema: access.schema });
  }
}

describe("fuzzed inputs: every server action, as an administrator", () => {
  const w = setupDemoWorkspace();
  let admin: typeof users.$inferSelect;

  beforeAll(async () => {
    [admin] = await w.db.select().from(users).where(eq(users.id, w.state.adminId));
  });

  /** Row counts of every table, in every schema Relais writes (customer files live in schemas of their own). */
  async function counts(): Promise<Map<string, number>> {
    const tables = await rows<{ s: string; t: string }>(
      w.db,
      sql`select table_schema as s, table_name as t from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'drizzle')`,
    );
    const parts = tables.map(({ s, t }) => `(select count(*) from "${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}")::int`);
    const [row] = await rows<{ c: number[] }>(w.db, sql.raw(`select array[${parts.join(", ") || "0"}] as c`));
    return new Map(tables.map(({ s, t }, i) => [`${s}.${t}`, Number(row.c[i])]));
  }

  /** A call may regenerate the admin's password or archive him: he is put back before the next call. */
  async function asAdmin() {
    const [now] = await w.db.select().from(users).where(eq(users.id, admin.id));
    if (!now || now.archivedAt || now.role !== admin.role || now.sessionVersion !== admin.sessionVersion || now.login !== admin.login) {
      const { login, name, passwordHash, role, rights, locale, archivedAt, sessionVersion } = admin;
      await w.db
        .update(users)
        .set({ login, name, passwordHash, role, rights, locale, archivedAt, sessionVersion })
        .where(eq(users.id, admin.id));
    }
    signInAs(admin.id, { sessionVersion: admin.sessionVersion });
  }

  it(
    "ends every call in a result (never a throw, never errors.unexpected), and a refused call writes nothing",
    async () => {
      const failures: string[] = [];
      const tally = { calls: 0, accepted: 0, refused: 0, invalid: 0 };
      // The counts before a call: those after the previous one when it wrote nothing.
      let before: Map<string, number> | undefined;
      for (const action of actions) {
        const inputs = inputsFor(action.schema, seedOf(action.key) ^ SEED, INPUTS_PER_ACTION);
        for (const [i, input] of inputs.entries()) {
          await asAdmin();
          before ??= await counts();
          let result: { ok?: unknown; error?: unknown } | undefined;
          const label = () =>
            `${action.key} input #${i} ${JSON.stringify(input, (_k, v) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : typeof v === "bigint" ? String(v) : v))?.slice(0, 300)}`;
          try {
            if (action.permission === "public") {
              const form = new FormData();
              if (input && typeof input === "object" && !Array.isArray(input))
                for (const [k, v] of Object.entries(input)) form.append(k, typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
              result = (await action.fn(null, form)) as typeof result;
            } else {
              result = (await action.fn(input)) as typeof result;
            }
          } catch (err) {
            const digest = (err as { digest?: unknown })?.digest;
            if (typeof digest === "string" && digest.startsWith("NEXT_")) {
              tally.calls++;
              tally.accepted++; // redirect() after a success: Next's control flow
              before = undefined;
              continue;
            }
            failures.push(`${label()}: threw ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
            tally.calls++;
            before = undefined;
            continue;
          }
          tally.calls++;
          if (!result || typeof result !== "object" || typeof result.ok !== "boolean") {
            failures.push(`${label()}: not a result: ${String(result)}`);
            continue;
          }
          if (result.ok) {
            tally.accepted++;
            before = undefined; // it may have written: counted afresh before the next call
            continue;
          }
          tally.refused++;
          if (result.error === "errors.invalidInput") tally.invalid++;
          if (result.error === "errors.unexpected" || typeof result.error !== "string") {
            failures.push(`${label()}: ${JSON.stringify(result).slice(0, 200)}`);
            before = undefined;
            continue;
          }
          const after = await counts();
          const prior = before ?? after;
          const allowed = WRITES_ON_REFUSAL[action.key] ?? [];
          const changed = [...after].filter(([t, n]) => (prior.get(t) ?? 0) !== n && !allowed.includes(t));
          before = changed.length || allowed.length ? undefined : after;
          if (changed.length)
            failures.push(
              `${label()}: refused (${String(result.error)}) but wrote ${changed.map(([t, n]) => `${t} ${prior.get(t) ?? 0}→${n}`).join(", ")}`,
            );
        }
      }
      console.log(
        `RESULT fuzz actions=${actions.length} inputs=${tally.calls} accepted=${tally.accepted} refused=${tally.refused} ` +
          `invalid_input=${tally.invalid} failures=${failures.length} seed=${SEED}`,
      );
      expect(failures).toEqual([]);
      expect(actions.length).toBeGreaterThan(90);
    },
    15 * 60_000,
  );
});
