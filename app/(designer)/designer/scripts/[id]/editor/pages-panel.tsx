"use client";

import { addPage, deletePage, movePage, updatePage } from "@/lib/scripts/ops";
import type { ScriptModel } from "@/lib/scripts/model";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import type { Edit } from "./script-editor";

/** Pages of the script: the first one is where the script starts. */
export function PagesPanel({
  model,
  pageId,
  onSelect,
  edit,
}: {
  model: ScriptModel;
  pageId: string;
  onSelect: (id: string) => void;
  edit: Edit;
}) {
  const t = useT();
  const page = model.pages.find((p) => p.id === pageId);
  const index = model.pages.findIndex((p) => p.id === pageId);

  function add() {
    let created = "";
    const ok = edit((m) => {
      const r = addPage(m, t("designer.editor.defaultPageName", { n: m.pages.length + 1 }));
      created = r.pageId;
      return r.model;
    });
    if (ok) onSelect(created);
  }

  return (
    <section aria-labelledby="pages-title" className="space-y-3 rounded-panel border border-border bg-surface p-3">
      <h2 id="pages-title" className="text-sm font-semibold">
        {t("designer.editor.pages")}
      </h2>
      <ol className="space-y-1">
        {model.pages.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              onClick={() => onSelect(p.id)}
              aria-current={p.id === pageId ? "true" : undefined}
              className={cn(
                "w-full rounded-control px-2 py-1 text-left text-sm",
                p.id === pageId ? "bg-accent-soft font-medium text-accent-soft-fg" : "hover:bg-surface-muted",
              )}
            >
              {i + 1}. {p.name}
              {i === 0 ? <span className="sr-only"> ({t("designer.editor.startPage")})</span> : null}
            </button>
          </li>
        ))}
      </ol>
      <Button size="sm" variant="secondary" onClick={add} className="w-full">
        {t("designer.editor.addPage")}
      </Button>
      {page ? (
        <div className="space-y-2 border-t border-border pt-3">
          <label className="block text-xs font-medium" htmlFor="page-name">
            {t("designer.editor.pageName")}
          </label>
          <Input
            id="page-name"
            value={page.name}
            maxLength={80}
            onChange={(e) => edit((m) => updatePage(m, page.id, { name: e.target.value }))}
          />
          <label className="block text-xs font-medium" htmlFor="page-on-enter">
            {t("designer.editor.onEnter")}
          </label>
          <Select
            id="page-on-enter"
            value={page.onEnter ?? ""}
            onChange={(e) => edit((m) => updatePage(m, page.id, { onEnter: e.target.value || null }))}
          >
            <option value="">{t("designer.editor.none")}</option>
            {model.actions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
          <div className="flex flex-wrap gap-1">
            <Button
              size="sm"
              variant="ghost"
              disabled={index <= 0}
              onClick={() => edit((m) => movePage(m, page.id, -1))}
              aria-label={t("designer.editor.moveUpNamed", { name: page.name })}
            >
              ↑ {t("designer.editor.moveUp")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={index >= model.pages.length - 1}
              onClick={() => edit((m) => movePage(m, page.id, 1))}
              aria-label={t("designer.editor.moveDownNamed", { name: page.name })}
            >
              ↓ {t("designer.editor.moveDown")}
            </Button>
          </div>
          {model.pages.length > 1 ? (
            <ConfirmDialog
              title={t("designer.editor.confirmDeletePage", { name: page.name })}
              message={t("designer.editor.deletePage")}
              confirmLabel={t("designer.editor.deletePage")}
              trigger={
                <Button size="sm" variant="ghost" className="text-danger">
                  {t("designer.editor.deletePage")}
                </Button>
              }
              onConfirm={() => {
                const remaining = model.pages.filter((p) => p.id !== page.id);
                if (edit((m) => deletePage(m, page.id))) onSelect(remaining[0].id);
              }}
            />
          ) : (
            <p className="text-xs text-fg-muted">{t("designer.editor.lastPage")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
