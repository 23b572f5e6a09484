import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  /** When given, the checkbox and its text are wrapped in one `<label>` (larger click target). */
  label?: ReactNode;
};

export function Checkbox({ className, label, ...props }: CheckboxProps) {
  const box = (
    <input
      type="checkbox"
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded-sm accent-accent disabled:cursor-not-allowed",
        label === undefined && className,
      )}
      {...props}
    />
  );
  if (label === undefined) return box;
  return (
    <label
      className={cn(
        "inline-flex cursor-pointer items-center gap-2 text-sm text-fg has-disabled:cursor-not-allowed has-disabled:text-fg-muted",
        className,
      )}
    >
      {box}
      <span>{label}</span>
    </label>
  );
}
