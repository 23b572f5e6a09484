"use client";

import type { ReactNode } from "react";
import { Checkbox } from "@/components/ui/checkbox";

/** A set of options as checkboxes, for array fields (rights, display options, networks…). */
export function CheckboxGroup<V extends string>({
  legend,
  options,
  value,
  onChange,
  disabled,
  error,
  hint,
}: {
  legend: ReactNode;
  options: readonly { value: V; label: ReactNode; hint?: ReactNode }[];
  value: readonly V[];
  onChange: (next: V[]) => void;
  disabled?: boolean;
  error?: string;
  hint?: ReactNode;
}) {
  return (
    <fieldset className="space-y-2" disabled={disabled} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-fg">{legend}</legend>
      {hint ? <p className="text-xs text-fg-muted">{hint}</p> : null}
      {options.map((o) => (
        <div key={o.value}>
          <Checkbox
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? options.map((x) => x.value).filter((v) => v === o.value || value.includes(v))
                  : value.filter((v) => v !== o.value),
              )
            }
          />
          {o.hint ? <p className="ml-6 text-xs text-fg-muted">{o.hint}</p> : null}
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
