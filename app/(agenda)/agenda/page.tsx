import Link from "next/link";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { salesReps } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { agendaRange } from "@/lib/agenda/agenda-view";
import { mondayOf } from "@/lib/agenda/booking-queries";
import { repName, repOptions } from "@/lib/agenda/queries";
import { wallClockAt } from "@/lib/calendars/hours";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { buttonClassName } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CancelAppointmentButton } from "./cancel-button";
import { MoveAppointmentForm } from "./move-form";

const ROW = 12; // px per quarter hour
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The rep's agenda (manual step 15): week and day views in his colour; administrators pick any rep. */
export default async function AgendaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("agenda.view");
  const { t } = await getTranslator();
  const sp = await searchParams;
  const isAdmin = can(user, "admin.access");
  const reps = isAdmin ? await repOptions() : [];
  let repId: number | null = null;
  if (isAdmin) repId = Number(sp.rep) || reps[0]?.id || null;
  else {
    const db = await getDb();
    const [own] = await db.select({ id: salesReps.id }).from(salesReps).where(eq(salesReps.userId, user.id));
    repId = own?.id ?? null;
  }
  if (!repId) {
    return (
      <div className="space-y-4">
        <PageHeader title={t("agenda.view.title")} />
        <p className="text-sm text-fg-muted">{isAdmin ? t("agenda.view.noRep") : t("agenda.view.notRep")}</p>
      </div>
    );
  }
  const view = sp.view === "day" ? "day" : "week";
  const requested = typeof sp.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(sp.date) ? sp.date : null;
  // "Today" in the rep's zone is known once the rep's schedule is: read with a first guess, then again.
  let data = await agendaRange(repId, requested ?? new Date().toISOString().slice(0, 10), 1);
  if (!data) return null;
  const today = wallClockAt(new Date(), data.timeZone).date;
  const date = requested ?? today;
  const first = view === "week" ? mondayOf(date) : date;
  data = (await agendaRange(repId, first, view === "week" ? 7 : 1))!;
  const format = await getFormat(data.timeZone);
  const colour = data.rep.colour;
  // Rows: 07:00–21:00, widened to any appointment outside.
  let fromQ = 28;
  let toQ = 84;
  for (const d of data.days)
    for (const a of d.appointments) {
      fromQ = Math.min(fromQ, Math.floor(a.startMinutes / 15));
      toQ = Math.max(toQ, Math.ceil((a.startMinutes + a.durationMinutes) / 15));
    }
  toQ = Math.min(96, toQ);
  const selected = Number(sp.appt) || null;
  const details = selected ? data.days.flatMap((d) => d.appointments).find((a) => a.id === selected) : undefined;
  const q = (params: Record<string, string>) =>
    `/agenda?${new URLSearchParams({ ...(isAdmin ? { rep: String(repId) } : {}), view, date, ...params })}`;
  const step = view === "week" ? 7 : 1;

  return (
    <div className="space-y-4">
      <LiveRefresh />
      <PageHeader
        title={
          <span className="inline-flex items-center gap-2">
            <span aria-hidden className="inline-block size-3 rounded-full" style={{ backgroundColor: colour }} />
            {t("agenda.view.title")} — {repName(data.rep)}
          </span>
        }
        description={`${t("agenda.view.description_")} (${data.timeZone})`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {isAdmin ? (
              <form action="/agenda" className="flex items-center gap-2">
                <input type="hidden" name="view" value={view} />
                <input type="hidden" name="date" value={date} />
                <label className="text-sm" htmlFor="agenda-rep">
                  {t("agenda.view.rep")}
                </label>
                <select
                  id="agenda-rep"
                  name="rep"
                  defaultValue={repId}
                  className="h-9 rounded-control border border-border-strong bg-surface px-2 text-sm"
                >
                  {reps.map((r) => (
                    <option key={r.id} value={r.id}>
                      {repName(r)}
                    </option>
                  ))}
                </select>
                <button type="submit" className={buttonClassName({ variant: "secondary", size: "sm" })}>
                  {t("agenda.view.show")}
                </button>
              </form>
            ) : null}
            <Link
              className={buttonClassName({ variant: view === "week" ? "primary" : "secondary", size: "sm" })}
              href={q({ view: "week" })}
            >
              {t("agenda.view.week")}
            </Link>
            <Link className={buttonClassName({ variant: view === "day" ? "primary" : "secondary", size: "sm" })} href={q({ view: "day" })}>
              {t("agenda.view.day")}
            </Link>
            <Link
              className={buttonClassName({ variant: "secondary", size: "sm" })}
              href={q({ date: addDays(date, -step) })}
              aria-label={t("agenda.view.previous")}
            >
              ←
            </Link>
            <Link className={buttonClassName({ variant: "secondary", size: "sm" })} href={q({ date: today })}>
              {t("agenda.view.today")}
            </Link>
            <Link
              className={buttonClassName({ variant: "secondary", size: "sm" })}
              href={q({ date: addDays(date, step) })}
              aria-label={t("agenda.view.next")}
            >
              →
            </Link>
          </div>
        }
      />
      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="min-w-0 flex-1 overflow-x-auto rounded-card border border-border bg-surface" data-testid="agenda-grid">
          <div className="grid min-w-[640px]" style={{ gridTemplateColumns: `3.5rem repeat(${data.days.length}, minmax(0, 1fr))` }}>
            <div className="border-b border-border" />
            {data.days.map((d) => (
              <div
                key={d.date}
                className={cn(
                  "border-b border-l border-border p-1 text-center text-xs",
                  d.date === today && "bg-accent-soft font-semibold",
                )}
              >
                <div>{t(`agenda.weekdays.d${d.weekday}` as MessageKey)}</div>
                <div className="text-fg-muted">{format.date(`${d.date}T12:00:00Z`, { timeZone: "UTC" })}</div>
                {d.holidayFull ? (
                  <div className="truncate text-warning-soft-fg">{t("agenda.view.holiday", { label: d.holidayFull })}</div>
                ) : null}
              </div>
            ))}
            <div className="relative" style={{ height: (toQ - fromQ) * ROW }}>
              {Array.from({ length: toQ - fromQ }, (_, i) => fromQ + i)
                .filter((qq) => qq % 4 === 0)
                .map((qq) => (
                  <div key={qq} className="absolute right-1 -translate-y-1/2 text-[10px] text-fg-muted" style={{ top: (qq - fromQ) * ROW }}>
                    {hhmm(qq * 15)}
                  </div>
                ))}
            </div>
            {data.days.map((d) => (
              <div key={d.date} className="relative border-l border-border" style={{ height: (toQ - fromQ) * ROW }}>
                {d.quarters.slice(fromQ, toQ).map((cell, i) => (
                  <div
                    key={i}
                    title={cell.holiday ? t("agenda.view.holiday", { label: cell.holiday }) : undefined}
                    className={cn(
                      "absolute inset-x-0",
                      (fromQ + i) % 4 === 0 && "border-t border-border",
                      cell.holiday ? "bg-warning-soft" : cell.greyed ? "bg-fg-muted/20" : "",
                    )}
                    style={{ top: i * ROW, height: ROW }}
                  />
                ))}
                {d.appointments.map((a) => (
                  <Link
                    key={a.id}
                    href={q({ appt: String(a.id) })}
                    data-testid="appointment"
                    className="absolute inset-x-0.5 overflow-hidden rounded-sm px-1 text-[11px] leading-tight text-white shadow-sm ring-1 ring-black/10"
                    style={{
                      top: (a.startMinutes / 15 - fromQ) * ROW,
                      height: Math.max(ROW, (a.durationMinutes / 15) * ROW - 1),
                      backgroundColor: colour,
                    }}
                  >
                    <span className="font-semibold">{format.time(a.startsAt)}</span>{" "}
                    {t("agenda.view.appointment", { type: a.typeName, customer: a.customerName || "—" })}
                  </Link>
                ))}
              </div>
            ))}
          </div>
        </div>
        <aside
          className="w-full shrink-0 space-y-2 rounded-card border border-border bg-surface p-4 text-sm lg:w-72"
          aria-label={t("agenda.view.details")}
        >
          <h2 className="font-semibold">{t("agenda.view.details")}</h2>
          {details ? (
            <dl className="space-y-1" data-testid="appointment-details">
              <dt className="text-fg-muted">{t("agenda.view.when")}</dt>
              <dd>
                {format.dateTime(details.startsAt)} – {format.time(details.endsAt)}
              </dd>
              <dt className="text-fg-muted">{t("agenda.view.customer")}</dt>
              <dd>
                {details.typeName} — {details.customerName || "—"}
              </dd>
              <dt className="text-fg-muted">{t("agenda.view.location")}</dt>
              <dd>{details.locationName ?? "—"}</dd>
              <dt className="text-fg-muted">{t("agenda.view.bookedBy")}</dt>
              <dd>
                {details.bookedBy ?? "—"}
                {details.campaignName ? ` (${details.campaignName})` : ""}
              </dd>
              <dt className="text-fg-muted">{t("agenda.view.notes")}</dt>
              <dd className="whitespace-pre-wrap">{details.notes || "—"}</dd>
              {can(user, "agenda.book") ? (
                <dd className="space-y-3 pt-2">
                  <MoveAppointmentForm
                    appointmentId={details.id}
                    timeZone={data.timeZone}
                    current={`${wallClockAt(details.startsAt, data.timeZone).date}T${hhmm(wallClockAt(details.startsAt, data.timeZone).minutes)}`}
                  />
                  <CancelAppointmentButton appointmentId={details.id} />
                </dd>
              ) : null}
            </dl>
          ) : (
            <p className="text-fg-muted">{data.days.some((d) => d.appointments.length) ? "" : t("agenda.view.none")}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
