import { defineAction, type ActionResult } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { SOUND_MAX_BYTES, soundUploadSchema } from "@/lib/calendars/holiday.schema";
import { storeHolidaySound } from "@/lib/calendars/holiday-mutations";
import { sameOrigin } from "@/lib/auth/same-origin";

export const dynamic = "force-dynamic";

// A route handler rather than a server action: actions' bodies stop at 1 MB. Same helper, same
// permission, same schema as the actions, and the same result shape for the form.
const upload = defineAction("admin.access", soundUploadSchema, (input, user) => storeHolidaySound(user, input.file));

// Multipart framing around a 2 MB file stays well under this.
const MAX_BODY_BYTES = SOUND_MAX_BYTES + 64 * 1024;

function reply(result: ActionResult<unknown>): Response {
  const status = result.ok ? 201 : result.error === "errors.unauthenticated" ? 401 : result.error === "errors.forbidden" ? 403 : result.error === "errors.unexpected" ? 500 : 400;
  return Response.json(result, { status });
}

export async function POST(request: Request): Promise<Response> {
  // Refused before the body is read: a user without the right cannot make the server buffer files.
  const user = await currentUser();
  if (!user) return reply({ ok: false, error: "errors.unauthenticated" });
  if (!can(user, "admin.access") || !sameOrigin(request)) return reply({ ok: false, error: "errors.forbidden" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ ok: false, error: "schedules.errors.soundTooLarge", fieldErrors: { file: ["schedules.errors.soundTooLarge"] } }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return reply({ ok: false, error: "errors.invalidInput", fieldErrors: { file: ["schedules.errors.soundMissing"] } });
  }
  return reply(await upload({ file: form.get("file") as File }));
}
