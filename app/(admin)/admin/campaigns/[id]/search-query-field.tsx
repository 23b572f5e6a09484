"use client";

import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { parseQuery } from "@/lib/networks/twitter/query";
import type { SearchPreview } from "@/lib/campaigns/connection";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { previewSearchAction } from "../actions";

/**
 * The X keyword search: checked as typed with the parser the simulator searches with (the error
 * points at its position), and a preview of what it would find now, without saving anything.
 */
export function SearchQueryField({
  campaignId,
  query,
  error,
  registration,
}: {
  campaignId: number;
  query: string;
  error?: string;
  registration: UseFormRegisterReturn;
}) {
  const t = useT();
  const format = useFormat();
  const report = useActionFeedback();
  const [preview, setPreview] = useState<SearchPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const parsed = query.trim() ? parseQuery(query.trim()) : null;
  const syntax = parsed && !parsed.ok ? parsed : null;

  async function run() {
    setLoading(true);
    setPreview(null);
    const result = await previewSearchAction({ id: campaignId, searchQuery: query });
    setLoading(false);
    if (report(result)) setPreview(result.data);
  }

  return (
    <div className="space-y-2">
      <FormField
        label={t("campaigns.reception.searchQuery")}
        htmlFor="searchQuery"
        error={syntax ? t("campaigns.reception.queryError", { position: syntax.position + 1, error: syntax.error }) : error}
        hint={t("campaigns.reception.searchQueryHint")}
      >
        <Textarea rows={2} spellCheck={false} className="font-mono" {...registration} />
      </FormField>
      {syntax ? (
        <pre aria-hidden className="overflow-x-auto text-xs text-fg-muted">
          {query.trim()}
          {"\n"}
          {" ".repeat(syntax.position)}^
        </pre>
      ) : null}
      <Button type="button" size="sm" variant="secondary" loading={loading} disabled={!parsed || Boolean(syntax)} onClick={run}>
        {t("campaigns.reception.preview")}
      </Button>
      {preview ? (
        <div role="status" className="space-y-2 rounded-control border border-border p-3 text-sm">
          {!preview.ok ? (
            <p className="text-danger">
              {t(`campaigns.connection.kinds.${preview.kind}` as MessageKey)} — {preview.message}
            </p>
          ) : preview.results.length === 0 ? (
            <p>{t("campaigns.reception.previewEmpty")}</p>
          ) : (
            <>
              <p className="font-medium">{t("campaigns.reception.previewCount", { count: preview.results.length })}</p>
              <ul className="divide-y divide-border">
                {preview.results.map((r) => (
                  <li key={r.id} className="py-1.5">
                    <p className="text-xs text-fg-muted">
                      {r.name} @{r.handle} · {format.dateTime(r.createdAt)}
                    </p>
                    <p className="whitespace-pre-wrap">{r.text}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
