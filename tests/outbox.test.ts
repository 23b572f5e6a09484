// The outbox under the failures review found (issue 10): a crash between the network's answer
// and the commit, a crash before the network saw the send, a late failure after a confirmation,
// two tabs retrying one failed row. Against the real simulator, on PGlite and PostgreSQL.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaigns, conversations, messages, outbox } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { setPresence } from "@/lib/conversations/mutations";
import { currentConversation } from "@/lib/conversations/queries";
import { policyForConversation } from "@/lib/conversations/reply-policy";
import { pollCampaign } from "@/lib/ingestion/poll";
import { enqueueEmail } from "@/lib/mail/queue";
import { sendTemplateEmail } from "@/lib/mail/templates";
import { callNetwork, claimRow, deliverOnce, reconcileStuck, recordOutcome, STALE_SENDING_MS } from "@/lib/outbox/deliver";
import { retrySend, sendAnswer } from "@/lib/outbox/replies";
import { assignWaitingConversations } from "@/lib/routing/assign";
import { DEMO_FACEBOOK_CREDENTIALS } from "@/lib/simulator/demo";
import { emailTemplates, users } from "@/db/schema";
import { setupDemoWorkspace } from "./demo-fixture";

const key = () => crypto.randomUUID();
const later = () => new Date(Date.now() + STALE_SENDING_MS + 5_000);

