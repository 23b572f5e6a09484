"use client";

import { Button } from "@/components/ui/button";

/**
 * "Move up" / "move down" for one item of an ordered list, so order can be changed with the
 * keyboard alone. After a move, focus follows the moved item (its ids are rebuilt from its new
 * position), on the other button when it reached an end of the list.
 */
export function ReorderButtons({
  idPrefix,
  index,
  count,
  onMove,
  upLabel,
  downLabel,
}: {
  idPrefix: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  upLabel: string;
  downLabel: string;
}) {
  function move(to: number, direction: "up" | "down") {
    onMove(index, to);
    const atEnd = direction === "up" ? to === 0 : to === count - 1;
    const next = atEnd ? (direction === "up" ? "down" : "up") : direction;
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-${to}-${next}`)?.focus());
  }
  return (
    <span className="inline-flex gap-1">
      <Button id={`${idPrefix}-${index}-up`} size="sm" variant="secondary" aria-label={upLabel} title={upLabel} disabled={index === 0} onClick={() => move(index - 1, "up")}>
        <span aria-hidden>↑</span>
      </Button>
      <Button
        id={`${idPrefix}-${index}-down`}
        size="sm"
        variant="secondary"
        aria-label={downLabel}
        title={downLabel}
        disabled={index === count - 1}
        onClick={() => move(index + 1, "down")}
      >
        <span aria-hidden>↓</span>
      </Button>
    </span>
  );
}
