// The Facebook mass message (issue 12) against the real simulator, on PGlite and PostgreSQL:
// criteria → recipients, Messenger's 24-hour window at its boundary, the state machine, a
// delivery that reaches each sendable person once, and a delivery cut short and resumed.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { auditLog, campaigns, conversations, massMessageRecipients, massMessages, queues, users } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { pollCampaign } from "@/lib/ingestion/poll";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { resetClock, setClockAt } from "@/lib/clock";
import { classify, findContacts } from "@/lib/mass-message/criteria";
import { changeMassMessage, countRecipients, previewFor, startMassMessage } from "@/lib/mass-message/mutations";
import { deliverSlice, marker } from "@/lib/mass-message/deliver";
import { createMassMessenger } from "@/lib/networks/facebook/mass-send";
import { rows } from "@/db/client";
import { massMessageCampaigns, recipientsOf, recipientsPage } from "@/lib/mass-message/queries";
import { massMessageCsv } from "@/lib/mass-message/export";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { getSupervisor } from "@/lib/hr/supervision-queries";
import { viewerScope, visibleTo } from "@/lib/realtime/stream";
import { navFor } from "@/components/shell/nav";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const massActions = await import("@/app/actions/mass-message");
const supervisorActions = await import("@/app/(admin)/admin/supervisors/actions");

const HOUR = 3_600_000;
const actor = { id: 0, login: "admin" };

