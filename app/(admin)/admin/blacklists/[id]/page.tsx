import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { parseListParams } from "@/lib/admin/list";
import { getBlacklist, listBlacklistWords, wordSortable } from "@/lib/blacklists/queries";
import { databaseOptions } from "@/lib/databases/queries";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ListToolbar, Pager, SortHeader } from "@/components/admin/list-toolbar";
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
  const options = databases.some((d) => d.id === blacklist.databaseId) ? databases : [...databases, { id: blacklist.databaseId, name: blacklist.databaseName }];
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
          <ListToolbar params={list} showArchivedToggle={false} />
          {words.rows.length === 0 ? (
            <EmptyState title={list.q ? t("adminCommon.noResults") : t("blacklists.wordsEmpty")} />
          ) : (
            <Table>
              <THead>
                <Tr>
                  <Th>
                    <SortHeader params={list} column="word">
                      {t("blacklists.word")}
                    </SortHeader>
                  </Th>
                  <Th>
                    <SortHeader params={list} column="createdAt">
                      {t("blacklists.addedAt")}
                    </SortHeader>
                  </Th>
                  <Th>{t("common.actions")}</Th>
                </Tr>
              </THead>
              <TBody>
                {words.rows.map((w) => (
                  <Tr key={w.id}>
                    <Td className="font-medium">{w.word}</Td>
                    <Td className="whitespace-nowrap">{format.dateTime(w.createdAt)}</Td>
                    <Td>
                      <RemoveWordButton blacklistId={id} wordId={w.id} word={w.word} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          <Pager params={list} total={words.total} pageCount={words.pageCount} />
        </CardContent>
      </Card>
    </div>
  );
}
