import type { Db, Tx } from "@/db/client";
import { auditLog, type AuditAction } from "@/db/schema";
import { configChangeOf } from "@/lib/events/config";
import { emit } from "@/lib/events/emit";

export interface AuditActor {
  id: number;
  login: string;
}

// Secrets and hashes never enter the audit trail, whatever object they belong to.
const HIDDEN = /password|secret|token|credential|hash/i;

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, HIDDEN.test(k) ? "••••" : scrub(v)]));
  }
  return value;
}

/**
 * Records a configuration change in the caller's transaction: no change without its trace.
 * Every audited change is also the domain event `relais/config.changed` naming the object,
 * emitted in the same transaction, so no configuration mutation can forget it; its listeners
 * work out what the change touches (which campaign summaries, lib/summary/dependents.ts).
 * Relais's own changes (the seed, a red campaign stopped by the summary run) are consequences
 * of changes already told, and emit nothing.
 */
export async function recordAudit(
  db: Db | Tx,
  actor: AuditActor,
  entry: { action: AuditAction; objectType: string; objectId: number | null; label: string; before?: unknown; after?: unknown },
): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.id || null, // 0 = Relais itself (install, migrations)
    userLogin: actor.login,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    objectLabel: entry.label,
    before: scrub(entry.before),
    after: scrub(entry.after),
  });
  if (actor.id) await emit(db, { name: "relais/config.changed", data: configChangeOf(entry) });
}
