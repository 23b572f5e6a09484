import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * green / orange / red are the campaign-summary lights: configured, warnings (can run but
 * not at full capacity), blocking (cannot run). They also serve as success/warning/error.
 */
export type BadgeVariant = "neutral" | "accent" | "green" | "orange" | "red";

const variants: Record<BadgeVariant, { badge: string; dot: string }> = {
  neutral: { badge: "bg-surface-muted text-fg-muted border-border", dot: "bg-fg-subtle" },
  accent: { badge: "bg-accent-soft text-accent-soft-fg border-accent/20", dot: "bg-accent" },
  green: { badge: "bg-success-soft text-success-soft-fg border-success/25", dot: "bg-success" },
  orange: { badge: "bg-warning-soft text-warning-soft-fg border-warning/30", dot: "bg-warning" },
  red: { badge: "bg-danger-soft text-danger-soft-fg border-danger/25", dot: "bg-danger" },
};

export type BadgeProps = ComponentProps<"span"> & {
  variant?: BadgeVariant;
  /**
   * Shows a coloured light before the text. Colour is never the only signal: the text
   * must still say the state ("Incomplet", "Bloquant") for colour-blind users.
   */
  dot?: boolean;
};

export function Badge({ variant = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  const style = variants[variant];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        style.badge,
        className,
      )}
      {...props}
    >
      {dot && <span className={cn("size-2 rounded-full", style.dot)} aria-hidden="true" />}
      {children}
    </span>
  );
}