describe("Facebook mass message", () => {
  const w = setupDemoWorkspace();
  let campaignId = 0;
  let admin = actor;

  beforeAll(async () => {
    const [twitter] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const [queue] = await w.db.insert(queues).values({ code: "MASSFB", description: "File mass message" }).returning();
    const rest = { ...twitter, id: undefined };
    const [fb] = await w.db
      .insert(campaigns)
      .values({
        ...rest,
        type: "facebook",
        name: "Mass Facebook",
        queueId: queue.id,
        credentials: encryptSecret(DEMO_FACEBOOK_CREDENTIALS),
      })
      .returning();
    campaignId = fb.id;
    admin = { id: w.state.adminId, login: "admin" };
    // Three people inside their window, one who wrote 30 h ago, one who asked to stop, one commenter.
    for (const name of ["Alice Roy", "Bruno Petit", "Chloé Noir"])
      await w.sim.postCustomerMessage({ authorName: name, text: `Bonjour, je suis ${name}` });
    await w.sim.postCustomerMessage({ authorName: "Denis Vieux", text: "Vous êtes ouverts ?", ageHours: 30 });
    await w.sim.postCustomerMessage({ authorName: "Emma Stop", text: "STOP" });
    const post = await w.sim.postPagePost({ text: "Nos horaires" });
    await w.sim.postCustomerComment({ authorName: "Fabien Commente", text: "Et le dimanche ?", objectId: post.id });
    await w.db.update(campaigns).set({ checkComments: true }).where(eq(campaigns.id, campaignId));
    await pollCampaign(campaignId);
  });
  afterEach(() => resetClock());

  const compose = (extra: Partial<Parameters<typeof startMassMessage>[1]> = {}) => ({
    campaignId,
    sendType: "messenger" as const,
    text: "Bonjour $AUTEUR, -20 % chez $CAMPAGNE cette semaine",
    template: null,
    criteria: {},
    ...extra,
  });

  it("splits the campaign's contacts into sendable now and not sendable, with the reason", async () => {
    const count = await countRecipients(compose());
    expect(count).toEqual({ total: 6, sendable: 3, notSendable: { window_closed: 1, no_thread: 1, opted_out: 1, window_expired: 0 } });
    const contacts = await findContacts(w.db, campaignId, {}, new Date());
    expect(
      contacts
        .filter((c) => !c.reason)
        .map((c) => c.name)
        .sort(),
    ).toEqual(["Alice Roy", "Bruno Petit", "Chloé Noir"]);
    expect(contacts.find((c) => c.name === "Denis Vieux")?.reason).toBe("window_closed");
    expect(contacts.find((c) => c.name === "Fabien Commente")?.reason).toBe("no_thread");
  });

  it("filters by last message date, language, qualification and leaves blacklisted people out", async () => {
    const since = new Date(Date.now() - 2 * HOUR).toISOString();
    expect((await countRecipients(compose({ criteria: { lastMessageFrom: since } }))).total).toBe(5);
    const [alice] = await w.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.campaignId, campaignId), eq(conversations.authorName, "Alice Roy")));
    await w.db
      .update(conversations)
      .set({ language: "en", qualificationStatusId: null, qualificationCategory: "positive" })
      .where(eq(conversations.id, alice.id));
    expect((await countRecipients(compose({ criteria: { languages: ["en"] } }))).total).toBe(1);
    // The category counts only with a status (a qualification is a status); give Alice one.
    const [status] = await rows<{ id: number }>(w.db, sql`select id from qualification_statuses limit 1`);
    await w.db
      .update(conversations)
      .set({ qualificationStatusId: Number(status.id) })
      .where(eq(conversations.id, alice.id));
    const byCategory = await countRecipients(compose({ criteria: { qualificationCategories: ["positive"] } }));
    expect(byCategory).toMatchObject({ total: 1, sendable: 1 });
    const [bruno] = await w.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.campaignId, campaignId), eq(conversations.authorName, "Bruno Petit")));
    await w.db.update(conversations).set({ filteredTerm: "arnaque" }).where(eq(conversations.id, bruno.id));
    expect(await countRecipients(compose())).toMatchObject({ total: 5, sendable: 2 });
    await w.db.update(conversations).set({ filteredTerm: null, language: null }).where(eq(conversations.id, bruno.id));
    await w.db.update(conversations).set({ language: null }).where(eq(conversations.id, alice.id));
    await expect(countRecipients(compose({ criteria: { fields: [{ column: "nope", value: "x" }] } }))).rejects.toThrow(
      "massMessage.errors.unknownColumn",
    );
  });

  it("keeps Messenger's 24-hour window to the millisecond: exactly 24 h is in, one millisecond more is out", () => {
    const last = new Date("2026-03-01T10:00:00.000Z");
    expect(classify(last, "Bonjour", new Date(last.getTime() + 24 * HOUR)).reason).toBeNull();
    expect(classify(last, "Bonjour", new Date(last.getTime() + 24 * HOUR + 1)).reason).toBe("window_closed");
    expect(classify(last, "Stop !", new Date(last.getTime() + HOUR)).reason).toBe("opted_out");
    expect(classify(null, null, last).reason).toBe("no_thread");
  });

  it("previews the message with the chosen recipient's variables filled", async () => {
    const preview = await previewFor({
      ...compose(),
      template: { title: "Offre de $AUTEUR", buttons: [{ title: "Voir", url: "https://example.com" }] },
    });
    expect(preview.sendable).toBe(true);
    expect(preview.text).toBe(`Bonjour ${preview.name}, -20 % chez Mass Facebook cette semaine`);
    expect(preview.template?.title).toBe(`Offre de ${preview.name}`);
  });

  it("refuses a template over Messenger's limits", async () => {
    const buttons = Array.from({ length: 4 }, (_, i) => ({ title: `B${i}`, url: "https://example.com" }));
    await expect(startMassMessage(admin, compose({ template: { title: "x".repeat(81), buttons } }))).rejects.toThrow();
  });

  it("sends each sendable person one message and one card, at most once, and audits the send", async () => {
    const template = {
      title: "Soldes",
      subtitle: "Jusqu'à dimanche",
      imageUrl: "https://example.com/logo.png",
      buttons: [{ title: "Voir", url: "https://example.com/soldes" }],
    };
    const { id, counts } = await startMassMessage(admin, compose({ template }));
    expect(counts.sendable).toBe(3);
    let result;
    do result = await deliverSlice(id, { sliceMs: 5_000 });
    while (result.state === "running");
    expect(result.state).toBe("done");
    const [mm] = await w.db.select().from(massMessages).where(eq(massMessages.id, id));
    expect(mm).toMatchObject({ status: "done", sentCount: 3, failedCount: 0, notSendableCount: 3, totalCount: 6 });
    const sent = await w.sim.sentWithMetadata(`relais-mm:${id}:`);
    expect(sent.total).toBe(6); // a text and a card each
    expect(Object.values(sent.byMetadata).every((n) => n === 1)).toBe(true);
    const messages = await w.sim.listFacebookMessages(20);
    expect(messages.some((m) => m.text.startsWith("Bonjour Alice Roy, -20 % chez Mass Facebook"))).toBe(true);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "mass_message"), eq(auditLog.objectId, id)));
    expect(audit.after).toMatchObject({ sendable: 3, notSendable: { window_closed: 1, no_thread: 1, opted_out: 1 } });
  });

  it("pauses, resumes and cancels through one conditional change each", async () => {
    const { id } = await startMassMessage(admin, compose());
    await changeMassMessage(admin, id, "pause");
    await expect(changeMassMessage(admin, id, "pause")).rejects.toThrow("massMessage.errors.wrongState");
    expect((await deliverSlice(id)).state).toBe("paused");
    expect((await w.sim.sentWithMetadata(`relais-mm:${id}:`)).total).toBe(0);
    await changeMassMessage(admin, id, "resume");
    await changeMassMessage(admin, id, "cancel");
    await expect(changeMassMessage(admin, id, "resume")).rejects.toThrow("massMessage.errors.wrongState");
    expect((await deliverSlice(id)).state).toBe("cancelled");
  });

  it("never sends late: a window that closes before the recipient's turn makes him not sendable", async () => {
    const { id } = await startMassMessage(admin, compose());
    setClockAt(new Date(Date.now() + 25 * HOUR));
    let result;
    do result = await deliverSlice(id, { sliceMs: 5_000 });
    while (result.state === "running");
    const rowsOf = await w.db.select().from(massMessageRecipients).where(eq(massMessageRecipients.massMessageId, id));
    expect(rowsOf.filter((r) => r.reason === "window_expired")).toHaveLength(3);
    expect((await w.sim.sentWithMetadata(`relais-mm:${id}:`)).total).toBe(0);
  });

  it("reads back a row a dead delivery left `sending` instead of sending it again", async () => {
    const { id } = await startMassMessage(admin, compose());
    const [mm] = await w.db.select().from(massMessages).where(eq(massMessages.id, id));
    const pending = await w.db
      .select()
      .from(massMessageRecipients)
      .where(and(eq(massMessageRecipients.massMessageId, id), eq(massMessageRecipients.status, "pending")));
    // A delivery claimed two rows, sent the first and died before recording anything.
    const past = new Date(Date.now() - 60_000);
    await w.db
      .update(massMessageRecipients)
      .set({ status: "sending", claimToken: randomUUID(), attemptedAt: past })
      .where(inArray(massMessageRecipients.id, [pending[0].id, pending[1].id]));
    const messenger = createMassMessenger({ ...DEMO_FACEBOOK_CREDENTIALS, baseUrl: w.state.simUrl });
    await messenger.sendText(pending[0].contactId, pending[0].renderedText, marker(id, pending[0].id, "text"));
    let result;
    do result = await deliverSlice(id, { sliceMs: 5_000 });
    while (result.state === "running");
    const sent = await w.sim.sentWithMetadata(`relais-mm:${mm.id}:`);
    expect(sent.total).toBe(3);
    expect(Object.values(sent.byRecipient)).toEqual([1, 1, 1]);
    const [after] = await w.db.select().from(massMessages).where(eq(massMessages.id, id));
    expect(after).toMatchObject({ status: "done", sentCount: 3 });
  });

  it("two deliveries of one send at once (two hosts) never send the same row", async () => {
    const { id } = await startMassMessage(admin, compose());
    const run = async () => {
      let result;
      do result = await deliverSlice(id, { sliceMs: 5_000 });
      while (result.state === "running");
      return result.state;
    };
    expect(await Promise.all([run(), run()])).toEqual(["done", "done"]);
    const sent = await w.sim.sentWithMetadata(`relais-mm:${id}:`);
    expect(sent.total).toBe(3);
    expect(Object.values(sent.byRecipient)).toEqual([1, 1, 1]);
    const [mm] = await w.db.select().from(massMessages).where(eq(massMessages.id, id));
    expect(mm.sentCount).toBe(3);
  });

  it("publishes a page post as the broadcast alternative, once", async () => {
    const { id } = await startMassMessage(admin, compose({ sendType: "page_post", text: "Portes ouvertes samedi" }));
    expect((await deliverSlice(id)).state).toBe("done");
    expect((await deliverSlice(id)).state).toBe("done");
    const posts = await w.sim.listPagePosts(5);
    expect(posts.filter((p) => p.message === "Portes ouvertes samedi")).toHaveLength(1);

    // The same text again a moment later, its first attempt cut short before publishing (left
    // `sending` by a dead process): the read-back must not take the first send's post for its own.
    const again = await startMassMessage(admin, compose({ sendType: "page_post", text: "Portes ouvertes samedi" }));
    await w.db
      .update(massMessages)
      .set({ postState: "sending", postSendingSince: new Date(Date.now() - 120_000) })
      .where(eq(massMessages.id, again.id));
    expect((await deliverSlice(again.id)).state).toBe("done");
    const both = (await w.sim.listPagePosts(5)).filter((p) => p.message === "Portes ouvertes samedi");
    expect(both).toHaveLength(2);
    const [first, second] = await w.db
      .select()
      .from(massMessages)
      .where(inArray(massMessages.id, [id, again.id]))
      .orderBy(massMessages.id);
    expect(second.postId).not.toBe(first.postId);
    expect(both.map((p) => p.id).sort()).toEqual([first.postId, second.postId].sort());
  });

  it("pages the report per recipient on the server, filtered by state, while the CSV export has every row", async () => {
    const { id } = await startMassMessage(admin, compose());
    const first = await recipientsPage(id, null, 1, 4);
    expect(first).toMatchObject({ total: 6, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(4);
    const second = await recipientsPage(id, null, 2, 4);
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(6);
    // A page past the end shows the last one; a state filters rows and count.
    expect((await recipientsPage(id, null, 99, 4)).page).toBe(2);
    const notSendable = await recipientsPage(id, "not_sendable", 1, 4);
    expect(notSendable).toMatchObject({ total: 3, pageCount: 1 });
    expect(notSendable.rows.every((r) => r.status === "not_sendable")).toBe(true);
    expect(await recipientsOf(id, null)).toHaveLength(6);
    signInAs(admin.id);
    const user = (await currentUser())!;
    signOut();
    const response = (await massMessageCsv({ user, params: { id: String(campaignId), mmId: String(id) } })) as Response;
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toHaveLength(7); // the header and the 6 recipients
    await changeMassMessage(admin, id, "cancel");
  });

  it("a supervisor given the mass-message right on his page reaches the section and starts a send; without it he is refused", async () => {
    const [sup] = await w.db.select().from(users).where(eq(users.login, "superviseur"));
    const save = async (miscRights: ("export_data" | "send_mass_message")[]) => {
      const current = (await getSupervisor(sup.id))!;
      signInAs(admin.id);
      const result = await supervisorActions.updateSupervisorAction({
        id: sup.id,
        version: current.updatedAt.toISOString(),
        login: current.login,
        name: current.name,
        reporting: current.rights.includes("reporting"),
        supervisionRights: current.supervisionRights,
        miscRights,
        groupIds: current.groupIds,
      });
      expect(result.ok).toBe(true);
      const [row] = await w.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, sup.id));
      signInAs(sup.id, { sessionVersion: row.sv });
      return (await currentUser())!;
    };
    const post = { ...compose(), sendType: "page_post" as const, text: "Message du superviseur" };

    // The demo supervisor (export right only): no menu entry, refused on the server.
    let user = await save(["export_data"]);
    expect(navFor(user).map((i) => i.href)).not.toContain("/mass-message");
    expect(await massActions.startMassMessageAction(post)).toMatchObject({ ok: false, error: "errors.forbidden" });

    user = await save(["export_data", "send_mass_message"]);
    expect(can(user, "admin.access")).toBe(false);
    expect(navFor(user).map((i) => i.href)).toContain("/mass-message");
    expect((await getSupervisor(sup.id))!.miscRights).toEqual(["export_data", "send_mass_message"]);
    const count = await massActions.countRecipientsAction(compose());
    expect(count).toMatchObject({ ok: true, data: { sendable: 3 } });
    const started = await massActions.startMassMessageAction(post);
    if (!started.ok) throw new Error(started.error);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "mass_message"), eq(auditLog.objectId, started.data.id)));
    expect(audit.userId).toBe(sup.id);
    // The progress page is live for him: he hears the send's progress (and still no campaign summary).
    const scope = await viewerScope(user);
    expect(visibleTo(scope, { type: "massMessage.progress", massMessageId: started.data.id, campaignId })).toBe(true);
    expect(visibleTo(scope, { type: "campaign.summary", campaignId, overall: "green" })).toBe(false);
    expect((await massActions.pauseMassMessageAction({ massMessageId: started.data.id })).ok).toBe(true);
    expect((await massActions.cancelMassMessageAction({ massMessageId: started.data.id })).ok).toBe(true);
    // The section's list: the Facebook campaigns only, with their sends.
    const listed = await massMessageCampaigns();
    expect(listed.map((c) => c.name)).toEqual(["Mass Facebook"]);
    const sends = await w.db.select().from(massMessages).where(eq(massMessages.campaignId, campaignId));
    expect(listed[0]).toMatchObject({ id: campaignId, sends: sends.length });
    expect(listed[0].lastSendAt?.getTime()).toBe(Math.max(...sends.map((m) => m.createdAt.getTime())));

    // The right taken away: his session ends, and a new one is refused again.
    user = await save(["export_data"]);
    expect(can(user, "massMessage.send")).toBe(false);
    expect(await massActions.countRecipientsAction(compose())).toMatchObject({ ok: false, error: "errors.forbidden" });
    signOut();
  });
});
