"use server";

import { z } from "zod";
import { ActionError, defineAction } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { bookSchema, slotQuerySchema } from "@/lib/agenda/agenda.schema";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/agenda/booking";
import { bookingContext, weekSlots } from "@/lib/agenda/booking-queries";
import { getDb } from "@/db/client";
import { conversationForBooking } from "@/lib/conversations/access";

// The booking panel's actions (components/agenda/booking-panel.tsx), for agents with the
// «prendre des rendez-vous» right and administrators. The schedule's own agents' rights are the
// booking engine's (lib/agenda/booking.ts).

export const bookingContextAction = defineAction(
  "agenda.book",
  z.object({ campaignId: z.number().int().positive(), postalCode: z.string().max(20).nullable().optional() }),
  async ({ campaignId, postalCode }) => bookingContext(campaignId, postalCode),
);

export const weekSlotsAction = defineAction("agenda.book", slotQuerySchema, async (input, user) =>
  weekSlots(input, can(user, "admin.access")),
);

export const bookAppointmentAction = defineAction("agenda.book", bookSchema, async (input, user) => {
  const context = await bookingContext(input.campaignId);
  // Only a rep of the campaign's own schedule.
  if (!context.configured || !context.reps.some((r) => r.id === input.repId)) throw new ActionError("agenda.refusals.notInCampaign");
  // From the workspace: only the agent's own conversation, linked to its author's customer-file row.
  const linked = input.conversationId
    ? await conversationForBooking(
        await getDb(),
        { id: user.id, isAdmin: can(user, "admin.access") },
        input.conversationId,
        input.campaignId,
      )
    : null;
  const a = await bookAppointment(
    { id: user.id, login: user.login, role: user.role },
    {
      repId: input.repId,
      typeId: input.typeId,
      locationId: input.locationId ?? null,
      startsAt: new Date(input.startsAt),
      campaignId: input.campaignId,
      conversationId: input.conversationId ?? null,
      addressBookId: context.addressBookId,
      contactId: input.contactId ?? null,
      customerGuid: linked ? linked.customerGuid : (input.customerGuid ?? null),
      customerName: input.customerName,
      notes: input.notes,
    },
  );
  return { id: a.id, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() };
});

export const moveAppointmentAction = defineAction(
  "agenda.book",
  z.object({ appointmentId: z.number().int().positive(), startsAt: z.string().datetime({ offset: true }) }),
  async ({ appointmentId, startsAt }, user) => {
    const a = await moveAppointment({ id: user.id, login: user.login, role: user.role }, { appointmentId, startsAt: new Date(startsAt) });
    return { id: a.id, startsAt: a.startsAt.toISOString() };
  },
);

export const cancelAppointmentAction = defineAction(
  "agenda.book",
  z.object({ appointmentId: z.number().int().positive() }),
  async ({ appointmentId }, user) => {
    const a = await cancelAppointment({ id: user.id, login: user.login, role: user.role }, { appointmentId });
    return { id: a.id };
  },
);
