import type { Db, Tx } from "@/db/client";
import { auditLog, type AuditAction } from "@/db/schema";

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
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, HIDDEN.test(k) ? "••••" : scrub(v)]),
    );
  }
  return value;
}

/** Records a configuration change in the caller's transaction: no change without its trace. */
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
}
