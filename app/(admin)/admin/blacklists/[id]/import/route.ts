import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/auth/action";
import { defineRoute } from "@/lib/auth/route";
import { importSchema } from "@/lib/blacklists/blacklist.schema";
import { MAX_IMPORT_BYTES, parseKeywordFile } from "@/lib/blacklists/parse";
import { importBlacklistWords, trimReport } from "@/lib/blacklists/import";

// A route handler rather than a server action: server actions take 1 MB bodies, keyword files
// up to 10 MB. The work itself still goes through defineAction (permission, zod, result).
const importAction = defineAction("admin.access", importSchema, async ({ blacklistId, file }, user) => {
  if (file.size > MAX_IMPORT_BYTES) throw new ActionError("blacklists.errors.file.tooLarge", { file: ["blacklists.errors.file.tooLarge"] });
  const parsed = parseKeywordFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if ("problem" in parsed) {
    const key = `blacklists.errors.file.${parsed.problem}`;
    throw new ActionError(key, { file: [key] });
  }
  const report = await importBlacklistWords(user, blacklistId, file.name, parsed);
  if (!report) throw new ActionError("adminCommon.errors.notFound");
  revalidatePath("/admin/blacklists");
  return trimReport(report);
});

export const POST = defineRoute<{ id: string }>(
  "admin.access",
  // Multipart framing around a 10 MB file stays well under this.
  { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, tooLarge: { error: "blacklists.errors.file.tooLarge", field: "file" } },
  async (ctx) => importAction({ blacklistId: ctx.params.id, file: (await ctx.formData()).get("file") as File }),
);
