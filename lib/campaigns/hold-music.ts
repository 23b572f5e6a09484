import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { campaignHoldMusic, campaigns } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { recordAudit, type AuditActor } from "@/lib/admin/audit";
import { soundUploadSchema, soundMimeTypes } from "@/lib/calendars/holiday.schema";
import { audioMimeType, cleanFileName, detectAudioFormat } from "@/lib/calendars/sound";

// Same rules as holiday sounds: wav/mp3/ogg, ≤ 2 MB, the content must match the declared type.
export const holdMusicUploadSchema = soundUploadSchema.extend({ campaignId: z.number().int().positive() });
export const holdMusicRemoveSchema = z.object({ campaignId: z.number().int().positive() });

async function lockCampaign(tx: Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0], campaignId: number) {
  const [campaign] = await tx
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.archivedAt)))
    .for("update");
  if (!campaign) throw new ActionError("adminCommon.errors.notFound");
  return campaign;
}

export async function storeHoldMusic(actor: AuditActor, campaignId: number, file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = detectAudioFormat(bytes);
  if (!format || format !== soundMimeTypes[file.type]) {
    throw new ActionError("schedules.errors.soundContent", { file: ["schedules.errors.soundContent"] });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    const values = {
      fileName: cleanFileName(file.name),
      mimeType: audioMimeType[format],
      size: bytes.byteLength,
      data: Buffer.from(bytes),
      updatedAt: new Date(),
    };
    await tx
      .insert(campaignHoldMusic)
      .values({ campaignId, ...values })
      .onConflictDoUpdate({ target: campaignHoldMusic.campaignId, set: values });
    await recordAudit(tx, actor, {
      action: "update",
      objectType: "campaign",
      objectId: campaignId,
      label: `${campaign.name} — hold music`,
      after: { holdMusic: values.fileName, size: values.size },
    });
    return { fileName: values.fileName, size: values.size, mimeType: values.mimeType };
  });
}

export async function removeHoldMusic(actor: AuditActor, campaignId: number) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    const removed = await tx
      .delete(campaignHoldMusic)
      .where(eq(campaignHoldMusic.campaignId, campaignId))
      .returning({ fileName: campaignHoldMusic.fileName });
    if (removed.length > 0) {
      await recordAudit(tx, actor, {
        action: "update",
        objectType: "campaign",
        objectId: campaignId,
        label: `${campaign.name} — hold music`,
        before: { holdMusic: removed[0].fileName },
        after: { holdMusic: null },
      });
    }
  });
}

export async function holdMusicInfo(campaignId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ fileName: campaignHoldMusic.fileName, size: campaignHoldMusic.size, updatedAt: campaignHoldMusic.updatedAt })
    .from(campaignHoldMusic)
    .where(eq(campaignHoldMusic.campaignId, campaignId));
  return row ?? null;
}

export async function getHoldMusic(campaignId: number) {
  const db = await getDb();
  const [row] = await db.select().from(campaignHoldMusic).where(eq(campaignHoldMusic.campaignId, campaignId));
  return row ?? null;
}
