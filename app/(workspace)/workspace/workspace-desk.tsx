"use client";

import { useCallback, useEffect, useState } from "react";
import type { ConversationDetail } from "@/lib/conversations/workspace-queries";
import type { ReplyPolicy } from "@/lib/conversations/reply-policy";
import { useT } from "@/lib/i18n/client";
import { ConversationList, type ConversationItem } from "./conversation-list";
import { ConversationPanel } from "./conversation-panel";
import { markReadAction } from "./actions";

/**
 * The agent's desk: the list of his conversations (up to his capacity) and one panel per
 * conversation. Every panel stays mounted (hidden when not shown), so a script half filled in
 * one conversation is still there when the agent comes back to it. Alt+↓ / Alt+↑ move between
 * conversations from anywhere on the page.
 */
export function WorkspaceDesk({
  items,
  details,
  policies,
  personalCallbacks,
}: {
  items: ConversationItem[];
  details: ConversationDetail[];
  /** What answers each conversation allows, and why not the others (lib/conversations/reply-policy.ts). */
  policies: Record<number, ReplyPolicy | null>;
  personalCallbacks: boolean;
}) {
  const t = useT();
  const [activeId, setActiveId] = useState<number>(items[0]?.id);
  const active = items.some((i) => i.id === activeId) ? activeId : items[0]?.id;
  const activeItem = items.find((i) => i.id === active);

  const move = useCallback(
    (delta: number) => {
      const index = items.findIndex((i) => i.id === active);
      const next = items[(index + delta + items.length) % items.length];
      if (next) setActiveId(next.id);
    },
    [items, active],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move]);

  // Shown = read: the unread marker of the conversation on screen clears, also when a new
  // message arrives while it is shown (its last inbound time changes, the marker comes back).
  const [marked, setMarked] = useState<Record<number, string | null>>({});
  const isUnread = (i: ConversationItem) => i.unread && marked[i.id] !== i.lastInboundAt;
  const pendingRead = activeItem && isUnread(activeItem) ? activeItem : null;
  useEffect(() => {
    if (!pendingRead) return;
    const { id, lastInboundAt } = pendingRead;
    void markReadAction({ conversationId: id }).then((r) => {
      if (r.ok) setMarked((m) => ({ ...m, [id]: lastInboundAt }));
    });
  }, [pendingRead]);

  return (
    <div className="grid items-start gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
      <aside className="space-y-2 lg:sticky lg:top-4">
        <ConversationList items={items.map((i) => ({ ...i, unread: isUnread(i) }))} activeId={active} onSelect={setActiveId} />
        <p className="text-xs text-fg-muted" data-testid="keyboard-hint">
          {t("desk.keyboardHint")}
        </p>
      </aside>
      <div>
        {details.map((d) => {
          const item = items.find((i) => i.id === d.id);
          if (!item) return null;
          return (
            <div key={d.id} hidden={d.id !== active} data-active={d.id === active}>
              <ConversationPanel item={item} detail={d} policy={policies[d.id]} personalCallbacks={personalCallbacks} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
