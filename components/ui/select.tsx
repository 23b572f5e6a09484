import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./control";

export type SelectProps = ComponentProps<"select"> & {
  /**
   * Adds a first empty option (value "") showing this text, e.g. "Choisissez une
   * qualification". With `required`, the browser then refuses to submit until a real choice.
   */
  placeholder?: string;
};

// A native select on purpose: keyboard, screen-reader and mobile behaviour come for free.
export function Select({ className, placeholder, children, ...props }: SelectProps) {
  return (
    <select className={cn(controlClassName, "h-9 pr-8", className)} {...props}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {children}
    </select>
  );
}
