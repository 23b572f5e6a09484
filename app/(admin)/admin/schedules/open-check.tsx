"use client";

import { useState } from "react";
import { z } from "zod";
import type { ScheduleDay } from "@/db/schema/calendars";
import { openAtWallClock, wallClockAt, wallClockOf, type HolidayRule, type OpenResult } from "@/lib/calendars/hours";
import { isSupportedTimeZone, scheduleDaySchema } from "@/lib/calendars/schedule.schema";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";

const weekSchema = z.array(scheduleDaySchema).length(7);

type Outcome =
  { kind: "result"; result: OpenResult } | { kind: "message"; key: "schedules.check.fixFirst" | "schedules.check.invalidMoment" };

/**
 * "Would it be open at …?" on the schedule as typed, with the same function ingestion uses, so the
 * admin can try a slot boundary or a holiday before saving.
 */
export function OpenCheck({
  days,
  timeZone,
  holidayGroups,
}: {
  days: ScheduleDay[];
  timeZone: string;
  holidayGroups: { id: number; name: string; holidays: HolidayRule[] }[];
}) {
  const t = useT();
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [groupId, setGroupId] = useState("");
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function now() {
    if (!isSupportedTimeZone(timeZone)) return;
    const clock = wallClockAt(new Date(), timeZone);
    setDate(clock.date);
    setTime(`${String(Math.floor(clock.minutes / 60)).padStart(2, "0")}:${String(clock.minutes % 60).padStart(2, "0")}`);
  }

  function check() {
    const week = weekSchema.safeParse(days);
    if (!week.success) return setOutcome({ kind: "message", key: "schedules.check.fixFirst" });
    const clock = wallClockOf(date, time);
    if (!clock) return setOutcome({ kind: "message", key: "schedules.check.invalidMoment" });
    const holidays = holidayGroups.find((g) => String(g.id) === groupId)?.holidays ?? [];
    setOutcome({ kind: "result", result: openAtWallClock({ schedule: { days: week.data }, holidays }, clock) });
  }

  let text: string | null = null;
  if (outcome?.kind === "message") text = t(outcome.key);
  if (outcome?.kind === "result") {
    const r = outcome.result;
    text = t(`schedules.check.result.${r.reason}`, { holiday: r.holiday ?? "", open: r.slot?.open ?? "", close: r.slot?.close ?? "" });
  }

  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>{t("schedules.check.title")}</CardTitle>
        <CardDescription>{t("schedules.check.description", { timeZone })}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <FormField label={t("schedules.check.date")} htmlFor="check-date">
            <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} className="w-44" />
          </FormField>
          <FormField label={t("schedules.check.time")} htmlFor="check-time">
            <Input type="time" value={time} onChange={(e) => setTime(e.target.value)} className="w-32" />
          </FormField>
          <FormField label={t("schedules.check.holidayGroup")} htmlFor="check-group">
            <Select value={groupId} onChange={(e) => setGroupId(e.target.value)} className="w-56">
              <option value="">{t("schedules.check.noHolidayGroup")}</option>
              {holidayGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </FormField>
          <Button type="button" variant="secondary" onClick={now}>
            {t("schedules.check.now")}
          </Button>
          <Button type="button" onClick={check}>
            {t("schedules.check.submit")}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="min-h-6 text-sm">
          {text ? (
            outcome?.kind === "result" ? (
              <Badge variant={outcome.result.open ? "green" : "red"} dot className="text-sm">
                {text}
              </Badge>
            ) : (
              text
            )
          ) : null}
        </p>
      </CardContent>
    </Card>
  );
}
