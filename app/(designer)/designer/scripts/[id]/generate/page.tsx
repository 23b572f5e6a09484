import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { getScript, latestDevelopmentVersion, productionVersions } from "@/lib/scripts/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { GenerateForm } from "./generate-form";

export default async function GeneratePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("designer.access");
  const { t } = await getTranslator();
  const script = await getScript(Number((await params).id));
  if (!script) notFound();
  const [versions, dev] = await Promise.all([productionVersions(script.id), latestDevelopmentVersion(script.id)]);
  const format = await getFormat();
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">{t("designer.generate.title")}</h2>
        <p className="text-sm text-fg-muted">{t("designer.generate.description")}</p>
        <p className="text-sm text-fg-muted">{t("designer.generate.unsavedNote", { version: script.draftVersion })}</p>
      </div>
      <GenerateForm id={script.id} draftVersion={script.draftVersion} />
      {dev ? (
        <p className="text-sm">
          {t("designer.generate.development_", { number: dev.number })} —{" "}
          <Link className="underline" href={`/designer/scripts/${script.id}/preview?version=${dev.id}`}>
            {t("designer.generate.preview")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="versions-title" className="space-y-2">
        <h3 id="versions-title" className="text-sm font-semibold">
          {t("designer.generate.versions")}
        </h3>
        {versions.length === 0 ? (
          <EmptyState title={t("designer.generate.noVersions")} />
        ) : (
          <Table>
            <THead>
              <Tr>
                <Th>{t("designer.generate.version")}</Th>
                <Th>{t("designer.generate.createdAt")}</Th>
                <Th>{t("designer.generate.createdBy")}</Th>
                <Th>{t("common.actions")}</Th>
              </Tr>
            </THead>
            <TBody>
              {versions.map((v) => (
                <Tr key={v.id}>
                  <Td className="font-medium">{t("designer.preview.production", { number: v.number })}</Td>
                  <Td>{format.dateTime(v.createdAt, { style: "dateTimeSeconds" })}</Td>
                  <Td>{v.createdBy ?? "—"}</Td>
                  <Td>
                    <Link className="underline" href={`/designer/scripts/${script.id}/preview?version=${v.id}`}>
                      {t("designer.generate.preview")}
                    </Link>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
