import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import {
  agentPresence,
  agentProfiles,
  appointmentTypes,
  assignments,
  callbacks,
  conversations,
  customerDatabases,
  emailTemplates,
  outbox,
  qualificationStatuses,
  qualificationSubStatuses,
  salesReps,
  salesRepSchedules,
  scripts,
  scriptVersions,
} from "@/db/schema";
import { pollCampaign } from "@/lib/ingestion/poll";
import { assignWaitingConversations } from "@/lib/routing/assign";
import { qualifyConversation, setPresence } from "@/lib/conversations/mutations";
import { sendAnswer } from "@/lib/outbox/replies";
import { assignedConversations, conversationDetail } from "@/lib/conversations/workspace-queries";
import { runScriptAction } from "@/lib/conversations/script-run";
import { conversationForBooking } from "@/lib/conversations/access";
import { bookAppointment } from "@/lib/agenda/booking";
import { defaultGreyed, zonedInstant } from "@/lib/agenda/slots";
import { markRead } from "@/lib/conversations/reads";
import { fireCallback, overdueCallbacks, scheduleCallback } from "@/lib/conversations/callbacks";
import { setWorkspaceClock } from "@/lib/conversations/clock";
import { fireCallbackJob } from "@/lib/jobs/functions/fire-callback";
import { EmbeddedRunner } from "@/lib/jobs/runner";
import { applyCustomerFile } from "@/lib/scripts/customer-file";
import { scriptModelSchema, type ScriptModelInput } from "@/lib/scripts/model";
import type { RunState } from "@/lib/scripts/interpreter";
import { setupDemoWorkspace } from "./demo-fixture";

const layout = (row: number) => ({ row, col: 0, width: 6 });
const model: ScriptModelInput = {
  version: 2,
  pages: [
    {
      id: "p1",
      name: "Accueil",
      objects: [
        { id: "o_hello", kind: "label", name: "HELLO", label: "", text: "Bonjour $NOM", evaluate: true, layout: layout(0) },
        { id: "o_city", kind: "input", name: "VILLE", label: "Ville", required: true, layout: layout(1) },
        { id: "o_rdv", kind: "agenda", name: "RDV", label: "Rendez-vous", layout: layout(2) },
        { id: "o_save", kind: "button", name: "SAVE", label: "Enregistrer fiche", actionId: "a_save", layout: layout(3) },
      ],
    },
    { id: "p2", name: "Suite", objects: [] },
  ],
  actions: [
    { id: "a_save", name: "save", commands: [{ type: "saveCustomerFile" }] },
    {
      id: "a_flow",
      name: "flow",
      commands: [
        { type: "setVariable", variable: "STEP", value: "vu $NOM" },
        {
          type: "ifEquals",
          variable: "VILLE",
          equals: "Paris",
          then: [{ type: "setVariable", variable: "ZONE", value: "IDF" }],
          else: [{ type: "setVariable", variable: "ZONE", value: "PROV" }],
        },
        { type: "goToPage", pageId: "p2" },
      ],
    },
    { id: "a_book", name: "book", commands: [{ type: "bookAppointment", objectId: "o_rdv" }] },
    { id: "a_mail", name: "mail", commands: [{ type: "sendEmail", template: "Confirmation", to: "$VILLE@example.com" }] },
    { id: "a_end", name: "end", commands: [{ type: "endConversation" }] },
    { id: "a_close", name: "close", commands: [{ type: "qualify", status: "INFO" }, { type: "endConversation" }] },
    { id: "a_sale", name: "sale", commands: [{ type: "qualify", status: "VENTE" }] },
    { id: "a_sale_web", name: "saleWeb", commands: [{ type: "qualify", status: "VENTE", detail: "WEB" }] },
    { id: "a_sale_bad", name: "saleBad", commands: [{ type: "qualify", status: "VENTE", detail: "NOPE" }] },
  ],
  variables: [{ name: "NOM", source: "message", ref: "authorName", defaultValue: "" }],
};

