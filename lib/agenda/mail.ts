// The rep's email when an appointment is booked, moved or cancelled: queued in the booking's
// transaction (sent after commit by the outbox), with an .ics the rep's calendar understands.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users, type Appointment, type SalesRep } from "@/db/schema";
import { createFormat } from "@/lib/i18n/format";
import { isLocale, defaultLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { enqueueEmail } from "@/lib/mail/queue";
import { buildIcs } from "./ics";

export type AppointmentChange = "booked" | "moved" | "cancelled";

export async function appointmentMail(
  tx: Tx,
  change: AppointmentChange,
  a: Appointment,
  rep: SalesRep,
  typeName: string,
  location: string,
  timeZone: string,
): Promise<void> {
  if (!rep.email) return;
  let locale = defaultLocale;
  if (rep.userId) {
    const [u] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, rep.userId));
    if (u && isLocale(u.locale)) locale = u.locale;
  }
  const t = translatorFor(locale);
  const format = createFormat(locale, timeZone);
  const params = {
    type: typeName,
    customer: a.customerName || "—",
    when: `${format.dateTime(a.startsAt)} – ${format.time(a.endsAt)}`,
    location: location || "—",
    notes: a.notes || "—",
  };
  const subject = t(`agenda.mail.${change}.subject`, params);
  const text = t(`agenda.mail.${change}.text`, params);
  const ics = buildIcs({
    uid: `appointment-${a.id}@relais`,
    start: a.startsAt,
    end: a.endsAt,
    summary: `${typeName} — ${a.customerName}`,
    description: a.notes,
    location,
    status: change === "cancelled" ? "CANCELLED" : "CONFIRMED",
    sequence: Math.floor(+a.updatedAt / 1000) - Math.floor(+a.createdAt / 1000),
    attendeeEmail: rep.email,
  });
  await enqueueEmail(tx, {
    to: rep.email,
    subject,
    text,
    kind: "appointment",
    conversationId: a.conversationId,
    attachments: [
      {
        filename: "appointment.ics",
        content: ics,
        contentType: "text/calendar; charset=utf-8; method=" + (change === "cancelled" ? "CANCEL" : "REQUEST"),
      },
    ],
  });
}
