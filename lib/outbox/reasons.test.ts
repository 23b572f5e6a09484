import { describe, expect, it } from "vitest";
import { NetworkError } from "@/lib/networks/types";
import { mailFailure, sendFailure } from "./reasons";

const graph = (kind: NetworkError["kind"], code: number, subcode?: number, detail = "") =>
  new NetworkError(kind, `Facebook send failed: ${detail}`, {
    status: 400,
    detail,
    cause: { code, error_subcode: subcode, message: detail },
  });

describe("why a send failed, for the agent", () => {
  it("maps Graph's codes to reasons and keeps the code, never the network's text", () => {
    expect(sendFailure(graph("forbidden", 10, 2018278, "(#10) This message is sent outside of allowed window."))).toEqual({
      reason: "outbox.reasons.outsideWindow",
      code: "10/2018278",
      transient: false,
    });
    expect(sendFailure(graph("invalid_request", 100, undefined, "Param tag must be HUMAN_AGENT")).reason).toBe("outbox.reasons.invalidTag");
    expect(sendFailure(graph("invalid_request", 10900, undefined, "(#10900) Activity already replied to")).reason).toBe(
      "outbox.reasons.privateReplyUsed",
    );
    expect(sendFailure(graph("forbidden", 551)).reason).toBe("outbox.reasons.personUnavailable");
    const failure = sendFailure(graph("forbidden", 10, 2018278, "secret detail quoting the customer"));
    expect(JSON.stringify(failure)).not.toContain("secret detail");
  });

  it("retries what is transient, at the network's reset time when it gives one", () => {
    const retryAt = new Date("2026-12-01T12:15:00Z");
    expect(sendFailure(new NetworkError("rate_limited", "429", { status: 429, retryAt }))).toEqual({
      reason: "outbox.reasons.rateLimited",
      code: "429",
      transient: true,
      retryAt: retryAt.toISOString(),
    });
    expect(sendFailure(new NetworkError("unreachable", "down")).transient).toBe(true);
    expect(sendFailure(new NetworkError("server", "503", { status: 503 })).transient).toBe(true);
    expect(sendFailure(new NetworkError("unauthorized", "190", { reason: "token_expired" }))).toMatchObject({
      reason: "outbox.reasons.tokenExpired",
      transient: false,
    });
  });

  it("reads X's refusals from their public wording", () => {
    const x = (detail: string) => new NetworkError("forbidden", `X reply failed (403: ${detail})`, { status: 403, detail });
    expect(
      sendFailure(x("Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author"))
        .reason,
    ).toBe("outbox.reasons.xReplyNotAllowed");
    expect(sendFailure(x("You cannot send messages to this user.")).reason).toBe("outbox.reasons.dmClosed");
    expect(sendFailure(new NetworkError("duplicate", "dup", { status: 403 })).reason).toBe("outbox.reasons.duplicate");
  });

  it("sorts SMTP failures: 4xx and connection trouble retried, 5xx and authentication not", () => {
    expect(mailFailure({ code: "ECONNECTION" })).toMatchObject({ reason: "outbox.reasons.smtpUnavailable", transient: true });
    expect(mailFailure({ code: "EMESSAGE", responseCode: 451 })).toMatchObject({ transient: true, code: "451" });
    expect(mailFailure({ code: "EMESSAGE", responseCode: 550 })).toMatchObject({ reason: "outbox.reasons.smtpRefused", transient: false });
    expect(mailFailure({ code: "EAUTH", responseCode: 535 })).toMatchObject({ reason: "outbox.reasons.smtpAuth", transient: false });
    expect(mailFailure({ code: "ENOSMTP" })).toMatchObject({ reason: "outbox.reasons.smtpNotConfigured", transient: false });
  });
});
