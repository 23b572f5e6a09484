"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

const Q = 96;
const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;

/**
 * The schedule's week as quarter hours (manual step 14, «Général»): click or drag to grey out,
 * again to make available. A grid with one tab stop (roving focus): arrows move, Space toggles.
 */
export function WeekGrid({ value, onChange, label }: { value: number[]; onChange: (greyed: number[]) => void; label: string }) {
  const t = useT();
  const greyed = useMemo(() => new Set(value), [value]);
  const [wholeDay, setWholeDay] = useState(false);
  const first = wholeDay ? 0 : 28;
  const last = wholeDay ? Q : 84;
  const [focus, setFocus] = useState({ day: 0, q: 36 });
  const paint = useRef<{ grey: boolean; cells: Set<number> } | null>(null);
  // What the drag paints, for rendering (the ref is what the event handlers read).
  const [draft, setDraft] = useState<{ grey: boolean; cells: Set<number> } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const up = () => {
      if (!paint.current) return;
      const { grey, cells } = paint.current;
      paint.current = null;
      setDraft(null);
      const next = new Set(greyed);
      for (const c of cells) {
        if (grey) next.add(c);
        else next.delete(c);
      }
      onChange([...next].sort((a, b) => a - b));
    };
    window.addEventListener("pointerup", up);
    return () => window.removeEventListener("pointerup", up);
  }, [greyed, onChange]);

  const isGrey = (cell: number) => {
    if (draft && draft.cells.has(cell)) return draft.grey;
    return greyed.has(cell);
  };
  const toggle = (cell: number) => {
    const next = new Set(greyed);
    if (next.has(cell)) next.delete(cell);
    else next.add(cell);
    onChange([...next].sort((a, b) => a - b));
  };
  const move = (day: number, q: number) => {
    const d = Math.max(0, Math.min(6, day));
    const qq = Math.max(first, Math.min(last - 1, q));
    setFocus({ day: d, q: qq });
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${d * Q + qq}"]`)?.focus();
  };
  const days = [0, 1, 2, 3, 4, 5, 6];
  const rows = Array.from({ length: last - first }, (_, i) => first + i);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button type="button" variant="secondary" size="sm" onClick={() => setWholeDay((w) => !w)}>
          {wholeDay ? t("agenda.schedules.grid.workingHours") : t("agenda.schedules.grid.wholeDay")}
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => onChange(Array.from({ length: 7 * Q }, (_, i) => i))}>
          {t("agenda.schedules.grid.greyAll")}
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => onChange([])}>
          {t("agenda.schedules.grid.clearAll")}
        </Button>
        <span className="ml-auto flex items-center gap-3 text-fg-muted">
          <span className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm border border-border bg-surface" /> {t("agenda.schedules.grid.legendFree")}
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm bg-fg-muted/40" /> {t("agenda.schedules.grid.legendGreyed")}
          </span>
        </span>
      </div>
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        className="grid select-none overflow-hidden rounded-md border border-border text-xs"
        style={{ gridTemplateColumns: "3.5rem repeat(7, minmax(0, 1fr))" }}
      >
        <div role="row" className="contents">
          <div role="columnheader" className="bg-surface-muted p-1" />
          {days.map((d) => (
            <div role="columnheader" key={d} className="bg-surface-muted p-1 text-center font-medium">
              {t(`agenda.weekdaysShort.d${d}` as MessageKey)}
            </div>
          ))}
        </div>
        {rows.map((q) => (
          <div role="row" key={q} className="contents">
            <div role="rowheader" className={cn("pr-1 text-right leading-3 text-fg-muted", q % 4 === 0 ? "border-t border-border" : "")}>
              {q % 4 === 0 ? hhmm(q) : ""}
            </div>
            {days.map((d) => {
              const cell = d * Q + q;
              const grey = isGrey(cell);
              const focused = focus.day === d && focus.q === q;
              return (
                <div
                  role="gridcell"
                  key={d}
                  data-cell={cell}
                  tabIndex={focused ? 0 : -1}
                  aria-selected={grey}
                  aria-label={t("agenda.schedules.grid.cell", {
                    day: t(`agenda.weekdays.d${d}` as MessageKey),
                    time: hhmm(q),
                    state: grey ? t("agenda.schedules.grid.greyed") : t("agenda.schedules.grid.free"),
                  })}
                  className={cn(
                    "h-3 cursor-pointer border-l border-border focus:outline-2 focus:outline-accent",
                    q % 4 === 0 ? "border-t" : "",
                    grey ? "bg-fg-muted/40" : "bg-surface hover:bg-accent-soft",
                  )}
                  onPointerDown={(e) => {
                    e.preventDefault();
                    setFocus({ day: d, q });
                    paint.current = { grey: !greyed.has(cell), cells: new Set([cell]) };
                    setDraft({ grey: paint.current.grey, cells: new Set([cell]) });
                  }}
                  onPointerEnter={() => {
                    if (!paint.current) return;
                    paint.current.cells.add(cell);
                    setDraft({ grey: paint.current.grey, cells: new Set(paint.current.cells) });
                  }}
                  onKeyDown={(e) => {
                    const k = e.key;
                    if (k === " " || k === "Enter") {
                      e.preventDefault();
                      toggle(cell);
                    } else if (k === "ArrowDown") move(d, q + 1);
                    else if (k === "ArrowUp") move(d, q - 1);
                    else if (k === "ArrowLeft") move(d - 1, q);
                    else if (k === "ArrowRight") move(d + 1, q);
                    else return;
                    e.preventDefault();
                  }}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
