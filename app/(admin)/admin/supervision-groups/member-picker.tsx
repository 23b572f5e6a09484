"use client";

import { useMemo, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";

type Person = { id: number; login: string; name: string };

/** A filterable list of accounts to tick; teams can hold hundreds of agents. */
export function MemberPicker({
  id,
  legend,
  people,
  value,
  onChange,
  empty,
  error,
  disabledIds,
}: {
  id: string;
  legend: string;
  people: Person[];
  value: number[];
  onChange: (next: number[]) => void;
  empty: string;
  error?: string;
  /** Accounts already chosen on the other side of the group. */
  disabledIds?: number[];
}) {
  const t = useT();
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? people.filter((p) => p.name.toLowerCase().includes(q) || p.login.toLowerCase().includes(q)) : people;
  }, [people, filter]);
  const selectable = shown.filter((p) => !disabledIds?.includes(p.id)).map((p) => p.id);

  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">
        {legend} <span className="font-normal text-fg-muted">({t("hr.groups.selected", { count: value.length })})</span>
      </legend>
      {people.length === 0 ? (
        <p className="text-sm text-fg-muted">{empty}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Input
              id={`${id}-filter`}
              aria-label={`${t("hr.groups.filterAgents")} — ${legend}`}
              placeholder={t("adminCommon.searchPlaceholder")}
              className="w-56"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <Button size="sm" variant="ghost" onClick={() => onChange([...new Set([...value, ...selectable])])}>
              {t("hr.groups.selectShown")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onChange(value.filter((v) => !selectable.includes(v)))}>
              {t("hr.groups.unselectShown")}
            </Button>
          </div>
          <ul className="max-h-64 space-y-1 overflow-y-auto rounded-panel border border-border p-2">
            {shown.map((p) => (
              <li key={p.id}>
                <Checkbox
                  label={`${p.name} (${p.login})`}
                  checked={value.includes(p.id)}
                  disabled={disabledIds?.includes(p.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((v) => v !== p.id))}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
