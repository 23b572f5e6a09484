import * as LabelPrimitive from "@radix-ui/react-label";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type LabelProps = ComponentProps<typeof LabelPrimitive.Root> & {
  /** Shows a visual marker; the control itself must carry `required` for assistive tech. */
  required?: boolean;
};

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <LabelPrimitive.Root className={cn("text-sm font-medium text-fg", className)} {...props}>
      {children}
      {required && (
        <span className="ml-0.5 text-danger" aria-hidden="true">
          *
        </span>
      )}
    </LabelPrimitive.Root>
  );
}
