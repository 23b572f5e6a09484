"use client";

import Link from "next/link";
import type { Light } from "@/db/schema/summary";
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/i18n/client";

/**
 * A campaign summary's overall light: a coloured dot AND its word (colour is never the only
 * signal), with the light's meaning as a tooltip. With `href`, the badge links to the campaign.
 * Client component so both server pages and client tabs can place it.
 */
export function SummaryLight({
  summary,
  href,
  className,
}: {
  summary: { overall: Light } | null | undefined;
  href?: string;
  className?: string;
}) {
  const t = useT();
  const light = summary?.overall;
  const label = light ? t(`summary.lights.${light}`) : t("summary.notComputed");
  const badge = (
    <Badge
      dot
      variant={light ?? "neutral"}
      title={light ? t(`summary.lightHints.${light}`) : undefined}
      className={className}
      data-light={light ?? "none"}
    >
      {label}
    </Badge>
  );
  if (!href) return badge;
  return (
    <Link
      href={href}
      aria-label={t("summary.lightLabel", { light: label })}
      className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      {badge}
    </Link>
  );
}
