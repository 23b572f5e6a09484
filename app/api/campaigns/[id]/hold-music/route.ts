import { defineAction, type ActionResult } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { SOUND_MAX_BYTES } from "@/lib/calendars/holiday.schema";
import { getHoldMusic, holdMusicRemoveSchema, holdMusicUploadSchema, removeHoldMusic, storeHoldMusic } from "@/lib/campaigns/hold-music";
import { sameOrigin } from "@/lib/auth/same-origin";

export const dynamic = "force-dynamic";

// A route handler because server actions stop at 1 MB; the same helper, permission and schema.
const upload = defineAction("admin.access", holdMusicUploadSchema, (input, user) => storeHoldMusic(user, input.campaignId, input.file));
const remove = defineAction("admin.access", holdMusicRemoveSchema, (input, user) => removeHoldMusic(user, input.campaignId));

const MAX_BODY_BYTES = SOUND_MAX_BYTES + 64 * 1024;

function reply(result: ActionResult<unknown>, okStatus = 200): Response {
  const status = result.ok ? okStatus : result.error === "errors.unauthenticated" ? 401 : result.error === "errors.forbidden" ? 403 : result.error === "errors.unexpected" ? 500 : 400;
  return Response.json(result, { status });
}

async function guard(request: Request): Promise<Response | null> {
  const user = await currentUser();
  if (!user) return reply({ ok: false, error: "errors.unauthenticated" });
  if (!can(user, "admin.access") || !sameOrigin(request)) return reply({ ok: false, error: "errors.forbidden" });
  return null;
}

const campaignIdOf = async (params: Promise<{ id: string }>) => Number((await params).id);

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  // Refused before the body is read: a user without the right cannot make the server buffer files.
  const refused = await guard(request);
  if (refused) return refused;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ ok: false, error: "schedules.errors.soundTooLarge", fieldErrors: { file: ["schedules.errors.soundTooLarge"] } }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply({ ok: false, error: "errors.invalidInput", fieldErrors: { file: ["schedules.errors.soundMissing"] } });
  }
  return reply(await upload({ campaignId: await campaignIdOf(params), file: form.get("file") as File }), 201);
}

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = await guard(request);
  if (refused) return refused;
  return reply(await remove({ campaignId: await campaignIdOf(params) }));
}

/** Plays the hold music in the campaign page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = await guard(request);
  if (refused) return new Response(refused.status === 401 ? "Not signed in" : "Forbidden", { status: refused.status });
  const id = await campaignIdOf(params);
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
}
