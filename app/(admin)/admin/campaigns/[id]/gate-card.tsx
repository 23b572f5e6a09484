import Link from "next/link";
import { campaignGateStatus } from "@/lib/ingestion/held";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * The campaign's service-hours gate as the run time applies it: open, or «Fermée jusqu'au …» in
 * the schedule's time zone, with how many messages wait for the opening and how many a blacklist
 * filtered (a link to the «Filtrés» list). The page's live refresh re-renders it.
 */
export async function GateCard({ campaignId }: { campaignId: number }) {
  const gate = await campaignGateStatus(campaignId);
  if (!gate) return null;
  const { t } = await getTranslator();
  const format = await getFormat(gate.timeZone);
  return (
    <Card data-testid="gate-card">
      <CardHeader>
        <CardTitle>{t("filtered.gateTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        <p>
          <Badge data-testid="gate-state" variant={gate.open ? "green" : "orange"} dot className="whitespace-normal">
            {gate.open
              ? t("filtered.open")
              : gate.openAt
                ? t("filtered.closedUntil", { at: format.dateTime(gate.openAt) })
                : t("filtered.closedNoOpening")}
          </Badge>
        </p>
        {!gate.open ? <p className="text-fg-muted">{t("filtered.timeZone", { zone: gate.timeZone })}</p> : null}
        <p data-testid="gate-held">{t("filtered.held", { count: gate.held })}</p>
        <p data-testid="gate-filtered">
          {t("filtered.count", { count: gate.filtered })}
          {" · "}
          <Link
            href={`/admin/campaigns/${campaignId}/filtered`}
            className="font-medium text-accent-soft-fg underline-offset-2 hover:underline"
          >
            {t("filtered.view")}
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
