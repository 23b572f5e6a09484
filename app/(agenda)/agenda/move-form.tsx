"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { moveAppointmentAction } from "@/app/actions/agenda";
import { zonedInstant } from "@/lib/agenda/slots";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

/** Moves an appointment to another start, typed in the rep's schedule's wall-clock time. */
export function MoveAppointmentForm({ appointmentId, timeZone, current }: { appointmentId: number; timeZone: string; current: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [value, setValue] = useState(current);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const [date, time] = value.split("T");
        const [h, m] = (time ?? "").split(":").map(Number);
        const start = date && Number.isFinite(h) && Number.isFinite(m) ? zonedInstant(date, h * 60 + m, timeZone) : null;
        if (!start) return report({ ok: false, error: "agenda.refusals.notQuarter" });
        setPending(true);
        const ok = report(await moveAppointmentAction({ appointmentId, startsAt: start.toISOString() }), { success: "agenda.view.moved" });
        setPending(false);
        if (ok) router.refresh();
      }}
    >
      <label className="text-fg-muted" htmlFor={`move-${appointmentId}`}>
        {t("agenda.view.moveTo")}
      </label>
      <Input id={`move-${appointmentId}`} type="datetime-local" step={900} value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" size="sm" variant="secondary" loading={pending}>
        {t("agenda.view.move")}
      </Button>
    </form>
  );
}
