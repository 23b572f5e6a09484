import { describe, expect, it } from "vitest";
import { HOUR_MS, optionFor, replyPolicy, type ReplyPolicyInput } from "./reply-policy";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const base: ReplyPolicyInput = { network: "twitter", channel: "keyword", mentionsAccount: false, lastInboundAt: ago(60_000) };
const allowed = (p: ReturnType<typeof replyPolicy>) => p.options.filter((o) => o.allowed).map((o) => o.kind);

describe("what X allows", () => {
  it("answers a keyword hit that does not mention the account by DM only, saying why not in public", () => {
    const p = replyPolicy(base, now);
    expect(allowed(p)).toEqual(["x_dm"]);
    expect(p.preferred).toBe("x_dm");
    expect(optionFor(p, "x_reply")).toMatchObject({ allowed: false, reason: "replyPolicy.reasons.xNotMentioned" });
  });

  it("allows a public reply to a mention, and to a keyword hit that mentions or quotes the account", () => {
    expect(replyPolicy({ ...base, channel: "mention", mentionsAccount: null }, now).preferred).toBe("x_reply");
    const p = replyPolicy({ ...base, mentionsAccount: true }, now);
    expect(allowed(p)).toEqual(["x_reply", "x_dm"]);
    expect(optionFor(p, "x_reply").maxLength).toBe(280);
  });

  it("answers a DM conversation privately only", () => {
    const p = replyPolicy({ ...base, channel: "dm" }, now);
    expect(allowed(p)).toEqual(["x_dm"]);
    expect(optionFor(p, "x_reply").reason).toBe("replyPolicy.reasons.xPrivateConversation");
  });

  it("is listen only when neither a public reply nor a DM is possible", () => {
    const p = replyPolicy({ ...base, dmAllowed: false }, now);
    expect(p.listenOnly).toBe(true);
    expect(p.preferred).toBeNull();
    expect(optionFor(p, "x_dm").reason).toBe("replyPolicy.reasons.xDmNotAllowed");
  });

  it("has no Facebook answers", () => {
    expect(optionFor(replyPolicy(base, now), "messenger")).toMatchObject({
      allowed: false,
      reason: "replyPolicy.reasons.notOnThisNetwork",
    });
  });
});

describe("Messenger's 24-hour rule", () => {
  const messenger = (age: number) =>
    replyPolicy({ network: "facebook", channel: "messenger", mentionsAccount: null, lastInboundAt: ago(age) }, now);

  it("answers with a plain RESPONSE up to exactly 24 hours after the person's last message", () => {
    const at24 = optionFor(messenger(24 * HOUR_MS), "messenger");
    expect(at24).toMatchObject({ allowed: true, maxLength: 2000 });
    expect(at24.tag).toBeUndefined();
    expect(at24.until).toBe(now.toISOString());
  });

  it("uses the HUMAN_AGENT tag after 24 hours, up to exactly 7 days", () => {
    expect(optionFor(messenger(24 * HOUR_MS + 1), "messenger")).toMatchObject({
      allowed: true,
      tag: "HUMAN_AGENT",
      reason: "replyPolicy.reasons.messengerHumanAgent",
    });
    expect(optionFor(messenger(7 * 24 * HOUR_MS), "messenger")).toMatchObject({ allowed: true, tag: "HUMAN_AGENT" });
  });

  it("refuses after 7 days, with the reason, and is then listen only", () => {
    const p = messenger(7 * 24 * HOUR_MS + 1);
    expect(optionFor(p, "messenger")).toMatchObject({ allowed: false, reason: "replyPolicy.reasons.messengerWindowClosed" });
    expect(p.listenOnly).toBe(true);
  });

  it("refuses when the person never wrote", () => {
    const p = replyPolicy({ network: "facebook", channel: "messenger", mentionsAccount: null, lastInboundAt: null }, now);
    expect(optionFor(p, "messenger").reason).toBe("replyPolicy.reasons.messengerNoInbound");
  });
});

describe("Facebook comments", () => {
  const comment = (input: Partial<ReplyPolicyInput> = {}) =>
    replyPolicy({ network: "facebook", channel: "comment", mentionsAccount: null, lastInboundAt: ago(HOUR_MS), ...input }, now);

  it("offers a public reply to the comment and a private reply by Messenger", () => {
    const p = comment();
    expect(allowed(p)).toEqual(["fb_comment_reply", "fb_private_reply"]);
    expect(optionFor(p, "fb_comment_reply").maxLength).toBe(8000);
  });

  it("allows one private reply per comment, within 7 days of it", () => {
    expect(optionFor(comment({ privateReplySent: true }), "fb_private_reply").reason).toBe("replyPolicy.reasons.commentPrivateReplyUsed");
    expect(optionFor(comment({ lastInboundAt: ago(7 * 24 * HOUR_MS) }), "fb_private_reply").allowed).toBe(true);
    expect(optionFor(comment({ lastInboundAt: ago(7 * 24 * HOUR_MS + 1) }), "fb_private_reply").reason).toBe(
      "replyPolicy.reasons.commentPrivateReplyExpired",
    );
    expect(optionFor(comment({ lastInboundAt: ago(30 * 24 * HOUR_MS) }), "fb_comment_reply").allowed).toBe(true);
  });
});