const state = (values: Record<string, string>, pageId = "p1"): Pick<RunState, "pageId" | "values" | "visited"> => ({
  pageId,
  values,
  visited: [pageId],
});

describe("agent workspace on the database", () => {
  const w = setupDemoWorkspace();
  let agentA = 0;
  let agentB = 0;

  beforeAll(async () => {
    [agentA, agentB] = w.state.agents;
    await w.db
      .insert(agentProfiles)
      .values([{ userId: agentA }, { userId: agentB }])
      .onConflictDoNothing();
    const [database] = await w.db.insert(customerDatabases).values({ name: "Clients démo", schemaName: "db_clients" }).returning();
    const columns = [{ objectId: "o_city", objectName: "VILLE", column: "VILLE", type: "text" as const }];
    await w.db.transaction((tx) => applyCustomerFile(tx, "db_clients", "C_DEMO", columns));
    const parsed = scriptModelSchema.parse(model);
    const [script] = await w.db.insert(scripts).values({ name: "Script test", draft: parsed }).returning();
    const [version] = await w.db
      .insert(scriptVersions)
      .values({
        scriptId: script.id,
        kind: "production",
        number: 1,
        model: parsed,
        customerFile: { databaseId: database.id, schemaName: "db_clients", tableName: "C_DEMO", mapping: { columns, excluded: [] } },
      })
      .returning();
    await w.setCampaign({ scriptId: script.id, scriptVersionId: version.id, databaseId: database.id });
    await w.db
      .insert(emailTemplates)
      .values({ campaignId: w.state.campaignId, name: "Confirmation", subject: "Merci", body: "Bonjour $NOM" });
  });
  afterAll(() => setWorkspaceClock(null));

  async function newConversationFor(agentId: number, handle: string, name: string, text: string) {
    await w.sim.postCustomerTweet({ authorHandle: handle, authorName: name, text });
    await pollCampaign(w.state.campaignId);
    await setPresence(agentId, "ready");
    await assignWaitingConversations();
    const list = await assignedConversations(agentId);
    return list[list.length - 1].id;
  }

  it("runs each script action for real, and the author's next conversation reads his saved row", async () => {
    const id = await newConversationFor(agentA, "marc", "Marc Dupont", "relais : ma commande ?");
    const detail = await conversationDetail(agentA, id);
    // «Evaluer»: the variable comes from the message's author.
    expect(detail?.script?.values.NOM).toBe("Marc Dupont");
    expect(detail?.script?.values.VILLE).toBeUndefined(); // no row yet: the object's default applies
    expect(detail?.history).toEqual([]);

    // Required fields block the save, with the field named.
    const blocked = await runScriptAction(agentA, { conversationId: id, actionId: "a_save", state: state({ VILLE: "" }) });
    expect(blocked.error).toEqual({ code: "invalidFields", fields: { VILLE: "required" } });
    expect(await rows(w.db, sql`select * from db_clients."C_DEMO"`)).toHaveLength(0);

    // Save to the customer file: a real row, bound to the author.
    const saved = await runScriptAction(agentA, { conversationId: id, actionId: "a_save", state: state({ VILLE: "Lyon", NOM: "forged" }) });
    expect(saved.done).toEqual(["saveCustomerFile"]);
    expect(saved.state.values.NOM).toBe("Marc Dupont"); // a sourced variable is the server's, not the browser's
    const table = await rows<{ VILLE: string }>(w.db, sql`select "VILLE" from db_clients."C_DEMO"`);
    expect(table).toEqual([{ VILLE: "Lyon" }]);
    // A second save updates the same row.
    await runScriptAction(agentA, { conversationId: id, actionId: "a_save", state: state({ VILLE: "Paris" }) });
    expect(await rows(w.db, sql`select "VILLE" from db_clients."C_DEMO"`)).toEqual([{ VILLE: "Paris" }]);

    // Set variable, if/else, go to page.
    const flow = await runScriptAction(agentA, { conversationId: id, actionId: "a_flow", state: state({ VILLE: "Paris" }) });
    expect(flow.state).toMatchObject({ pageId: "p2", values: { STEP: "vu Marc Dupont", ZONE: "IDF" } });
    const other = await runScriptAction(agentA, { conversationId: id, actionId: "a_flow", state: state({ VILLE: "Lyon" }) });
    expect(other.state.values.ZONE).toBe("PROV");

    // Booking: an empty agenda object is a field error; a value without a real appointment is refused.
    const noSlot = await runScriptAction(agentA, { conversationId: id, actionId: "a_book", state: state({ VILLE: "Paris", RDV: "" }) });
    expect(noSlot.error).toEqual({ code: "invalidFields", fields: { RDV: "required" } });
    const slot = zonedInstant("2030-03-04", 10 * 60, "Europe/Paris")!;
    await expect(
      runScriptAction(agentA, { conversationId: id, actionId: "a_book", state: state({ VILLE: "Paris", RDV: slot.toISOString() }) }),
    ).rejects.toThrow("desk.script.errors.bookFirst");
    // The booking panel links only the agent's own conversation, with the author's customer-file row.
    await expect(conversationForBooking(w.db, { id: agentB, isAdmin: false }, id, w.state.campaignId)).rejects.toThrow(
      "workspace.errors.notYours",
    );
    const link = await conversationForBooking(w.db, { id: agentA, isAdmin: false }, id, w.state.campaignId);
    const [row] = await rows<{ contact_guid: string }>(w.db, sql`select contact_guid from db_clients."C_DEMO"`);
    expect(link.customerGuid).toBe(row.contact_guid);
    const [schedule] = await w.db
      .insert(salesRepSchedules)
      .values({ name: "Commerciaux", greyed: defaultGreyed(), maxDaysAhead: 3650 })
      .returning();
    const [type] = await w.db
      .insert(appointmentTypes)
      .values({ scheduleId: schedule.id, name: "Visite", durationMinutes: 60, spanStart: "08:00", spanEnd: "19:00" })
      .returning();
    const [rep] = await w.db.insert(salesReps).values({ lastName: "Martin", firstName: "Léa", scheduleId: schedule.id }).returning();
    const appointment = await bookAppointment(
      { id: agentA, login: "agent", role: "agent" },
      {
        repId: rep.id,
        typeId: type.id,
        startsAt: slot,
        campaignId: w.state.campaignId,
        conversationId: id,
        customerGuid: link.customerGuid,
      },
      new Date("2030-03-01T12:00:00Z"),
    );
    expect(appointment).toMatchObject({ conversationId: id, customerGuid: row.contact_guid });
    const booked = await runScriptAction(agentA, {
      conversationId: id,
      actionId: "a_book",
      state: state({ VILLE: "Paris", RDV: slot.toISOString() }),
    });
    expect(booked.done).toEqual(["bookAppointment"]);

    // Email from a template: the template found by name, the recipient interpolated.
    const mail = await runScriptAction(agentA, { conversationId: id, actionId: "a_mail", state: state({ VILLE: "paris" }) });
    expect(mail.done).toEqual(["sendEmail"]);
    // It is a row of the outbox (sent after commit by its job), addressed to the interpolated recipient.
    const mails = await w.db.select().from(outbox).where(eq(outbox.kind, "email"));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ conversationId: id, payload: { kind: "email", to: "paris@example.com" } });

    // End needs a qualification; qualify + end closes, and (no «Directement Prêt») pauses the agent.
    await expect(runScriptAction(agentA, { conversationId: id, actionId: "a_end", state: state({ VILLE: "Paris" }) })).rejects.toThrow(
      "desk.script.errors.qualifyFirst",
    );
    const closed = await runScriptAction(agentA, { conversationId: id, actionId: "a_close", state: state({ VILLE: "Paris" }) });
    expect(closed).toMatchObject({ closed: true, done: ["qualify", "endConversation"] });
    const [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv).toMatchObject({ status: "closed", qualificationCode: "INFO" });
    const [presence] = await w.db.select().from(agentPresence).where(eq(agentPresence.userId, agentA));
    expect(presence.state).toBe("paused");
    // (The offer row and its end reason come from the routing branch's assign.ts; main's assign writes none.)

    // The same author comes back: his row is found, his earlier conversation listed with its qualification.
    const second = await newConversationFor(agentA, "marc", "Marc Dupont", "relais : encore moi");
    expect(second).not.toBe(id);
    const next = await conversationDetail(agentA, second);
    expect(next?.script?.values.VILLE).toBe("Paris");
    expect(next?.history).toEqual([expect.objectContaining({ id, qualificationLabel: "Information donnée", status: "closed" })]);
    expect(next?.responseValues.AUTEUR).toBe("Marc Dupont");
  });

  it("qualifies with a required detail, and «Directement Prêt» puts the agent back to Ready", async () => {
    const id = (await assignedConversations(agentA))[0].id;
    const [sale] = await w.db.select().from(qualificationStatuses).where(eq(qualificationStatuses.code, "VENTE"));
    const [detail] = await w.db.insert(qualificationSubStatuses).values({ statusId: sale.id, code: "WEB", label: "Vente web" }).returning();
    await expect(qualifyConversation(agentA, { conversationId: id, statusId: sale.id })).rejects.toThrow(
      "qualifications.errors.subStatusRequired",
    );
    // A script's «Qualifier» command names the detail by its code: without one it is refused the
    // same way, and so is a code the status does not have.
    await expect(runScriptAction(agentA, { conversationId: id, actionId: "a_sale", state: state({ VILLE: "Paris" }) })).rejects.toThrow(
      "qualifications.errors.subStatusRequired",
    );
    await expect(runScriptAction(agentA, { conversationId: id, actionId: "a_sale_bad", state: state({ VILLE: "Paris" }) })).rejects.toThrow(
      "qualifications.errors.subStatusInvalid",
    );
    await w.db.update(agentProfiles).set({ directlyReady: true }).where(eq(agentProfiles.userId, agentA));
    const result = await qualifyConversation(agentA, { conversationId: id, statusId: sale.id, subStatusId: detail.id });
    expect(result.state).toBe("ready");
    const [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv).toMatchObject({ status: "closed", qualificationCode: "VENTE", qualificationSubLabel: "Vente web" });
    const [presence] = await w.db.select().from(agentPresence).where(eq(agentPresence.userId, agentA));
    expect(presence.state).toBe("ready");

    // With the detail's code, the script's command closes the next conversation with that detail.
    const other = await newConversationFor(agentA, "web_client", "Client Web", "relais : commande en ligne");
    const scripted = await runScriptAction(agentA, { conversationId: other, actionId: "a_sale_web", state: state({ VILLE: "Paris" }) });
    expect(scripted).toMatchObject({ closed: true, done: ["qualify"] });
    const [byScript] = await w.db.select().from(conversations).where(eq(conversations.id, other));
    expect(byScript).toMatchObject({ status: "closed", qualificationCode: "VENTE", qualificationSubLabel: "Vente web" });
  });

  it("refuses every action on another agent's conversation", async () => {
    const id = await newConversationFor(agentA, "lea", "Léa", "relais bonjour");
    expect((await assignedConversations(agentA)).map((c) => c.id)).toContain(id);
    const [info] = await w.db.select().from(qualificationStatuses).where(eq(qualificationStatuses.code, "INFO"));
    const due = new Date(Date.now() + 10 * 60_000).toISOString();
    expect(await conversationDetail(agentB, id)).toBeNull();
    for (const attempt of [
      () => runScriptAction(agentB, { conversationId: id, actionId: "a_save", state: state({ VILLE: "Nice" }) }),
      () => qualifyConversation(agentB, { conversationId: id, statusId: info.id }),
      () => scheduleCallback(agentB, { conversationId: id, dueAt: due, personal: true }),
      () => markRead(agentB, id),
      () => sendAnswer(agentB, { conversationId: id, kind: "x_dm", text: "Hello", idempotencyKey: crypto.randomUUID() }),
    ]) {
      await expect(attempt()).rejects.toThrow("workspace.errors.notYours");
    }
    const [conv] = await w.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv).toMatchObject({ status: "assigned", assignedAgentId: agentA });
    expect(await rows(w.db, sql`select * from db_clients."C_DEMO"`)).toHaveLength(1);
  });

  it("marks a conversation unread until the agent has seen its latest message", async () => {
    const [c] = await assignedConversations(agentA);
    expect(c.unread).toBe(true);
    await markRead(agentA, c.id);
    expect((await assignedConversations(agentA))[0].unread).toBe(false);
  });

  it("schedules callbacks before the deadline; the delayed run brings them back at their time; late ones are flagged", async () => {
    let t = Date.now();
    const clock = () => new Date(t);
    setWorkspaceClock(clock);
    const runner = new EmbeddedRunner([fireCallbackJob], { now: clock });
    const [c] = await assignedConversations(agentA);
    await w.setCampaign({ callbackDeadlineMinutes: 60 });

    const at = (minutes: number) => new Date(t + minutes * 60_000).toISOString();
    await expect(scheduleCallback(agentA, { conversationId: c.id, dueAt: at(-1), personal: true })).rejects.toThrow(
      "desk.callback.errors.past",
    );
    await expect(scheduleCallback(agentA, { conversationId: c.id, dueAt: at(61), personal: true })).rejects.toThrow(
      "desk.callback.errors.afterDeadline",
    );
    await w.db.update(agentProfiles).set({ personalCallbacks: false }).where(eq(agentProfiles.userId, agentA));
    await expect(scheduleCallback(agentA, { conversationId: c.id, dueAt: at(10), personal: true })).rejects.toThrow(
      "desk.callback.errors.personalNotAllowed",
    );
    await w.db.update(agentProfiles).set({ personalCallbacks: true }).where(eq(agentProfiles.userId, agentA));

    const { callbackId } = await scheduleCallback(agentA, { conversationId: c.id, dueAt: at(10), personal: true });
    let [conv] = await w.db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(conv).toMatchObject({ status: "scheduled", assignedAgentId: null });
    expect(await assignedConversations(agentA)).toHaveLength(0);

    // Nine minutes later: not yet.
    t += 9 * 60_000;
    await runner.idle();
    [conv] = await w.db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(conv.status).toBe("scheduled");
    // At its time: back to this agent, with an assignment saying why.
    t += 60_000;
    await runner.idle();
    [conv] = await w.db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(conv).toMatchObject({ status: "assigned", assignedAgentId: agentA });
    const back = await w.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.conversationId, c.id), eq(assignments.why, "callback")));
    expect(back).toHaveLength(1);
    // A second run of the same callback changes nothing.
    expect(await fireCallback(callbackId)).toEqual({ fired: false, to: null });

    // Not taken up 6 minutes after its time: overdue for the supervisor, until the agent acts.
    t += 6 * 60_000;
    expect((await overdueCallbacks(clock())).map((o) => o.id)).toEqual([callbackId]);
    await markRead(agentA, c.id); // reading is not acting
    expect(await overdueCallbacks(clock())).toHaveLength(1);
    const { callbackId: second } = await scheduleCallback(agentA, { conversationId: c.id, dueAt: at(5), personal: false });
    expect(await overdueCallbacks(clock())).toHaveLength(0);
    const [first] = await w.db.select().from(callbacks).where(eq(callbacks.id, callbackId));
    expect(first.handledAt).not.toBeNull();

    // A queue callback comes back to the queue, with a fresh waiting time.
    t += 5 * 60_000;
    await runner.idle();
    [conv] = await w.db.select().from(conversations).where(eq(conversations.id, c.id));
    expect(conv).toMatchObject({ status: "waiting", assignedAgentId: null });
    expect(conv.waitingSince?.getTime()).toBe(t);
    const [cb] = await w.db.select().from(callbacks).where(eq(callbacks.id, second));
    expect(cb.firedAt?.getTime()).toBe(t);
    await runner.stop();
  });
});
