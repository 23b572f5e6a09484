"use client";

import { useState, type KeyboardEvent } from "react";
import { objectKinds, type ObjectKind, type ScriptPage } from "@/lib/scripts/model";
import { addObject, deleteObject, moveObject, orderedObjects } from "@/lib/scripts/ops";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import { ObjectView } from "@/components/designer/object-view";
import type { Edit } from "./script-editor";

/**
 * The page's objects on the 12-column grid. Objects are shown inert; each one's overlay button
 * selects it, and the move/resize buttons (or Alt + arrows) place it: no mouse needed.
 */
export function PageCanvas({
  page,
  selected,
  onSelect,
  edit,
}: {
  page: ScriptPage;
  selected: string | null;
  onSelect: (id: string | null) => void;
  edit: Edit;
}) {
  const t = useT();
  const [kind, setKind] = useState<ObjectKind>("input");
  const current = page.objects.find((o) => o.id === selected) ?? null;

  function add() {
    let created = "";
    if (
      edit((m) => {
        // A text's body is its content; a heading above it would only repeat the kind.
        const r = addObject(m, page.id, kind, kind === "label" ? "" : t(`designer.editor.kinds.${kind}`));
        created = r.objectId;
        return r.model;
      })
    )
      onSelect(created);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!current || !e.altKey) return;
    const d = e.shiftKey
      ? { ArrowLeft: { width: -1 }, ArrowRight: { width: 1 } }[e.key]
      : { ArrowLeft: { col: -1 }, ArrowRight: { col: 1 }, ArrowUp: { row: -1 }, ArrowDown: { row: 1 } }[e.key];
    if (!d) return;
    e.preventDefault();
    edit((m) => moveObject(m, current.id, d));
  }

  const move = (d: { row?: number; col?: number; width?: number }) => current && edit((m) => moveObject(m, current.id, d));

  return (
    <section
      aria-labelledby="canvas-title"
      className="min-w-0 space-y-3 rounded-panel border border-border bg-surface p-3"
      onKeyDown={onKeyDown}
    >
      <h2 id="canvas-title" className="text-sm font-semibold">
        {t("designer.editor.objectsOf", { page: page.name })}
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="new-object-kind" className="block text-xs font-medium">
            {t("designer.editor.objectKind")}
          </label>
          <Select id="new-object-kind" value={kind} onChange={(e) => setKind(e.target.value as ObjectKind)} className="w-56">
            {objectKinds.map((k) => (
              <option key={k} value={k}>
                {t(`designer.editor.kinds.${k}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button variant="secondary" onClick={add}>
          {t("designer.editor.addObject")}
        </Button>
      </div>
      {current ? (
        <div role="toolbar" aria-label={current.name} className="flex flex-wrap items-center gap-1 rounded-control bg-surface-muted p-1">
          <span className="px-2 text-xs font-medium">{current.name}</span>
          <Button size="sm" variant="ghost" onClick={() => move({ col: -1 })}>
            ← {t("designer.editor.moveLeft")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => move({ col: 1 })}>
            → {t("designer.editor.moveRight")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => move({ row: -1 })}>
            ↑ {t("designer.editor.moveUpObject")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => move({ row: 1 })}>
            ↓ {t("designer.editor.moveDownObject")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => move({ width: 1 })}>
            {t("designer.editor.wider")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => move({ width: -1 })}>
            {t("designer.editor.narrower")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="text-danger"
            onClick={() => edit((m) => deleteObject(m, current.id)) && onSelect(null)}
          >
            {t("designer.editor.deleteObject")}
          </Button>
        </div>
      ) : null}
      <p className="text-xs text-fg-muted">{t("designer.editor.keyboardHint")}</p>
      {page.objects.length === 0 ? (
        <p className="rounded-control border border-dashed border-border-strong p-6 text-center text-sm text-fg-muted">
          {t("designer.editor.emptyPage")}
        </p>
      ) : (
        <ol className="grid grid-cols-12 gap-2" aria-label={t("designer.editor.objectsOf", { page: page.name })}>
          {orderedObjects(page).map((o) => (
            <li
              key={o.id}
              className={cn(
                "relative min-w-0 rounded-control border p-2",
                o.id === selected ? "border-accent ring-2 ring-accent/40" : "border-border",
              )}
              style={{ gridColumn: `${o.layout.col + 1} / span ${o.layout.width}`, gridRow: o.layout.row + 1 }}
            >
              <div className="pointer-events-none" aria-hidden="true">
                <span className="mb-1 block text-[10px] font-mono text-fg-muted">{o.name}</span>
                <ObjectView object={o} idPrefix="canvas" value={undefined} values={{}} inert />
              </div>
              <button
                type="button"
                className="absolute inset-0 rounded-control focus-visible:outline-2 focus-visible:outline-accent"
                aria-pressed={o.id === selected}
                aria-label={`${t("designer.editor.select", { name: o.name })} — ${t(`designer.editor.kinds.${o.kind}`)}, ${t("designer.editor.position", { row: o.layout.row + 1, col: o.layout.col + 1, width: o.layout.width })}`}
                onClick={() => onSelect(o.id)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