describe("replies through the outbox", () => {
  const w = setupDemoWorkspace({ smtp: true });
  let nextAgent = 0;
  // The demo has five agents; each conversation here gets a fresh one (the previous one pauses).
  async function agentAt(i: number): Promise<number> {
    while (w.state.agents.length <= i) {
      const n = w.state.agents.length;
      const [u] = await w.db
        .insert(users)
        .values({ login: `outbox${n}`, name: `Agent outbox ${n}`, role: "agent", passwordHash: "-" })
        .returning();
      w.state.agents.push(u.id);
    }
    return w.state.agents[i];
  }

  /** A customer's tweet, polled and given to a fresh agent (the previous one pauses). */
  async function conversationFor(text: string, handle = `client${nextAgent}`) {
    const agent = await agentAt(nextAgent++);
    const tweet = await w.sim.postCustomerTweet({ authorHandle: handle, text });
    await pollCampaign(w.state.campaignId);
    await setPresence(agent, "ready");
    await assignWaitingConversations();
    await setPresence(agent, "paused");
    const conv = await currentConversation(agent);
    expect(conv?.thread[0]?.text).toBe(text);
    return { agent, conv: conv!, tweet };
  }

  const row = async (id: number) => (await w.db.select().from(outbox).where(eq(outbox.id, id)))[0];

  it("answers a keyword hit by DM and refuses a public reply with the reason; a mention gets its public reply", async () => {
    const { agent, conv } = await conversationFor("relais, ma commande est en retard");
    const policy = await policyForConversation(w.db, conv.id, new Date());
    expect(policy?.preferred).toBe("x_dm");
    await expect(sendAnswer(agent, { conversationId: conv.id, kind: "x_reply", text: "Bonjour", idempotencyKey: key() })).rejects.toThrow(
      "replyPolicy.reasons.xNotMentioned",
    );
    const dm = await sendAnswer(agent, {
      conversationId: conv.id,
      kind: "x_dm",
      text: "Bonjour, votre numéro de commande ?",
      idempotencyKey: key(),
    });
    expect(dm.state).toBe("queued");
    expect(await deliverOnce(dm.id)).toBe("sent");
    const dms = (await w.sim.listDms()).filter((d) => d.text === "Bonjour, votre numéro de commande ?");
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({ fromApp: true, recipientHandle: "client0" });
    const [thread] = await w.db
      .select()
      .from(messages)
      .where(eq(messages.id, (await row(dm.id)).messageId!));
    expect(thread).toMatchObject({ sendState: "sent", replyKind: "x_dm", externalId: dms[0].id });

    const mention = await conversationFor("@relais_demo relais : colis abîmé");
    const reply = await sendAnswer(mention.agent, {
      conversationId: mention.conv.id,
      kind: "x_reply",
      text: "Désolés ! Nous vous écrivons.",
      idempotencyKey: key(),
    });
    expect(await deliverOnce(reply.id)).toBe("sent");
    const replies = (await w.sim.listReplies()).filter((r) => r.text === "Désolés ! Nous vous écrivons.");
    expect(replies).toHaveLength(1);
    expect(replies[0].inReplyToId).toBe(mention.tweet.id);
  });

  it("reconciles a row a crash left sending after the network took it: read back as sent, never posted again", async () => {
    const { agent, conv } = await conversationFor("@relais_demo relais où en est ma livraison ?");
    const text = `Elle arrive demain ${Date.now()}`;
    const queued = await sendAnswer(agent, { conversationId: conv.id, kind: "x_reply", text, idempotencyKey: key() });
    const claimed = await claimRow(queued.id);
    expect(claimed).not.toBeNull();
    const outcome = await callNetwork(claimed!);
    expect(outcome.type).toBe("sent");
    // The process dies here: the network posted, the outcome was never recorded.
    expect((await row(queued.id)).state).toBe("sending");
    expect(await deliverOnce(queued.id)).toBe("sending"); // a second attempt does not claim it

    expect(await reconcileStuck(new Date())).toEqual([]); // not stale yet
    expect(await reconcileStuck(later())).toEqual([{ id: queued.id, state: "sent" }]);
    const posted = (await w.sim.listReplies()).filter((r) => r.text === text);
    expect(posted).toHaveLength(1);
    expect(await row(queued.id)).toMatchObject({ state: "sent", externalId: posted[0].id });
  });

  it("marks a row a crash left sending before the network saw it as failed, and of two tabs retrying it one wins and it posts once", async () => {
    const { agent, conv } = await conversationFor("@relais_demo relais une question");
    const text = `Voici la réponse ${Date.now()}`;
    const queued = await sendAnswer(agent, { conversationId: conv.id, kind: "x_reply", text, idempotencyKey: key() });
    await claimRow(queued.id); // crash right after the claim
    expect(await reconcileStuck(later())).toEqual([{ id: queued.id, state: "failed" }]);
    expect(await row(queued.id)).toMatchObject({ state: "failed", errorReason: "outbox.reasons.interrupted" });
    expect((await w.sim.listReplies()).filter((r) => r.text === text)).toHaveLength(0);

    const tabs = await Promise.allSettled([retrySend(agent, queued.id), retrySend(agent, queued.id)]);
    expect(tabs.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    const refused = tabs.find((t) => t.status === "rejected") as PromiseRejectedResult;
    expect(String(refused.reason)).toContain("outbox.errors.alreadyRetried");
    const attempts = await Promise.all([deliverOnce(queued.id), deliverOnce(queued.id)]);
    expect(attempts).toContain("sent");
    expect((await w.sim.listReplies()).filter((r) => r.text === text)).toHaveLength(1);
  });

  it("never marks a confirmed send failed, whatever is recorded after it", async () => {
    const { agent, conv } = await conversationFor("@relais_demo relais merci");
    const queued = await sendAnswer(agent, {
      conversationId: conv.id,
      kind: "x_reply",
      text: `Avec plaisir ${Date.now()}`,
      idempotencyKey: key(),
    });
    const claimed = (await claimRow(queued.id))!;
    const sent = await callNetwork(claimed);
    expect(await recordOutcome(queued.id, sent)).toBe("sent");
    const failure = { reason: "outbox.reasons.networkError", code: "503", transient: false };
    expect(await recordOutcome(queued.id, { type: "failed", token: claimed.token, failure })).toBe("sent");
    expect(await row(queued.id)).toMatchObject({ state: "sent", errorReason: null });
    await expect(retrySend(agent, queued.id)).rejects.toThrow("outbox.errors.alreadySent");
  });

  it("keeps one row for one key (a double click, two tabs) and refuses a text longer than the network allows", async () => {
    const { agent, conv } = await conversationFor("@relais_demo relais allo");
    const k = key();
    const input = { conversationId: conv.id, kind: "x_reply" as const, text: "Une seule fois", idempotencyKey: k };
    const [a, b] = await Promise.all([sendAnswer(agent, input), sendAnswer(agent, input)]);
    expect(a.id).toBe(b.id);
    expect(await w.db.select().from(outbox).where(eq(outbox.idempotencyKey, k))).toHaveLength(1);
    expect(await w.db.select().from(messages).where(eq(messages.requestKey, k))).toHaveLength(1);
    await expect(sendAnswer(agent, { ...input, text: "x".repeat(281), idempotencyKey: key() })).rejects.toThrow("outbox.errors.tooLong");
  });

  it("answers Messenger with RESPONSE, then HUMAN_AGENT after 24 h, and refuses after 7 days", async () => {
    const page = await w.sim.createFacebookPage("Page outbox");
    const [twitter] = await w.db.select().from(campaigns).where(eq(campaigns.id, w.state.campaignId));
    const [fb] = await w.db
      .insert(campaigns)
      .values({
        type: "facebook",
        name: "Outbox Facebook",
        state: "running",
        platformId: twitter.platformId,
        queueId: twitter.queueId,
        qualificationGroupId: twitter.qualificationGroupId,
        scriptId: twitter.scriptId,
        scriptVersionId: twitter.scriptVersionId,
        credentials: encryptSecret({ ...DEMO_FACEBOOK_CREDENTIALS, pageAccessToken: page.token, pageId: page.pageId }),
      })
      .returning();
    const cases: { name: string; ageHours: number; tag?: string }[] = [
      { name: "Anne Récente", ageHours: 0 },
      { name: "Bruno Hier", ageHours: 30, tag: "HUMAN_AGENT" },
      { name: "Chloé Ancienne", ageHours: 8 * 24, tag: "closed" },
    ];
    for (const c of cases)
      await w.sim.postCustomerMessage({
        authorName: c.name,
        text: `Bonjour, je suis ${c.name}`,
        pageId: page.pageId,
        ageHours: c.ageHours,
      });
    await pollCampaign(fb.id);
    for (let i = 0; i < cases.length; i++) {
      const agent = await agentAt(nextAgent++);
      await setPresence(agent, "ready");
      await assignWaitingConversations();
      await setPresence(agent, "paused");
      const conv = (await currentConversation(agent))!;
      const who = cases.find((x) => conv.authorName === x.name)!;
      const policy = (await policyForConversation(w.db, conv.id, new Date()))!;
      const text = `Réponse à ${who.name}`;
      if (who.tag === "closed") {
        expect(policy.options[0]).toMatchObject({ allowed: false, reason: "replyPolicy.reasons.messengerWindowClosed" });
        await expect(sendAnswer(agent, { conversationId: conv.id, kind: "messenger", text, idempotencyKey: key() })).rejects.toThrow(
          "replyPolicy.reasons.messengerWindowClosed",
        );
        continue;
      }
      expect(policy.options[0].tag).toBe(who.tag);
      const sent = await sendAnswer(agent, { conversationId: conv.id, kind: "messenger", text, idempotencyKey: key() });
      expect(await deliverOnce(sent.id)).toBe("sent");
      expect((await row(sent.id)).payload).toMatchObject({ kind: "messenger", ...(who.tag ? { tag: who.tag } : {}) });
      const delivered = (await w.sim.listFacebookMessages()).filter((m) => m.text === text);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]).toMatchObject({ fromPage: true, fromApp: true });
    }
  });

  it("replies to a Facebook comment in public and once in private; the simulator refuses a second private reply", async () => {
    const post = await w.sim.postPagePost({ text: "Nos nouveautés" });
    const comment = await w.sim.postCustomerComment({ authorName: "Denis Commentaire", text: "Et les prix ?", objectId: post.id });
    const [fb] = await w.db.select().from(campaigns).where(eq(campaigns.name, "Outbox Facebook"));
    // The demo page's token: this conversation lives on the demo page.
    await w.db
      .update(campaigns)
      .set({ credentials: encryptSecret({ ...DEMO_FACEBOOK_CREDENTIALS }) })
      .where(eq(campaigns.id, fb.id));
    const agent = await agentAt(nextAgent++);
    const [conv] = await w.db
      .insert(conversations)
      .values({
        campaignId: fb.id,
        network: "facebook",
        threadId: comment.id,
        authorId: comment.comment.fromId,
        authorHandle: comment.comment.fromId,
        authorName: "Denis Commentaire",
        channel: "comment",
        status: "assigned",
        assignedAgentId: agent,
      })
      .returning();
    await w.db.insert(messages).values({
      conversationId: conv.id,
      campaignId: fb.id,
      direction: "in",
      externalId: comment.id,
      text: "Et les prix ?",
      authorId: comment.comment.fromId,
      authorHandle: comment.comment.fromId,
      authorName: "Denis Commentaire",
      networkCreatedAt: new Date(),
    });
    const pub = await sendAnswer(agent, {
      conversationId: conv.id,
      kind: "fb_comment_reply",
      text: "À partir de 10 €.",
      idempotencyKey: key(),
    });
    const priv = await sendAnswer(agent, {
      conversationId: conv.id,
      kind: "fb_private_reply",
      text: "Je vous envoie la grille.",
      idempotencyKey: key(),
    });
    expect(await deliverOnce(pub.id)).toBe("sent");
    expect(await deliverOnce(priv.id)).toBe("sent");
    const replies = (await w.sim.listFacebookComments()).filter((c) => c.parentId === comment.id);
    expect(replies.map((r) => r.text)).toEqual(["À partir de 10 €."]);
    expect((await w.sim.listFacebookMessages()).filter((m) => m.text === "Je vous envoie la grille.")).toHaveLength(1);
    const after = (await policyForConversation(w.db, conv.id, new Date()))!;
    expect(after.options.find((o) => o.kind === "fb_private_reply")).toMatchObject({
      allowed: false,
      reason: "replyPolicy.reasons.commentPrivateReplyUsed",
    });
    // Straight at the network, a second private reply is refused (#10900) and mapped to its reason.
    const again = await w.db
      .insert(outbox)
      .values({
        idempotencyKey: key(),
        kind: "fb_private_reply",
        campaignId: fb.id,
        conversationId: conv.id,
        payload: { kind: "fb_private_reply", text: "Encore", commentId: comment.id, recipientId: comment.comment.fromId },
      })
      .returning();
    expect(await deliverOnce(again[0].id)).toBe("failed");
    expect(await row(again[0].id)).toMatchObject({ errorReason: "outbox.reasons.privateReplyUsed", errorCode: "10900" });
  });
});

