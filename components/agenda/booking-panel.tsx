"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { bookAppointmentAction, bookingContextAction, weekSlotsAction } from "@/app/actions/agenda";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";

type Context = Extract<Awaited<ReturnType<typeof bookingContextAction>>, { ok: true }>["data"];
type Configured = Extract<Context, { configured: true }>;

export interface BookingPanelProps {
  conversationId: number | null;
  campaignId: number;
  /** Filters the reps by their zones (postal-code prefixes); none = every rep of the schedule. */
  customerPostalCode?: string | null;
  /** Prefills the customer's name (the conversation's author, the customer-file row). */
  customerName?: string;
  /** The customer-file row's contact_guid, kept on the appointment. */
  customerGuid?: string | null;
  /** Called after a successful booking (the script's agenda object may move on). */
  onBooked?: (appointment: { id: number; startsAt: string; endsAt: string }) => void;
}

const today = () => new Date().toISOString().slice(0, 10);
const shiftWeek = (date: string, weeks: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
};

/**
 * The agenda's booking UI (manual step 14 «Droits des agents», the script's agenda object): reps
 * of the campaign's sales-rep schedule covering the customer's zone, the appointment type and
 * location, a week of free slots, book. Slots are re-read live when anyone books or cancels, and a
 * slot taken meanwhile is refused by the database with its reason.
 */
