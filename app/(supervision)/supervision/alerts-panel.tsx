import type { Translate } from "@/lib/i18n/translate";
import { cn } from "@/components/ui/cn";

export interface BoardAlert {
  key: string;
  kind: "waiting" | "callback" | "source";
  text: string;
}

/** The board's alerts, first thing under the totals: red, with words (colour is never the only signal). */
export function AlertsPanel({ t, alerts }: { t: Translate; alerts: BoardAlert[] }) {
  return (
    <section aria-labelledby="alerts-title" className="space-y-2" data-testid="alerts">
      <h2 id="alerts-title" className="font-semibold">
        {t("wallboard.alerts.title")} {alerts.length > 0 ? <span className="text-danger">({alerts.length})</span> : null}
      </h2>
      {alerts.length === 0 ? (
        <p className="text-sm text-fg-muted">{t("wallboard.alerts.none")}</p>
      ) : (
        <ul role="list" className="grid gap-2 lg:grid-cols-2">
          {alerts.slice(0, 20).map((a) => (
            <li
              key={a.key}
              data-testid={`alert-${a.kind}`}
              className={cn(
                "rounded-panel border px-3 py-2 text-sm font-medium",
                a.kind === "source"
                  ? "border-warning/40 bg-warning-soft text-warning-soft-fg"
                  : "border-danger/30 bg-danger-soft text-danger-soft-fg",
              )}
            >
              <span aria-hidden className="mr-1.5">
                {a.kind === "waiting" ? "⏱" : a.kind === "callback" ? "☎" : "⚠"}
              </span>
              {a.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
