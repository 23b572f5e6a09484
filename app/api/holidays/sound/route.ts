import { defineAction } from "@/lib/auth/action";
import { defineRoute } from "@/lib/auth/route";
import { SOUND_MAX_BYTES, soundUploadSchema } from "@/lib/calendars/holiday.schema";
import { storeHolidaySound } from "@/lib/calendars/holiday-mutations";

export const dynamic = "force-dynamic";

// A route handler rather than a server action: actions' bodies stop at 1 MB. Same helper, same
// permission, same schema as the actions, and the same result shape for the form.
const upload = defineAction("admin.access", soundUploadSchema, (input, user) => storeHolidaySound(user, input.file));

// Multipart framing around a 2 MB file stays well under this.
const MAX_BODY_BYTES = SOUND_MAX_BYTES + 64 * 1024;

export const POST = defineRoute(
  "admin.access",
  { maxBytes: MAX_BODY_BYTES, tooLarge: { error: "schedules.errors.soundTooLarge", field: "file" }, okStatus: 201 },
  async (ctx) => upload({ file: (await ctx.formData()).get("file") as File }),
);
