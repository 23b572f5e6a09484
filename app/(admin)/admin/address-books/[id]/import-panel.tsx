"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import { CONTACT_FIELDS, guessField, MAX_CONTACT_IMPORT_BYTES, previewRows, type ContactField } from "@/lib/agenda/contact-fields";
import type { ContactImportReport, ContactReportLine } from "@/lib/agenda/contact-import";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";

type SentReport = ContactImportReport & { omittedLines: number };
const variant: Record<ContactReportLine["outcome"], BadgeVariant> = {
  added: "green",
  duplicate: "neutral",
  existing: "neutral",
  refused: "red",
};

/** Uploads with XMLHttpRequest: fetch has no upload progress, and a 50 MB file takes a while. */
function upload(url: string, body: FormData, onProgress: (percent: number) => void): Promise<ActionResult<SentReport>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as ActionResult<SentReport>);
      } catch {
        resolve({ ok: false, error: "errors.unexpected" });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: "errors.unexpected" });
    xhr.send(body);
  });
}

/** Step 13's import: choose a file, map its columns (preview of its first lines), import, read the report. */
export function ContactImportPanel({ addressBookId }: { addressBookId: number }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<{ key: string; params?: Record<string, string | number> }>();
  const [preview, setPreview] = useState<string[][] | null>(null);
  const [mapping, setMapping] = useState<(ContactField | null)[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<SentReport | null>(null);

  async function onFile() {
    setError(undefined);
    setReport(null);
    const file = input.current?.files?.[0];
    if (!file) return setPreview(null);
    if (file.size > MAX_CONTACT_IMPORT_BYTES) {
      setPreview(null);
      return setError({ key: "agenda.errors.file.tooLarge" });
    }
    const rows = previewRows(await file.slice(0, 64 * 1024).text());
    setPreview(rows);
    const used = new Set<ContactField>();
    setMapping(
      (rows[0] ?? []).map((h) => {
        const f = guessField(h);
        if (!f || used.has(f)) return null;
        used.add(f);
        return f;
      }),
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError({ key: "agenda.errors.file.missing" });
    if (file.size > MAX_CONTACT_IMPORT_BYTES) return setError({ key: "agenda.errors.file.tooLarge" });
    setError(undefined);
    setReport(null);
    setProgress(0);
    const body = new FormData();
    body.append("file", file);
    body.append("mapping", JSON.stringify(mapping));
    const result = await upload(`/admin/address-books/${addressBookId}/import`, body, setProgress);
    setProgress(null);
    if (!result.ok) {
      setError({ key: result.fieldErrors?.file?.[0] ?? result.error, params: result.params });
      toast({ title: t(result.error as MessageKey, result.params), variant: "error" });
      return;
    }
    setReport(result.data);
    if (result.data.imported) {
      toast({ title: t("agenda.addressBooks.import.imported", { added: result.data.counts.added }), variant: "success" });
      router.refresh();
    }
  }

  const outcome = (l: ContactReportLine) =>
    l.outcome === "refused"
      ? t("agenda.addressBooks.import.outcome.refused", {
          reason: l.reason ? t(`agenda.addressBooks.import.reason.${l.reason}` as MessageKey) : "",
        })
      : t(`agenda.addressBooks.import.outcome.${l.outcome}`, { first: l.firstLine ?? "" });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormField
          label={t("agenda.addressBooks.import.file")}
          htmlFor="contact-file"
          error={error ? t(error.key as MessageKey, error.params) : undefined}
        >
          <input
            ref={input}
            type="file"
            name="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            className="text-sm file:mr-3 file:rounded-control file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5"
            onChange={onFile}
          />
        </FormField>
        {preview && preview.length > 0 ? (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">{t("agenda.addressBooks.import.preview")}</h3>
            <div className="overflow-x-auto">
              <Table>
                <THead>
                  <Tr>
                    <Th>{t("agenda.addressBooks.import.column")}</Th>
                    <Th>{t("agenda.addressBooks.import.field")}</Th>
                    <Th>{t("agenda.addressBooks.import.sample")}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {preview[0].map((header, i) => (
                    <Tr key={i}>
                      <Td className="font-medium">{header}</Td>
                      <Td>
                        <Select
                          aria-label={t("agenda.addressBooks.import.field") + " — " + header}
                          value={mapping[i] ?? ""}
                          onChange={(e) =>
                            setMapping((m) => m.map((v, j) => (j === i ? ((e.target.value || null) as ContactField | null) : v)))
                          }
                        >
                          <option value="">{t("agenda.addressBooks.import.ignore")}</option>
                          {CONTACT_FIELDS.map((f) => (
                            <option key={f} value={f}>
                              {t(`agenda.addressBooks.fields.${f}`)}
                            </option>
                          ))}
                        </Select>
                      </Td>
                      <Td className="max-w-xs truncate text-fg-muted">
                        {preview
                          .slice(1, 4)
                          .map((r) => r[i] ?? "")
                          .join(" · ")}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          </div>
        ) : null}
        {progress !== null ? (
          <div className="max-w-md space-y-1" role="status">
            <div className="h-2 overflow-hidden rounded-full bg-surface-muted">
              <div className="h-full bg-accent transition-all" style={{ width: `${progress}%` }} />
            </div>
            <p className="text-xs text-fg-muted">
              {progress < 100
                ? t("agenda.addressBooks.import.uploading", { percent: progress })
                : t("agenda.addressBooks.import.importing")}
            </p>
          </div>
        ) : null}
        <Button type="submit" loading={progress !== null}>
          {t("agenda.addressBooks.import.submit")}
        </Button>
      </form>
      {report ? (
        <section aria-label={t("agenda.addressBooks.import.reportTitle", { file: report.fileName })} className="space-y-3">
          <h3 className="text-sm font-semibold">{t("agenda.addressBooks.import.reportTitle", { file: report.fileName })}</h3>
          <p role="status" className={report.imported ? "text-sm" : "text-sm font-medium text-danger"}>
            {report.imported
              ? t("agenda.addressBooks.import.imported", { added: report.counts.added })
              : t("agenda.addressBooks.import.refused", { count: report.counts.refused })}
          </p>
          <ul className="flex flex-wrap gap-2 text-sm">
            {(report.imported ? (["added", "duplicate", "existing"] as const) : (["refused"] as const)).map((k) => (
              <li key={k}>
                <Badge variant={k === "added" ? "green" : k === "refused" ? "red" : "neutral"}>
                  {t(`agenda.addressBooks.import.counts.${k}`, { count: report.counts[k] })}
                </Badge>
              </li>
            ))}
          </ul>
          <Table>
            <THead>
              <Tr>
                <Th>{t("agenda.addressBooks.import.line")}</Th>
                <Th>{t("agenda.addressBooks.fields.last_name")}</Th>
                <Th>{t("agenda.addressBooks.import.result")}</Th>
              </Tr>
            </THead>
            <TBody>
              {report.lines.slice(0, 200).map((l) => (
                <Tr key={l.line}>
                  <Td>{l.line}</Td>
                  <Td className="break-all">{l.name}</Td>
                  <Td>
                    <Badge variant={variant[l.outcome]}>{outcome(l)}</Badge>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {report.omittedLines + Math.max(0, report.lines.length - 200) > 0 ? (
            <p className="text-sm text-fg-muted">
              {t("agenda.addressBooks.import.omitted", { count: report.omittedLines + Math.max(0, report.lines.length - 200) })}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
