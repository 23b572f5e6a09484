import { defineAction } from "@/lib/auth/action";
import { defineRoute } from "@/lib/auth/route";
import { SOUND_MAX_BYTES } from "@/lib/calendars/holiday.schema";
import { getHoldMusic, holdMusicRemoveSchema, holdMusicUploadSchema, removeHoldMusic, storeHoldMusic } from "@/lib/campaigns/hold-music";

export const dynamic = "force-dynamic";

// A route handler because server actions stop at 1 MB; the same helper, permission and schema.
const upload = defineAction("admin.access", holdMusicUploadSchema, (input, user) => storeHoldMusic(user, input.campaignId, input.file));
const remove = defineAction("admin.access", holdMusicRemoveSchema, (input, user) => removeHoldMusic(user, input.campaignId));

const MAX_BODY_BYTES = SOUND_MAX_BYTES + 64 * 1024;

type Params = { id: string };

export const POST = defineRoute<Params>(
  "admin.access",
  { maxBytes: MAX_BODY_BYTES, tooLarge: { error: "schedules.errors.soundTooLarge", field: "file" }, okStatus: 201 },
  async (ctx) => upload({ campaignId: Number(ctx.params.id), file: (await ctx.formData()).get("file") as File }),
);

export const DELETE = defineRoute<Params>("admin.access", {}, ({ params }) => remove({ campaignId: Number(params.id) }));

/** Plays the hold music in the campaign page. */
export const GET = defineRoute<Params>("admin.access", {}, async ({ params }) => {
  const id = Number(params.id);
  const music = Number.isSafeInteger(id) && id > 0 ? await getHoldMusic(id) : null;
  if (!music) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(music.data), {
    headers: {
      "Content-Type": music.mimeType,
      "Content-Length": String(music.data.byteLength),
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
