import { describe, it, expect } from "vitest";
import { NetworkError } from "./types";
import { MAX_ERROR_TEXT, redactNetworkText, redactedSendError } from "./redact";

describe("network error redaction", () => {
  it("removes tokens, secrets and URL passwords from a platform's error text", () => {
    const raw =
      'Request failed: Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid https://graph.facebook.com/v21.0/me?access_token=EAAG1234abcd&appsecret_proof=9f8e7d {"client_secret":"s3cr3t-value"} https://bob:hunter2@proxy.example/';
    const clean = redactNetworkText(raw);
    for (const leak of ["AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0", "EAAG1234abcd", "9f8e7d", "s3cr3t-value", "hunter2"])
      expect(clean).not.toContain(leak);
    expect(clean).toContain("graph.facebook.com");
    expect(clean).toContain("[redacted]");
  });

  it("removes the campaign's own secret values wherever they appear, and bounds the text", () => {
    expect(redactNetworkText("bad key plain-secret-42 used", ["plain-secret-42"])).toBe("bad key [redacted] used");
    expect(redactNetworkText("x".repeat(5000)).length).toBeLessThanOrEqual(MAX_ERROR_TEXT);
    expect(redactNetworkText("line\u0000break\u001b[31m")).not.toMatch(/[\u0000\u001b]/);
  });

  it("keeps the kind and status of a network error, the text redacted", () => {
    const err = new NetworkError("unauthorized", "X reply failed", { status: 401, detail: "Invalid token=abc123def for app" });
    expect(redactedSendError(err)).toBe("unauthorized (HTTP 401): Invalid token=[redacted] for app");
    expect(redactedSendError(new Error("connect ECONNREFUSED 10.0.0.1:443"))).toBe("connect ECONNREFUSED 10.0.0.1:443");
  });
});
