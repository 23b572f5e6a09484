"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

export type ConversationItem = {
  id: number;
  campaignId: number;
  campaignName: string;
  network: string;
  channel: string;
  authorHandle: string;
  authorName: string;
  language: string | null;
  followers: number | null;
  lastInboundAt: string | null;
  assignedAt: string | null;
  unread: boolean;
  timeZone?: string;
};

/** "3 min 05 s": how long the customer has waited since his last message; ticks every second. */
function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function waitLabel(ms: number): { h: number; m: number; s: string } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: String(total % 60).padStart(2, "0") };
}

export function ConversationList({
  items,
  activeId,
  onSelect,
}: {
  items: ConversationItem[];
  activeId: number | undefined;
  onSelect: (id: number) => void;
}) {
  const t = useT();
  const now = useNow();
  return (
    <nav aria-label={t("desk.list")}>
      <ul className="space-y-2" data-testid="conversation-list">
        {items.map((c) => {
          const since = c.lastInboundAt ?? c.assignedAt;
          const wait = waitLabel(since ? now - Date.parse(since) : 0);
          const selected = c.id === activeId;
          return (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => onSelect(c.id)}
                aria-current={selected ? "true" : undefined}
                data-testid="conversation-item"
                data-conversation={c.id}
                className={cn(
                  "w-full rounded-card border p-3 text-left transition-colors focus-visible:outline-2 focus-visible:outline-accent",
                  selected ? "border-accent bg-accent/10" : "border-border bg-surface hover:bg-surface-muted",
                )}
              >
                <span className="flex items-center gap-2">
                  {c.unread ? (
                    <span className="size-2 shrink-0 rounded-full bg-accent" data-testid="unread" aria-label={t("desk.unread")} />
                  ) : null}
                  <span className="min-w-0 truncate font-medium">{c.authorName}</span>
                  <span className="ml-auto shrink-0 font-mono text-xs tabular-nums text-fg-muted" data-testid="wait">
                    {wait.h > 0 ? t("desk.waitHours", { h: wait.h, m: wait.m }) : t("desk.waitMinutes", { m: wait.m, s: wait.s })}
                  </span>
                </span>
                <span className="mt-1 flex flex-wrap items-center gap-1 text-xs text-fg-muted">
                  <span className="truncate">@{c.authorHandle}</span>
                  <Badge variant="neutral">{t(`desk.networks.${c.network === "facebook" ? "facebook" : "twitter"}` as MessageKey)}</Badge>
                  <Badge variant="accent" data-testid="channel">
                    {t(`desk.channels.${c.channel}` as MessageKey)}
                  </Badge>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