export function BookingPanel({
  conversationId,
  campaignId,
  customerPostalCode,
  customerName = "",
  customerGuid,
  onBooked,
}: BookingPanelProps) {
  const t = useT();
  // Unique per panel: the workspace may show several conversations' scripts at once.
  const uid = useId().replace(/:/g, "");
  const { toast } = useToast();
  const [context, setContext] = useState<Context | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [repId, setRepId] = useState<number | null>(null);
  const [typeId, setTypeId] = useState<number | null>(null);
  const [locationId, setLocationId] = useState<number | null>(null);
  const [weekOf, setWeekOf] = useState(today);
  const [slots, setSlots] = useState<{ monday: string; timeZone: string; slots: string[] } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenRef = useRef<string | null>(null);
  useEffect(() => {
    chosenRef.current = chosen;
  }, [chosen]);
  const [name, setName] = useState(customerName);
  const [notes, setNotes] = useState("");
  const [pending, setPending] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void bookingContextAction({ campaignId, postalCode: customerPostalCode ?? null }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      const data = r.data;
      setContext(data);
      if (data.configured) {
        setRepId((id) => id ?? data.reps[0]?.id ?? null);
        setTypeId((id) => id ?? data.types[0]?.id ?? null);
      }
    });
    return () => {
      live = false;
    };
  }, [campaignId, customerPostalCode]);

  useEffect(() => {
    if (!repId || !typeId) return;
    let live = true;
    void weekSlotsAction({ campaignId, repId, typeId, weekOf }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setSlots(r.data);
      // The slot this agent had chosen was just booked by someone else: say so, rather than
      // letting the choice vanish without a word.
      const c = chosenRef.current;
      const gone = c !== null && !r.data.slots.includes(c);
      setError(gone ? "agenda.refusals.taken" : null);
      if (gone) setChosen(null);
    });
    return () => {
      live = false;
    };
  }, [campaignId, repId, typeId, weekOf, tick]);

  // Another agent's booking (or a cancellation) changes the free slots: read them again.
  useEffect(() => {
    const source = new EventSource("/api/stream");
    source.addEventListener("relais", (e) => {
      const event = JSON.parse((e as MessageEvent).data) as { type: string };
      if (event.type === "appointment.changed") setTick((n) => n + 1);
    });
    return () => source.close();
  }, []);

  const timeZone = slots?.timeZone ?? (context?.configured ? context.schedule.timeZone : undefined);
  const format = useFormat();
  const byDay = useMemo(() => {
    const days = new Map<string, string[]>();
    for (const s of slots?.slots ?? []) {
      const key = new Date(s).toLocaleDateString("sv-SE", { timeZone });
      days.set(key, [...(days.get(key) ?? []), s]);
    }
    return [...days.entries()];
  }, [slots, timeZone]);

  const book = useCallback(async () => {
    if (!context?.configured || !repId || !typeId || !chosen) return;
    setPending(true);
    const r = await bookAppointmentAction({
      campaignId,
      conversationId,
      repId,
      typeId,
      locationId,
      startsAt: chosen,
      customerName: name,
      notes,
      customerGuid: customerGuid ?? null,
    });
    setPending(false);
    if (!r.ok) {
      toast({ title: t(r.error as MessageKey, r.params), variant: "error" });
      setError(r.error);
      setTick((n) => n + 1);
      return;
    }
    const rep = (context as Configured).reps.find((x) => x.id === repId);
    const when = format.dateTime(r.data.startsAt, { timeZone });
    toast({ title: t("agenda.booking.booked", { when, rep: rep?.name ?? "" }), variant: "success" });
    setError(null);
    setChosen(null);
    setTick((n) => n + 1);
    onBooked?.(r.data);
  }, [
    context,
    repId,
    typeId,
    chosen,
    campaignId,
    conversationId,
    locationId,
    name,
    notes,
    customerGuid,
    toast,
    t,
    format,
    timeZone,
    onBooked,
  ]);

  if (!context) return error ? <p className="text-sm text-danger">{t(error as MessageKey)}</p> : null;
  if (!context.configured) return <p className="text-sm text-fg-muted">{t("agenda.booking.notConfigured")}</p>;
  if (!context.schedule.agentsMayBook) return <p className="text-sm text-fg-muted">{t("agenda.booking.mayNotBook")}</p>;

  return (
    <section aria-label={t("agenda.booking.title")} className="space-y-3" data-testid="booking-panel">
      <h3 className="text-sm font-semibold">{t("agenda.booking.title")}</h3>
      {customerPostalCode ? <p className="text-xs text-fg-muted">{t("agenda.booking.zoneOf", { code: customerPostalCode })}</p> : null}
      {context.reps.length === 0 ? (
        <p className="text-sm text-fg-muted">{t("agenda.booking.noRep")}</p>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <FormField label={t("agenda.booking.rep")} htmlFor={`${uid}-rep`}>
              <Select value={repId ?? ""} onChange={(e) => setRepId(Number(e.target.value) || null)}>
                {context.reps.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("agenda.booking.type")} htmlFor={`${uid}-type`}>
              <Select value={typeId ?? ""} onChange={(e) => setTypeId(Number(e.target.value) || null)}>
                {context.types.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.durationMinutes} min)
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label={t("agenda.booking.location")} htmlFor={`${uid}-location`}>
              <Select value={locationId ?? ""} onChange={(e) => setLocationId(Number(e.target.value) || null)}>
                <option value="">{t("agenda.booking.noLocation")}</option>
                {context.locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </Select>
            </FormField>
          </div>
          <div className="flex items-center gap-2">
            <Button
              type="button"
              size="sm"
              variant="secondary"
              aria-label={t("agenda.booking.previousWeek")}
              onClick={() => setWeekOf((w) => shiftWeek(w, -1))}
            >
              ←
            </Button>
            <span className="text-sm font-medium">
              {slots ? t("agenda.booking.week", { date: format.date(`${slots.monday}T12:00:00Z`, { timeZone: "UTC" }) }) : ""}
            </span>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              aria-label={t("agenda.booking.nextWeek")}
              onClick={() => setWeekOf((w) => shiftWeek(w, 1))}
            >
              →
            </Button>
          </div>
          <div
            role="group"
            aria-label={t("agenda.booking.slots")}
            className="max-h-72 space-y-2 overflow-y-auto rounded-md border border-border p-2"
          >
            {byDay.length === 0 ? <p className="text-sm text-fg-muted">{t("agenda.booking.noSlots")}</p> : null}
            {byDay.map(([day, list]) => (
              <div key={day}>
                <p className="mb-1 text-xs font-medium text-fg-muted">{format.date(list[0], { timeZone })}</p>
                <div className="flex flex-wrap gap-1">
                  {list.map((s) => (
                    <button
                      key={s}
                      type="button"
                      aria-pressed={chosen === s}
                      onClick={() => setChosen(s)}
                      className={
                        "rounded-control border px-2 py-1 text-xs " +
                        (chosen === s ? "border-accent bg-accent text-accent-fg" : "border-border-strong bg-surface hover:bg-surface-muted")
                      }
                    >
                      {format.time(s, { timeZone })}
                    </button>
                  ))}
                </div>
              </div>
            ))}
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label={t("agenda.booking.customer")} htmlFor={`${uid}-customer`}>
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            </FormField>
            <FormField label={t("agenda.booking.notes")} htmlFor={`${uid}-notes`}>
              <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} rows={2} />
            </FormField>
          </div>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {t(error as MessageKey)}
            </p>
          ) : null}
          <Button type="button" onClick={book} loading={pending} disabled={!chosen}>
            {chosen ? t("agenda.booking.book", { when: format.dateTime(chosen, { timeZone }) }) : t("agenda.booking.chooseSlot")}
          </Button>
        </>
      )}
    </section>
  );
}
