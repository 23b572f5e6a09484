import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { getBlacklist, listBlacklistWords, wordSortable } from "@/lib/blacklists/queries";
import { databaseOptions } from "@/lib/databases/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListView } from "@/components/admin/list-page";
import { BlacklistForm } from "../blacklist-form";
import { ImportPanel } from "./import-panel";
import { AddWordForm, RemoveWordButton } from "./word-controls";

export default async function BlacklistPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const format = await getFormat();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const blacklist = await getBlacklist(id);
  if (!blacklist) notFound();
  const list = parseListParams(await searchParams, wordSortable);
  const [databases, words] = await Promise.all([databaseOptions(), listBlacklistWords(id, list)]);
  // An archived database stays shown as the current choice rather than silently changing.
  const options = databases.some((d) => d.id === blacklist.databaseId)
    ? databases
    : [...databases, { id: blacklist.databaseId, name: blacklist.databaseName }];
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            {t("blacklists.editTitle", { name: blacklist.name })} {blacklist.archivedAt ? <Badge>{t("adminCommon.archived")}</Badge> : null}
          </>
        }
      />
      <BlacklistForm
        blacklist={{ id, name: blacklist.name, databaseId: blacklist.databaseId, version: blacklist.updatedAt.toISOString() }}
        databases={options.map((d) => ({ id: d.id, name: d.name }))}
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("blacklists.import.title")}</CardTitle>
          <CardDescription>{t("blacklists.import.hint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ImportPanel blacklistId={id} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("blacklists.words")}</CardTitle>
          <CardDescription>{t("blacklists.matchingHint")}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <AddWordForm blacklistId={id} />
          <ListView
            params={list}
            page={words}
            empty={t("blacklists.wordsEmpty")}
            archivedToggle={false}
            columns={[
              { key: "word", header: t("blacklists.word"), sort: "word", className: "font-medium", cell: (w) => w.word },
              {
                key: "createdAt",
                header: t("blacklists.addedAt"),
                sort: "createdAt",
                className: "whitespace-nowrap",
                cell: (w) => format.dateTime(w.createdAt),
              },
            ]}
            rowActions={(w) => <RemoveWordButton blacklistId={id} wordId={w.id} word={w.word} />}
          />
        </CardContent>
      </Card>
    </div>
  );
}
