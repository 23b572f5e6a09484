"use client";

import { useState } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { categories, type QualificationGroupInput, type QualificationGroupValues } from "@/lib/qualifications/qualification.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ReorderButtons } from "@/components/admin/reorder-buttons";

type Form = UseFormReturn<QualificationGroupInput, unknown, QualificationGroupValues>;

const categoryLabel = {
  positive: "qualification.categories.positive",
  argued: "qualification.categories.argued",
  not_argued: "qualification.categories.notArgued",
} as const;

export const emptyStatus = {
  code: "",
  label: "",
  category: "positive",
  benefit: "0",
  quotaValidation: false,
  quota: null,
  subStatuses: [],
} as const;

/** An empty number field is "no value"; anything else is parsed, NaN then fails validation. */
const optionalNumber = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

/** The «Qualifications» tab: ordered statuses, each with its details («Ajout détail»). */
export function StatusList({ form }: { form: Form }) {
  const t = useT();
  const statuses = useFieldArray({ control: form.control, name: "statuses", keyName: "key" });
  const [announcement, setAnnouncement] = useState("");
  const errors = form.formState.errors.statuses;
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <div className="space-y-4">
      {statuses.fields.length === 0 ? <p className="text-sm text-fg-muted">{t("qualifications.status.none")}</p> : null}
      <ol className="space-y-4">
        {statuses.fields.map((field, index) => (
          // Keyed by position too: the nested detail list re-reads its values after a move.
          <li key={`${field.key}:${index}`}>
            <StatusFields
              form={form}
              index={index}
              count={statuses.fields.length}
              onMove={(from, to) => {
                statuses.move(from, to);
                setAnnouncement(t("qualifications.moved", { n: to + 1 }));
              }}
              onRemove={() => statuses.remove(index)}
            />
          </li>
        ))}
      </ol>
      {listError ? (
        <p role="alert" className="text-xs font-medium text-danger">
          {t(listError as MessageKey)}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <Button
        variant="secondary"
        onClick={() => statuses.append({ ...emptyStatus, subStatuses: [] }, { focusName: `statuses.${statuses.fields.length}.code` })}
      >
        {t("qualifications.status.add")}
      </Button>
    </div>
  );
}

function StatusFields({
  form,
  index,
  count,
  onMove,
  onRemove,
}: {
  form: Form;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const n = index + 1;
  const base = `statuses.${index}` as const;
  const errors = form.formState.errors.statuses?.[index];
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const quotaValidation = useWatch({ control: form.control, name: `${base}.quotaValidation` });
  const code = useWatch({ control: form.control, name: `${base}.code` });
  const subs = useFieldArray({ control: form.control, name: `${base}.subStatuses`, keyName: "key" });
  return (
    <fieldset className="space-y-3 rounded-panel border border-border p-4" data-testid="status">
      <legend className="px-1 text-sm font-semibold">
        {t("qualifications.status.legend", { n })}
        {code ? ` — ${code}` : ""}
      </legend>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <ReorderButtons
          idPrefix="status-move"
          index={index}
          count={count}
          onMove={onMove}
          upLabel={t("qualifications.status.moveUp", { n })}
          downLabel={t("qualifications.status.moveDown", { n })}
        />
        <Button size="sm" variant="ghost" aria-label={t("qualifications.status.removeNamed", { n })} onClick={onRemove}>
          {t("qualifications.status.remove")}
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField label={t("qualifications.status.code")} htmlFor={`${base}.code`} error={msg(errors?.code?.message)} required>
          <Input autoComplete="off" {...form.register(`${base}.code`)} />
        </FormField>
        <FormField
          label={t("qualifications.status.label")}
          htmlFor={`${base}.label`}
          error={msg(errors?.label?.message)}
          required
          className="lg:col-span-2"
        >
          <Input autoComplete="off" {...form.register(`${base}.label`)} />
        </FormField>
        <FormField label={t("qualifications.status.category")} htmlFor={`${base}.category`} error={msg(errors?.category?.message)} required>
          <Select {...form.register(`${base}.category`)}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(categoryLabel[c])}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("qualifications.status.benefit")}
          htmlFor={`${base}.benefit`}
          error={msg(errors?.benefit?.message)}
          hint={t("qualifications.status.benefitHint")}
        >
          <Input inputMode="decimal" autoComplete="off" {...form.register(`${base}.benefit`)} />
        </FormField>
        <div className="flex items-end pb-2">
          <Checkbox
            label={t("qualifications.status.quotaValidation")}
            {...form.register(`${base}.quotaValidation`, {
              // An unticked quota is not used: clear it so a leftover value cannot block the save.
              onChange: (e: { target: { checked: boolean } }) => {
                if (!e.target.checked) form.setValue(`${base}.quota`, null);
              },
            })}
          />
        </div>
        <FormField
          label={t("qualifications.status.quota")}
          htmlFor={`${base}.quota`}
          error={msg(errors?.quota?.message)}
          hint={t("qualifications.status.quotaHint")}
        >
          <Input
            type="number"
            min={1}
            step={1}
            disabled={!quotaValidation}
            {...form.register(`${base}.quota`, { setValueAs: optionalNumber })}
          />
        </FormField>
      </div>
      <div className="space-y-2 border-t border-border pt-3">
        <p className="text-sm font-medium">{t("qualifications.sub.title")}</p>
        <ol className="space-y-2">
          {subs.fields.map((field, j) => {
            const subBase = `${base}.subStatuses.${j}` as const;
            const subErrors = errors?.subStatuses?.[j];
            const names = { n: j + 1, status: n };
            return (
              <li key={field.key}>
                <fieldset className="flex flex-wrap items-end gap-3" data-testid="sub-status">
                  <legend className="sr-only">{t("qualifications.sub.legend", names)}</legend>
                  <FormField
                    label={t("qualifications.sub.code")}
                    htmlFor={`${subBase}.code`}
                    error={msg(subErrors?.code?.message)}
                    required
                  >
                    <Input autoComplete="off" {...form.register(`${subBase}.code`)} />
                  </FormField>
                  <FormField
                    label={t("qualifications.sub.label")}
                    htmlFor={`${subBase}.label`}
                    error={msg(subErrors?.label?.message)}
                    required
                    className="min-w-64 flex-1"
                  >
                    <Input autoComplete="off" {...form.register(`${subBase}.label`)} />
                  </FormField>
                  <div className="flex gap-2 pb-0.5">
                    <ReorderButtons
                      idPrefix={`sub-move-${index}`}
                      index={j}
                      count={subs.fields.length}
                      onMove={(from, to) => subs.move(from, to)}
                      upLabel={t("qualifications.sub.moveUp", names)}
                      downLabel={t("qualifications.sub.moveDown", names)}
                    />
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t("qualifications.sub.removeNamed", names)}
                      onClick={() => subs.remove(j)}
                    >
                      {t("qualifications.status.remove")}
                    </Button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          size="sm"
          variant="secondary"
          aria-label={t("qualifications.sub.addNamed", { n })}
          onClick={() => subs.append({ code: "", label: "" }, { focusName: `${base}.subStatuses.${subs.fields.length}.code` })}
        >
          {t("qualifications.sub.add")}
        </Button>
      </div>
    </fieldset>
  );
}
