import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/auth/action";
import { defineRoute } from "@/lib/auth/route";
import { CONTACT_FIELDS } from "@/lib/agenda/contact-fields";
import { importContacts, MAX_CONTACT_IMPORT_BYTES, parseContactFile, trimContactReport } from "@/lib/agenda/contact-import";

const importSchema = z.object({
  addressBookId: z.coerce.number().int().positive(),
  file: z.instanceof(File, { message: "agenda.errors.file.missing" }),
  // The column → field mapping chosen in the preview, as JSON: ["last_name", null, "email", …].
  mapping: z.string().transform((s, ctx) => {
    try {
      const v = JSON.parse(s) as unknown;
      if (Array.isArray(v) && v.length <= 500 && v.every((f) => f === null || (CONTACT_FIELDS as readonly unknown[]).includes(f)))
        return v as ((typeof CONTACT_FIELDS)[number] | null)[];
    } catch {
      /* below */
    }
    ctx.addIssue({ code: "custom", message: "errors.invalidInput" });
    return z.NEVER;
  }),
});

// A route handler: server actions take 1 MB bodies, contact files up to 50 MB.
const importAction = defineAction("admin.access", importSchema, async ({ addressBookId, file, mapping }, user) => {
  if (file.size > MAX_CONTACT_IMPORT_BYTES) throw new ActionError("agenda.errors.file.tooLarge", { file: ["agenda.errors.file.tooLarge"] });
  // No mapping sent (no preview in the browser): the one guessed from the header line.
  const parsed = parseContactFile(file.name, new Uint8Array(await file.arrayBuffer()), mapping.length ? mapping : undefined);
  if ("problem" in parsed) {
    const key = `agenda.errors.file.${parsed.problem}`;
    throw new ActionError(key, { file: [key] }, parsed.field ? { field: parsed.field } : undefined);
  }
  const report = await importContacts(user, addressBookId, file.name, parsed);
  if (!report) throw new ActionError("adminCommon.errors.notFound");
  revalidatePath(`/admin/address-books/${addressBookId}`);
  return trimContactReport(report);
});

export const POST = defineRoute<{ id: string }>(
  "admin.access",
  { maxBytes: MAX_CONTACT_IMPORT_BYTES + 64 * 1024, tooLarge: { error: "agenda.errors.file.tooLarge", field: "file" } },
  async (ctx) => {
    const form = await ctx.formData();
    return importAction({ addressBookId: ctx.params.id, file: form.get("file") as File, mapping: String(form.get("mapping") ?? "[]") });
  },
);
