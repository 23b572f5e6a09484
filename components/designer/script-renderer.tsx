"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ScriptModel } from "@/lib/scripts/model";
import { isVisible, runAction, setValue, startScript, type Effect, type RunError, type RunState } from "@/lib/scripts/interpreter";
import type { VariableValues } from "@/lib/scripts/variables";
import { orderedObjects } from "@/lib/scripts/ops";
import { useT } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import { ObjectView } from "./object-view";

export type ScriptRendererProps = {
  model: ScriptModel;
  /** Starting values of the variables (sample values in preview, the contact's in live). */
  variables: VariableValues;
  /** "preview": commands with effects are only reported; "live": the caller performs them. */
  mode: "preview" | "live";
  /** Receives every command with an effect outside the script, in order. */
  onCommand: (effect: Effect) => void | Promise<void>;
  onStateChange?: (state: RunState) => void;
  /**
   * Live mode: runs a button's action on the server (which re-runs it on the pinned version and
   * carries out its effects) and returns the resulting state, or null when it refused (the caller
   * says why). Without it, actions run here and effects go to `onCommand`.
   */
  runRemote?: (state: RunState, actionId: string) => Promise<{ state: RunState; error?: RunError } | null>;
  /**
   * Live mode: what an agenda object shows instead of a date field (the workspace's booking
   * panel). It receives the object's value and sets it once an appointment is booked.
   */
  renderAgenda?: AgendaSlot;
};

export type AgendaSlot = (props: { name: string; value: string; onChange: (value: string) => void; inert: boolean }) => ReactNode;

/**
 * The one script renderer: the designer's preview and the agent workspace both run scripts
 * through it, so an agent sees exactly what the designer tested. Remount it (key) to restart.
 */
export function ScriptRenderer({ model, variables, mode, onCommand, onStateChange, runRemote, renderAgenda }: ScriptRendererProps) {
  const t = useT();
  const idPrefix = useId().replace(/:/g, "");
  const [start] = useState(() => startScript(model, variables));
  const [state, setState] = useState<RunState>(start.state);
  const [error, setError] = useState<RunError | undefined>(start.error);
  const commandRef = useRef(onCommand);
  useEffect(() => {
    commandRef.current = onCommand;
  });
  // Effects of the first page's event are reported once, after mount (not during render, and
  // not twice when React re-runs effects in development).
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current) return;
    reported.current = true;
    for (const e of start.effects) void commandRef.current(e);
  }, [start]);
  useEffect(() => {
    onStateChange?.(state);
  }, [state, onStateChange]);

  const page = model.pages.find((p) => p.id === state.pageId);
  const problems = error?.code === "invalidFields" ? error.fields : {};

  const [busy, setBusy] = useState(false);
  async function press(actionId: string | null) {
    if (!actionId) return;
    if (runRemote) {
      if (busy) return;
      setBusy(true);
      try {
        const remote = await runRemote(state, actionId);
        if (remote) {
          setState(remote.state);
          setError(remote.error);
        }
      } finally {
        setBusy(false);
      }
      return;
    }
    const result = runAction(model, state, actionId);
    setState(result.state);
    setError(result.error);
    for (const e of result.effects) void onCommand(e);
  }

  if (!page) return <p className="text-sm text-fg-muted">{t("designer.renderer.noPage")}</p>;
  const visible = orderedObjects(page).filter((o) => isVisible(o, state.values));

  return (
    <section aria-labelledby={`${idPrefix}-title`} className="space-y-4" data-mode={mode} aria-busy={busy}>
      <div className="flex items-center gap-2">
        <h2 id={`${idPrefix}-title`} className="text-base font-semibold">
          {page.name}
        </h2>
        {mode === "preview" ? <Badge variant="accent">{t("designer.renderer.previewBadge")}</Badge> : null}
      </div>
      {error ? (
        <p role="alert" className="rounded-control border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-fg">
          {error.code === "invalidFields"
            ? t("designer.renderer.fixFields", { fields: Object.keys(error.fields).join(", ") })
            : t(`designer.renderer.errors.${error.code}`)}
        </p>
      ) : null}
      {state.ended ? <p className="text-sm font-medium text-fg">{t("designer.renderer.ended")}</p> : null}
      <div className="grid grid-cols-12 gap-3">
        {visible.map((o) => (
          <div
            key={o.id}
            style={{ gridColumn: `${o.layout.col + 1} / span ${o.layout.width}`, gridRow: o.layout.row + 1 }}
            className="min-w-0"
          >
            <ObjectView
              object={o}
              idPrefix={idPrefix}
              value={state.values[o.name]}
              values={state.values}
              problem={problems[o.name] ?? null}
              inert={state.ended || busy}
              onChange={(v) => setState((s) => setValue(s, o.name, v))}
              onPress={() => void press(o.actionId)}
              renderAgenda={mode === "live" ? renderAgenda : undefined}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
