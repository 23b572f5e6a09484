import { revalidatePath } from "next/cache";
import { ActionError, defineAction, type ActionResult } from "@/lib/auth/action";
import { AuthError, requireUser } from "@/lib/auth/session";
import { importSchema } from "@/lib/blacklists/blacklist.schema";
import { MAX_IMPORT_BYTES, parseKeywordFile } from "@/lib/blacklists/parse";
import { importBlacklistWords, trimReport } from "@/lib/blacklists/import";
import { sameOrigin } from "@/lib/auth/same-origin";

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

function json(result: ActionResult<unknown>, status: number) {
  return Response.json(result, { status });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Checked before reading the body: nobody without the right makes the server parse 10 MB.
  try {
    await requireUser("admin.access");
  } catch (err) {
    if (err instanceof AuthError) return json({ ok: false, error: err.status === 401 ? "errors.unauthenticated" : "errors.forbidden" }, err.status);
    throw err;
  }
  if (!sameOrigin(request)) return json({ ok: false, error: "errors.forbidden" }, 403);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    return json({ ok: false, error: "blacklists.errors.file.tooLarge" }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, error: "blacklists.errors.file.missing" }, 400);
  }
  const result = await importAction({ blacklistId: (await params).id, file: form.get("file") as File });
  return json(result, result.ok ? 200 : result.error === "errors.forbidden" ? 403 : 400);
}
