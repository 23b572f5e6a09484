import { defineRoute } from "@/lib/auth/route";
import { getHolidaySound } from "@/lib/calendars/holiday-queries";

export const dynamic = "force-dynamic";

/** Plays a holiday's sound message in the administration pages. */
export const GET = defineRoute<{ id: string }>("admin.access", {}, async ({ params }) => {
  const id = Number(params.id);
  const sound = Number.isSafeInteger(id) && id > 0 ? await getHolidaySound(id) : null;
  if (!sound) return new Response("Not found", { status: 404 });
  const ascii = sound.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(sound.data), {
    headers: {
      // The stored type comes from the file's magic bytes, never from what the browser declared.
      "Content-Type": sound.mimeType,
      "Content-Length": String(sound.data.byteLength),
      "Content-Disposition": `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(sound.fileName)}`,
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