describe("email through the outbox and the simulator's SMTP listener", () => {
  const w = setupDemoWorkspace({ smtp: true });

  it("sends a mail queued in a committed transaction, with its attachment, and nothing for a rolled-back one", async () => {
    const { id } = await w.db.transaction((tx) =>
      enqueueEmail(tx, {
        to: "commercial@example.com",
        subject: "Rendez-vous",
        text: "Un rendez-vous est pris.",
        attachments: [{ filename: "rdv.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", contentType: "text/calendar" }],
        kind: "appointment",
      }),
    );
    await w.db
      .transaction(async (tx) => {
        await enqueueEmail(tx, { to: "personne@example.com", subject: "Jamais", text: "Annulé", kind: "system" });
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await deliverOnce(id)).toBe("sent");
    const mails = await w.sim.listMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ["commercial@example.com"], subject: "Rendez-vous", from: "relais@demo.relais.test" });
    expect(mails[0].text).toContain("Un rendez-vous est pris.");
    expect(mails[0].attachments.map((a) => a.filename)).toEqual(["rdv.ics"]);
  });

  it("fills a template's variables and records the mail in the conversation's history", async () => {
    const [agent] = w.state.agents;
    await w.sim.postCustomerTweet({ authorHandle: "julie_m", authorName: "Julie Martin", text: "relais, un devis ?" });
    await pollCampaign(w.state.campaignId);
    await setPresence(agent, "ready");
    await assignWaitingConversations();
    const conv = (await currentConversation(agent))!;
    const [template] = await w.db
      .insert(emailTemplates)
      .values({
        campaignId: w.state.campaignId,
        name: "Devis",
        subject: "Votre devis, $AUTEUR",
        body: "Bonjour $AUTEUR (@$PSEUDO), $AGENT de $CAMPAGNE. $VILLE",
      })
      .returning();
    const sent = await sendTemplateEmail(agent, {
      conversationId: conv.id,
      templateId: template.id,
      to: "julie@example.com",
      values: { VILLE: "Lyon" },
    });
    expect(sent.subject).toBe("Votre devis, Julie Martin");
    expect(await deliverOnce(sent.outboxId)).toBe("sent");
    const [mail] = (await w.sim.listMails()).filter((m) => m.subject === "Votre devis, Julie Martin");
    expect(mail.text.trim()).toBe("Bonjour Julie Martin (@julie_m), Agent 1000 de Démo Twitter. Lyon");
    const history = (await currentConversation(agent))!.thread.filter((m) => m.direction === "out");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ sendState: "sent" });
    expect(history[0].text).toContain("Votre devis, Julie Martin");
    await expect(sendTemplateEmail(agent, { conversationId: conv.id, templateId: 999_999, to: "julie@example.com" })).rejects.toThrow(
      "mail.errors.templateInvalid",
    );
  });

  it("marks an interrupted mail unknown: SMTP cannot be read back, so it is never sent again by itself", async () => {
    const { id } = await w.db.transaction((tx) => enqueueEmail(tx, { to: "x@example.com", subject: "Coupé", text: "…", kind: "system" }));
    await claimRow(id);
    expect(await reconcileStuck(later())).toEqual([{ id, state: "unknown" }]);
    expect((await w.sim.listMails()).filter((m) => m.subject === "Coupé")).toHaveLength(0);
    expect(await deliverOnce(id)).toBe("unknown");
  });
});
