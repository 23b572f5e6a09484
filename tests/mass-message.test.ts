// The Facebook mass message (issue 12) against the real simulator, on PGlite and PostgreSQL:
// criteria → recipients, Messenger's 24-hour window at its boundary, the state machine, a
// delivery that reaches each sendable person once, and a delivery cut short and resumed.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { auditLog, campaigns, conversations, massMessageRecipients, massMessages, queues } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { pollCampaign } from "@/lib/ingestion/poll";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { resetClock, setClockAt } from "@/lib/clock";
import { classify, findContacts } from "@/lib/mass-message/criteria";
import { changeMassMessage, countRecipients, previewFor, startMassMessage } from "@/lib/mass-message/mutations";
import { deliverSlice, marker } from "@/lib/mass-message/deliver";
import { createMassMessenger } from "@/lib/networks/facebook/mass-send";
import { rows } from "@/db/client";
import { setupDemoWorkspace } from "./demo-fixture";

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
  });
});
