"use client";

// Client component because Radix Slot (asChild) composes refs with hooks.
import { Slot } from "@radix-ui/react-slot";
import type { ComponentProps } from "react";
import { cn } from "./cn";

import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button-styles";

export { buttonClassName };
export type { ButtonSize, ButtonVariant };

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner; the label stays so the button keeps its name. */
  loading?: boolean;
  /** Renders the single child (e.g. a Next `<Link>`) with the button's styles instead. */
  asChild?: boolean;
};

export function Button({ variant, size, loading = false, asChild = false, disabled, className, children, type, ...props }: ButtonProps) {
  const classes = buttonClassName({ variant, size, className });

  if (asChild) {
    // Slot needs exactly one child, so no spinner; links cannot be "disabled" natively.
    return (
      <Slot className={classes} aria-disabled={disabled || loading || undefined} {...props}>
        {children}
      </Slot>
    );
  }

  return (
    <button
      // Default to "button" so a button inside a form never submits it by accident.
      type={type ?? "button"}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}

export function Spinner({ className }: { className?: string }) {
  return (
    <svg className={cn("size-4 animate-spin", className)} viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
