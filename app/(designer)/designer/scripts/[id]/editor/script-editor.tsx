"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ScriptModel } from "@/lib/scripts/model";
import { scriptModelSchema } from "@/lib/scripts/model";
import { InUseError } from "@/lib/scripts/ops";
import { validateForGeneration } from "@/lib/scripts/validate";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveDraftAction } from "../../../actions";
import { PagesPanel } from "./pages-panel";
import { PageCanvas } from "./page-canvas";
import { ObjectProperties } from "./object-properties";
import { ActionsPanel } from "./actions-panel";
import { describeIssues } from "./issues";

export type Edit = (change: (m: ScriptModel) => ScriptModel) => boolean;

/** The script editor: the model is edited in the browser and saved as a whole, with the draft lock. */
type CustomerFileInfo = Parameters<typeof validateForGeneration>[1];

export function ScriptEditor({
  id,
  initialModel,
  initialVersion,
  customerFile,
}: {
  id: number;
  initialModel: ScriptModel;
  initialVersion: number;
  customerFile: CustomerFileInfo;
}) {
  const t = useT();
  const { toast } = useToast();
  const [model, setModel] = useState(initialModel);
  // Edits are computed from the latest model synchronously, so a refusal can be caught here.
  const current = useRef(initialModel);
  const [version, setVersion] = useState(initialVersion);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [pageId, setPageId] = useState(initialModel.pages[0]?.id ?? "");
  const [selected, setSelected] = useState<string | null>(null);
  useUnsavedWarning(dirty);

  // Refusals (deleting something still used) come back as a toast naming the users.
  const edit: Edit = useCallback(
    (change) => {
      try {
        const next = change(current.current);
        current.current = next;
        setModel(next);
        setDirty(true);
        return true;
      } catch (err) {
        if (err instanceof InUseError) toast({ title: t("designer.editor.inUse", { users: err.users.join(", ") }), variant: "error" });
        else throw err;
        return false;
      }
    },
    [t, toast],
  );

  const problems = useMemo(() => validateForGeneration(model, customerFile), [model, customerFile]);
  const page = model.pages.find((p) => p.id === pageId) ?? model.pages[0];

  const save = useCallback(async () => {
    const parsed = scriptModelSchema.safeParse(model);
    if (!parsed.success) {
      toast({ title: t("designer.editor.invalid", { details: describeIssues(model, parsed.error.issues, t) }), variant: "error" });
      return;
    }
    setSaving(true);
    const result = await saveDraftAction({ id, draftVersion: version, model: parsed.data });
    setSaving(false);
    if (result.ok) {
      setVersion(result.data.draftVersion);
      setDirty(false);
      setConflict(null);
      toast({ title: t("designer.editor.saved"), variant: "success" });
    } else {
      const message = t(result.error as MessageKey, result.params);
      if (result.error === "designer.errors.conflict") setConflict(message);
      toast({ title: message, variant: "error" });
    }
  }, [id, model, t, toast, version]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={save} loading={saving}>
          {t("designer.editor.save")}
        </Button>
        <span className="text-sm text-fg-muted" aria-live="polite">
          {dirty ? t("designer.editor.unsaved") : t("designer.editor.upToDate")} · {t("designer.editor.draftVersion", { version })}
        </span>
        <Badge variant={problems.length ? "orange" : "green"} dot>
          {problems.length ? t("designer.editor.problems", { count: problems.length }) : t("designer.editor.noProblems")}
        </Badge>
      </div>
      {conflict ? (
        <p role="alert" className="rounded-control border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-fg">
          {conflict}
        </p>
      ) : null}
      {problems.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-fg-muted">{t("designer.generate.problemsTitle")}</summary>
          <ul className="mt-1 list-disc pl-6">
            {problems.map((p, i) => (
              <li key={i}>{t(`designer.problems.${p.code}`, p.params)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[13rem_minmax(0,1fr)_20rem]">
        <PagesPanel
          model={model}
          pageId={page?.id ?? ""}
          onSelect={(p) => {
            setPageId(p);
            setSelected(null);
          }}
          edit={edit}
        />
        {page ? <PageCanvas page={page} selected={selected} onSelect={setSelected} edit={edit} /> : <div />}
        <ObjectProperties model={model} objectId={selected} edit={edit} />
      </div>
      <ActionsPanel model={model} edit={edit} />
    </div>
  );
}
