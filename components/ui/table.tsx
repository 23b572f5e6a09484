import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export function Table({ className, ...props }: ComponentProps<"table">) {
  // The wrapper scrolls so wide admin tables never widen the page on small screens.
  return (
    <div className="w-full overflow-x-auto rounded-panel border border-border bg-surface">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-surface-muted", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-border", className)} {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("align-middle", className)} {...props} />;
}

export function Th({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("border-b border-border px-3 py-2 text-xs font-semibold tracking-wide text-fg-muted uppercase", className)}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 text-fg", className)} {...props} />;
}

export type EmptyStateProps = {
  /** e.g. t("common.emptyList") or a specific "Aucune campagne". */
  title: ReactNode;
  description?: ReactNode;
  /** Usually the button that creates the first item. */
  action?: ReactNode;
  className?: string;
};

/** Shown instead of a table (not inside it) when a list has no rows. */
export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-2 rounded-panel border border-dashed border-border-strong bg-surface px-6 py-10 text-center",
        className,
      )}
    >
      <p className="text-sm font-medium text-fg">{title}</p>
      {description && <p className="max-w-md text-sm text-fg-muted">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
