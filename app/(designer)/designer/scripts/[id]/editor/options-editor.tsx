"use client";

import type { ScriptObject } from "@/lib/scripts/model";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Choices of a list, radio group or objection list. */
export function OptionsEditor({ object, set }: { object: ScriptObject; set: (patch: Partial<ScriptObject>) => void }) {
  const t = useT();
  const options = object.options;
  const update = (i: number, patch: Partial<(typeof options)[number]>) =>
    set({ options: options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  return (
    <fieldset className="space-y-2 border-t border-border pt-3">
      <legend className="pr-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">{t("designer.props.options")}</legend>
      {options.map((opt, i) => (
        <div key={i} className="flex items-center gap-1">
          <Input
            aria-label={`${t("designer.props.optionValue")} ${i + 1}`}
            placeholder={t("designer.props.optionValue")}
            value={opt.value}
            onChange={(e) => update(i, { value: e.target.value })}
          />
          <Input
            aria-label={`${t("designer.props.optionLabel")} ${i + 1}`}
            placeholder={t("designer.props.optionLabel")}
            value={opt.label}
            onChange={(e) => update(i, { label: e.target.value })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("designer.props.removeOption", { n: i + 1 })}
            onClick={() => set({ options: options.filter((_, j) => j !== i) })}
          >
            ×
          </Button>
        </div>
      ))}
      <Button size="sm" variant="secondary" onClick={() => set({ options: [...options, { value: `${options.length + 1}`, label: "" }] })}>
        {t("designer.props.addOption")}
      </Button>
    </fieldset>
  );
}
