import type { ReactNode } from "react";
import { cn } from "./cn";

export type PageHeaderProps = {
  /** Rendered as the page's single h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Page-level buttons (e.g. "Ajouter une campagne"), aligned right on wide screens. */
  actions?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <header className={cn("flex flex-col gap-3 border-b border-border pb-4 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="flex min-w-0 flex-col gap-1">
        <h1 className="text-xl font-semibold text-fg">{title}</h1>
        {description && <p className="max-w-prose text-sm text-fg-muted">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}
