"use client";

import { useWatch, type UseFormReturn } from "react-hook-form";
import { isLanguageCode, languageName } from "@/lib/distribution/languages";
import { listValues, operatorsByElement, ruleElements, ruleNetworks, type RuleElement } from "@/lib/distribution/elements";
import type { DistributionGroupInput, DistributionGroupValues } from "@/lib/distribution/rule.schema";
import type { SkillChoices } from "@/lib/distribution/queries";
import { useLocale, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ReorderButtons } from "@/components/admin/reorder-buttons";

type Form = UseFormReturn<DistributionGroupInput, unknown, DistributionGroupValues>;

/** The value a rule starts with when its element is chosen (selects need a valid option). */
export function defaultValueFor(element: RuleElement): string {
  return element === "network" ? "twitter" : element === "private" ? "true" : "";
}

/** An empty select or number field is "not chosen": NaN fails validation with the field's message. */
const toNumber = (v: unknown) => (v === "" || v === null || v === undefined ? Number.NaN : Number(v));

/** One rule: «élément du message» + operator + value → skill group / skill and minimum level. */
export function RuleFields({
  form,
  index,
  count,
  skills,
  onMove,
  onRemove,
}: {
  form: Form;
  index: number;
  count: number;
  skills: SkillChoices;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const n = index + 1;
  const base = `rules.${index}` as const;
  const errors = form.formState.errors.rules?.[index];
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const [element, value, skillGroupId] = useWatch({
    control: form.control,
    name: [`${base}.element`, `${base}.value`, `${base}.skillGroupId`],
  });
  const groupSkills = skills.find((g) => g.id === skillGroupId)?.skills ?? [];
  const languages = element === "lang" ? listValues((value ?? "").toLowerCase()) : [];
  const languageNames =
    languages.length > 0 && languages.every(isLanguageCode) ? languages.map((c) => languageName(c, locale)).join(", ") : null;

  const elementField = form.register(`${base}.element`, {
    onChange: (e: { target: { value: RuleElement } }) => {
      // A new element brings its own operators and value format.
      form.setValue(`${base}.operator`, operatorsByElement[e.target.value][0]);
      form.setValue(`${base}.value`, defaultValueFor(e.target.value));
    },
  });
  const skillGroupField = form.register(`${base}.skillGroupId`, {
    setValueAs: toNumber,
    onChange: (e: { target: { value: string } }) => {
      const first = skills.find((g) => g.id === Number(e.target.value))?.skills[0];
      form.setValue(`${base}.skillId`, first?.id ?? Number.NaN);
    },
  });

  return (
    <fieldset className="space-y-3 rounded-panel border border-border p-4" data-testid="rule">
      <legend className="px-1 text-sm font-semibold">{t("distribution.rule.legend", { n })}</legend>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <ReorderButtons
          idPrefix="rule-move"
          index={index}
          count={count}
          onMove={onMove}
          upLabel={t("distribution.rule.moveUp", { n })}
          downLabel={t("distribution.rule.moveDown", { n })}
        />
        <Button size="sm" variant="ghost" onClick={onRemove}>
          {t("distribution.rule.removeNamed", { n })}
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label={t("distribution.rule.element")} htmlFor={`${base}.element`} error={msg(errors?.element?.message)} required>
          <Select {...elementField}>
            {ruleElements.map((el) => (
              <option key={el} value={el}>
                {t(`distribution.elements.${el}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("distribution.rule.operator")} htmlFor={`${base}.operator`} error={msg(errors?.operator?.message)} required>
          <Select key={element} {...form.register(`${base}.operator`)}>
            {operatorsByElement[element ?? "lang"].map((op) => (
              <option key={op} value={op}>
                {t(`distribution.operators.${op}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          label={t("distribution.rule.value")}
          htmlFor={`${base}.value`}
          error={msg(errors?.value?.message)}
          hint={
            languageNames
              ? t("distribution.rule.languages", { names: languageNames, count: languages.length })
              : t(`distribution.hints.${element ?? "lang"}`)
          }
          required
        >
          {element === "network" ? (
            <Select key={element} {...form.register(`${base}.value`)}>
              {ruleNetworks.map((net) => (
                <option key={net} value={net}>
                  {t(`distribution.networks.${net}`)}
                </option>
              ))}
            </Select>
          ) : element === "private" ? (
            <Select key={element} {...form.register(`${base}.value`)}>
              <option value="true">{t("distribution.privacy.true")}</option>
              <option value="false">{t("distribution.privacy.false")}</option>
            </Select>
          ) : (
            <Input
              key={element}
              autoComplete="off"
              inputMode={element === "followers" ? "numeric" : undefined}
              {...form.register(`${base}.value`)}
            />
          )}
        </FormField>
        <FormField
          label={t("distribution.rule.skillGroup")}
          htmlFor={`${base}.skillGroupId`}
          error={msg(errors?.skillGroupId?.message)}
          required
        >
          <Select placeholder={t("distribution.rule.chooseSkillGroup")} {...skillGroupField}>
            {skills.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("distribution.rule.skill")} htmlFor={`${base}.skillId`} error={msg(errors?.skillId?.message)} required>
          <Select
            key={skillGroupId}
            placeholder={t("distribution.rule.chooseSkill")}
            {...form.register(`${base}.skillId`, { setValueAs: toNumber })}
          >
            {groupSkills.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t("distribution.rule.minLevel")} htmlFor={`${base}.minLevel`} error={msg(errors?.minLevel?.message)} required>
          <Input type="number" min={1} max={10} step={1} {...form.register(`${base}.minLevel`, { setValueAs: toNumber })} />
        </FormField>
      </div>
    </fieldset>
  );
}
