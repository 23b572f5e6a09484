import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { campaigns, platforms, rootSettings } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { refuseIfStale, uniqueOr } from "@/lib/admin/errors";
import { updateWithLock } from "@/lib/admin/mutate";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secrets";
import type { platformSchema, platformUpdateSchema, rootSettingsSchema } from "./root.schema";

// Root configuration («ROOT»): publishing platforms, outgoing mail, default time zone.

export async function listPlatforms() {
  const db = await getDb();
  return db
    .select({
      id: platforms.id,
      name: platforms.name,
      twitterBaseUrl: platforms.twitterBaseUrl,
      facebookBaseUrl: platforms.facebookBaseUrl,
      updatedAt: platforms.updatedAt,
      campaigns: sql<number>`(select count(*)::int from campaigns c where c.platform_id = ${platforms.id} and c.archived_at is null)`,
    })
    .from(platforms)
    .orderBy(asc(platforms.name));
}

export async function getPlatform(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(platforms).where(eq(platforms.id, id));
  return row ?? null;
}

export async function createPlatform(actor: AuditActor, input: z.output<typeof platformSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const [row] = await tx.insert(platforms).values(input).returning();
      await recordAudit(tx, actor, { action: "create", objectType: "platform", objectId: row.id, label: row.name, after: row });
      return row;
    }),
  );
}

export async function updatePlatform(actor: AuditActor, input: z.output<typeof platformUpdateSchema>) {
  const db = await getDb();
  return uniqueOr("name", () =>
    db.transaction(async (tx) => {
      const { before, after } = await updateWithLock(tx, platforms, input.id, input.version, {
        name: input.name,
        twitterBaseUrl: input.twitterBaseUrl,
        facebookBaseUrl: input.facebookBaseUrl,
      });
      await recordAudit(tx, actor, { action: "update", objectType: "platform", objectId: after.id, label: after.name, before, after });
      return after;
    }),
  );
}

/** The root settings as the page may see them: the SMTP password only as a mask. */
export async function getRootSettings() {
  const db = await getDb();
  const [row] = await db.select().from(rootSettings).where(eq(rootSettings.id, 1));
  const { smtpPassword, ...plain } = row ?? {
    id: 1,
    smtpHost: "",
    smtpPort: 587,
    smtpUser: "",
    smtpPassword: null,
    smtpFrom: "",
    smtpTls: true,
    defaultTimeZone: "Europe/Paris",
    updatedAt: null,
  };
  // After a change of RELAIS_SECRET_KEY the stored password no longer decrypts: the page says so
  // (and asks for it again) instead of failing.
  let password = "";
  let smtpPasswordUnreadable = false;
  try {
    password = smtpPassword ? decryptSecret<string>(smtpPassword) : "";
  } catch {
    smtpPasswordUnreadable = true;
  }
  return {
    ...plain,
    smtpPasswordUnreadable,
    smtpPasswordSet: Boolean(password),
    smtpPasswordMasked: maskSecret(password),
    version: row ? row.updatedAt.toISOString() : undefined,
  };
}

export async function saveRootSettings(actor: AuditActor, input: z.output<typeof rootSettingsSchema>) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(rootSettings).where(eq(rootSettings.id, 1)).for("update");
    if (before) refuseIfStale(before.updatedAt, input.version);
    const values = {
      smtpHost: input.smtpHost,
      smtpPort: input.smtpPort,
      smtpUser: input.smtpUser,
      // An empty field keeps the stored password: the page never had it to send back.
      smtpPassword: input.smtpPassword ? encryptSecret(input.smtpPassword) : (before?.smtpPassword ?? null),
      smtpFrom: input.smtpFrom,
      smtpTls: input.smtpTls,
      defaultTimeZone: input.defaultTimeZone,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .insert(rootSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: rootSettings.id, set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      objectType: "root_settings",
      objectId: 1,
      label: "ROOT",
      before,
      after: { ...after, replacedFields: input.smtpPassword ? ["smtpPassword"] : [] },
    });
    return after;
  });
}

/** Campaigns (not archived) whose stored credentials no longer decrypt with the current key. */
export async function campaignsWithUnreadableCredentials(): Promise<{ id: number; name: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name, credentials: campaigns.credentials })
    .from(campaigns)
    .where(and(isNull(campaigns.archivedAt), isNotNull(campaigns.credentials)))
    .orderBy(asc(campaigns.name));
  return rows
    .filter((r) => {
      try {
        decryptSecret(r.credentials!);
        return false;
      } catch {
        return true;
      }
    })
    .map(({ id, name }) => ({ id, name }));
}
