"use client";

import { useState } from "react";
import type { ScriptModel } from "@/lib/scripts/model";
import type { Effect } from "@/lib/scripts/interpreter";
import { formatValue, type VariableValues } from "@/lib/scripts/variables";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ScriptRenderer } from "@/components/designer/script-renderer";

function sampleValues(model: ScriptModel): Record<string, string> {
  const values: Record<string, string> = { INDICE: "1", GUID_CONTACT_ID: "00000000-0000-4000-8000-000000000001" };
  for (const v of model.variables) values[v.name] = v.defaultValue;
  return values;
}

/** Runs a script as an agent would, with sample values; effects are listed, never performed. */
export function PreviewRunner({ model }: { model: ScriptModel }) {
  const t = useT();
  const [samples, setSamples] = useState(() => sampleValues(model));
  const [running, setRunning] = useState<{ key: number; values: VariableValues }>(() => ({ key: 0, values: sampleValues(model) }));
  const [effects, setEffects] = useState<Effect[]>([]);

  function describe(e: Effect): string {
    switch (e.type) {
      case "saveCustomerFile":
        return t("designer.preview.effects.saveCustomerFile", {
          values: Object.entries(e.values)
            .map(([k, v]) => `${k}=${formatValue(v)}`)
            .join(", "),
        });
      case "qualify":
        return e.detail
          ? t("designer.preview.effects.qualifyDetail", { status: e.status, detail: e.detail })
          : t("designer.preview.effects.qualify", { status: e.status });
      case "sendEmail":
        return t("designer.preview.effects.sendEmail", { template: e.template, to: e.to });
      case "bookAppointment":
        return t("designer.preview.effects.bookAppointment", { name: e.objectName, value: e.value });
      case "endConversation":
        return t("designer.preview.effects.endConversation");
    }
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <aside className="space-y-4">
        <section aria-labelledby="samples-title" className="space-y-2 rounded-panel border border-border bg-surface p-3">
          <h3 id="samples-title" className="text-sm font-semibold">
            {t("designer.preview.samples")}
          </h3>
          {Object.keys(samples).map((name) => (
            <div key={name}>
              <label htmlFor={`sample-${name}`} className="block font-mono text-xs">
                ${name}
              </label>
              <Input id={`sample-${name}`} value={samples[name]} onChange={(e) => setSamples((s) => ({ ...s, [name]: e.target.value }))} />
            </div>
          ))}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setEffects([]);
              setRunning((r) => ({ key: r.key + 1, values: { ...samples } }));
            }}
          >
            {t("designer.preview.restart")}
          </Button>
        </section>
        <section aria-labelledby="effects-title" className="space-y-2 rounded-panel border border-border bg-surface p-3">
          <h3 id="effects-title" className="text-sm font-semibold">
            {t("designer.preview.simulated")}
          </h3>
          {effects.length === 0 ? <p className="text-sm text-fg-muted">{t("designer.preview.noSimulated")}</p> : null}
          <ol className="list-decimal space-y-1 pl-5 text-sm" aria-live="polite" data-testid="simulated-commands">
            {effects.map((e, i) => (
              <li key={i}>{describe(e)}</li>
            ))}
          </ol>
        </section>
      </aside>
      <div className="rounded-panel border border-border bg-surface p-4">
        <ScriptRenderer
          key={running.key}
          model={model}
          variables={running.values}
          mode="preview"
          onCommand={(e) => setEffects((list) => [...list, e])}
        />
      </div>
    </div>
  );
}
