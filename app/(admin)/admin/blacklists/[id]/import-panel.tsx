"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import type { ImportReport } from "@/lib/blacklists/import";
import { MAX_IMPORT_BYTES } from "@/lib/blacklists/parse";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { ImportReportView } from "./import-report";

export type SentReport = ImportReport & { omittedLines: number };

/** Uploads a keyword file to the import route and shows its report. */
export function ImportPanel({ blacklistId }: { blacklistId: number }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<SentReport | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError("blacklists.errors.file.missing");
    // Checked here too so a too-large file is refused before minutes of uploading.
    if (file.size > MAX_IMPORT_BYTES) return setError("blacklists.errors.file.tooLarge");
    setError(undefined);
    setReport(null);
    setPending(true);
    const body = new FormData();
    body.append("file", file);
    let result: ActionResult<SentReport>;
    try {
      const response = await fetch(`/admin/blacklists/${blacklistId}/import`, { method: "POST", body });
      result = await response.json();
    } catch {
      // A session that expired meanwhile answers with the login page, not JSON.
      result = { ok: false, error: "errors.unexpected" };
    }
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?.file?.[0] ?? result.error);
      toast({ title: t(result.error as MessageKey, result.params), variant: "error" });
      return;
    }
    setReport(result.data);
    if (result.data.imported) {
      toast({ title: t("blacklists.import.imported", { added: result.data.counts.added }), variant: "success" });
      if (input.current) input.current.value = "";
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-3" noValidate>
        <FormField label={t("blacklists.import.file")} htmlFor="import-file" error={error ? t(error as MessageKey) : undefined}>
          <input
            ref={input}
            type="file"
            name="file"
            accept=".txt,.csv,text/plain,text/csv"
            className="text-sm file:mr-3 file:rounded-control file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5"
            onChange={() => setError(undefined)}
          />
        </FormField>
        <div>
          <Button type="submit" loading={pending}>
            {t("blacklists.import.submit")}
          </Button>
        </div>
      </form>
      {report ? <ImportReportView report={report} /> : null}
    </div>
  );
}
