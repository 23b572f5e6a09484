"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/components/ui/cn";

const steps = [
  { path: "", label: "designer.script.nav.editor" },
  { path: "/customer-file", label: "designer.script.nav.customerFile" },
  { path: "/variables", label: "designer.script.nav.variables" },
  { path: "/generate", label: "designer.script.nav.generate" },
  { path: "/preview", label: "designer.script.nav.preview" },
] as const;

/** The manual's four designer steps for one script, plus the preview. */
export function ScriptNav({ id }: { id: number }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("designer.script.nav.label")} className="flex flex-wrap gap-1 border-b border-border">
      {steps.map((s) => {
        const href = `/designer/scripts/${id}${s.path}`;
        const active = pathname === href;
        return (
          <Link
            key={s.path}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-accent text-accent-soft-fg" : "border-transparent text-fg-muted hover:text-fg",
            )}
          >
            {t(s.label)}
          </Link>
        );
      })}
    </nav>
  );
}
