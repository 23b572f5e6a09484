import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getScript, getScriptVersion, latestDevelopmentVersion, productionVersions } from "@/lib/scripts/queries";
import { getTranslator } from "@/lib/i18n/server";
import { Select } from "@/components/ui/select";
import { PreviewRunner } from "./preview-runner";

export default async function PreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  const script = await getScript(Number((await params).id));
  if (!script) notFound();
  const [versions, dev] = await Promise.all([productionVersions(script.id), latestDevelopmentVersion(script.id)]);
  const requested = Number((await searchParams).version);
  const version = Number.isInteger(requested) && requested > 0 ? await getScriptVersion(requested) : null;
  // A version id of another script is ignored: the draft is shown instead.
  const chosen = version && version.scriptId === script.id ? version : null;
  const model = chosen ? chosen.model : script.model;
  const key = chosen ? `v${chosen.id}` : `d${script.draftVersion}`;
  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold">{t("designer.preview.title")}</h2>
        <p className="text-sm text-fg-muted">{t("designer.preview.description")}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="preview-version" className="block text-xs font-medium">
            {t("designer.preview.source")}
          </label>
          <Select id="preview-version" name="version" defaultValue={chosen ? String(chosen.id) : ""} className="w-64">
            <option value="">{t("designer.preview.draft")}</option>
            {dev ? <option value={dev.id}>{t("designer.preview.development", { number: dev.number })}</option> : null}
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t("designer.preview.production", { number: v.number })}
              </option>
            ))}
          </Select>
        </div>
        <button type="submit" className="h-9 rounded-control border border-border-strong bg-surface px-3 text-sm hover:bg-surface-muted">
          {t("designer.preview.show")}
        </button>
      </form>
      <PreviewRunner key={key} model={model} />
    </div>
  );
}
