"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { interpolate, type VariableValues } from "@/lib/scripts/variables";
import { insertIntoReplyBox } from "@/lib/conversations/reply-insert";
import { useT } from "@/lib/i18n/client";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

type Response = { id: number; title: string; text: string; language: string };

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * «Réponses prédéfinies»: the message's language first, searchable, `$VARIABLES` filled; Enter
 * or a click inserts the highlighted one at the reply box's cursor. Alt+R jumps to the search.
 */
export function PredefinedResponses({
  conversationId,
  language,
  responses,
  values,
}: {
  conversationId: number;
  language: string | null;
  responses: Response[];
  values: VariableValues;
}) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLElement>(null);

  const list = useMemo(() => {
    const q = fold(query.trim());
    const lang = (language ?? "").slice(0, 2).toLowerCase();
    return responses
      .filter((r) => !q || fold(`${r.title} ${r.text}`).includes(q))
      .map((r) => ({ ...r, filled: interpolate(r.text, values), sameLanguage: !!lang && r.language.slice(0, 2).toLowerCase() === lang }))
      .sort((a, b) => Number(b.sameLanguage) - Number(a.sameLanguage));
  }, [responses, query, language, values]);
  const highlighted = Math.min(index, Math.max(list.length - 1, 0));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.key.toLowerCase() !== "r" || !root.current?.offsetParent) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const insert = (r: (typeof list)[number] | undefined) => {
    if (r) insertIntoReplyBox(conversationId, r.filled);
  };

  return (
    <Card ref={root}>
      <CardHeader>
        <CardTitle as="h3">{t("desk.responses.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        <Input
          ref={search}
          type="search"
          aria-label={t("desk.responses.search")}
          placeholder={t("desk.responses.searchPlaceholder")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setIndex((i) => Math.min(i + 1, list.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setIndex((i) => Math.max(i - 1, 0));
            } else if (e.key === "Enter") {
              e.preventDefault();
              insert(list[highlighted]);
            }
          }}
        />
        <p className="text-xs text-fg-muted">{t("desk.responses.hint")}</p>
        {list.length === 0 ? (
          <p className="text-sm text-fg-muted">{responses.length === 0 ? t("desk.responses.none") : t("desk.responses.noMatch")}</p>
        ) : (
          <ul className="max-h-64 space-y-1 overflow-y-auto" data-testid="responses">
            {list.map((r, i) => (
              <li key={r.id}>
                <button
                  type="button"
                  onClick={() => insert(r)}
                  className={cn(
                    "w-full rounded-control px-2 py-1 text-left text-sm hover:bg-surface-muted",
                    i === highlighted && "bg-accent/10",
                  )}
                  data-testid="response"
                >
                  <span className="font-medium">{r.title}</span>{" "}
                  <span className="text-xs text-fg-muted">
                    {r.language.toUpperCase()}
                    {r.sameLanguage ? ` · ${t("desk.responses.sameLanguage")}` : ""}
                  </span>
                  <span className="block truncate text-fg-muted">{r.filled}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
