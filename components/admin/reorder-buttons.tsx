"use client";

import { Button } from "@/components/ui/button";

/**
 * Puts focus on the move button of an item that moved to `index` (its ids are rebuilt from its
 * position): the same direction again, or the other button when it reached an end of the list.
 */
export function focusMovedItem(idPrefix: string, index: number, count: number, direction: "up" | "down") {
  const atEnd = direction === "up" ? index === 0 : index === count - 1;
  const next = atEnd ? (direction === "up" ? "down" : "up") : direction;
  document.getElementById(`${idPrefix}-${index}-${next}`)?.focus();
}

/**
 * "Move up" / "move down" for one item of an ordered list, so order can be changed with the
 * keyboard alone. After a move, focus follows the moved item. A list reordered only once the
 * server answers passes `followFocus={false}` and calls focusMovedItem when its new order shows.
 */
export function ReorderButtons({
  idPrefix,
  index,
  count,
  onMove,
  upLabel,
  downLabel,
  followFocus = true,
}: {
  idPrefix: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  upLabel: string;
  downLabel: string;
  followFocus?: boolean;
}) {
  function move(to: number, direction: "up" | "down") {
    onMove(index, to);
    if (followFocus) requestAnimationFrame(() => focusMovedItem(idPrefix, to, count, direction));
  }
  return (
    <span className="inline-flex gap-1">
      <Button
        id={`${idPrefix}-${index}-up`}
        size="sm"
        variant="secondary"
        aria-label={upLabel}
        title={upLabel}
        disabled={index === 0}
        onClick={() => move(index - 1, "up")}
      >
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
