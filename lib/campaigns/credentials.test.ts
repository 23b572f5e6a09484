import { describe, it, expect } from "vitest";
import { credentialsView, mergeCredentials, missingCredentials } from "./credentials";

describe("campaign credentials", () => {
  const stored = { apiKey: "stored-api-key-1234", apiSecret: "stored-api-secret-5678" };

  it("keeps a secret typed empty and replaces one typed anew; ignores the other network's fields", () => {
    const merged = mergeCredentials("twitter", stored, { apiKey: "", apiSecret: "  typed-secret-9999 ", appSecret: "facebook-only" });
    expect(merged).toEqual({ apiKey: "stored-api-key-1234", apiSecret: "typed-secret-9999" });
  });

  it("takes Facebook's public ids as typed, so they can be corrected or cleared", () => {
    const fb = { appId: "1", appSecret: "s3cr3t-s3cr3t", pageAccessToken: "EAAtoken-token", pageId: "2" };
    expect(mergeCredentials("facebook", fb, { appId: "10", pageId: "", appSecret: "", pageAccessToken: "" })).toEqual({
      appId: "10",
      appSecret: "s3cr3t-s3cr3t",
      pageAccessToken: "EAAtoken-token",
    });
    expect(missingCredentials("facebook", { appId: "10" })).toEqual(["appSecret", "pageAccessToken", "pageId"]);
  });

  it("shows masks that never contain the secret, and plain ids in full", () => {
    const view = credentialsView("facebook", {
      appId: "900000000000001",
      appSecret: "sim-demo-facebook-app-secret",
      pageAccessToken: "short",
      pageId: "104",
    });
    expect(view.plain).toEqual({ appId: "900000000000001", pageId: "104" });
    expect(view.secrets.appSecret).toEqual({ set: true, masked: "si••••••••et" });
    expect(view.secrets.pageAccessToken).toEqual({ set: true, masked: "••••••••" });
    expect(JSON.stringify(view)).not.toContain("facebook-app");
    expect(credentialsView("twitter", {}).secrets.apiKey).toEqual({ set: false, masked: "" });
  });
});

describe("credentials that no longer decrypt", () => {
  it("read as empty for the «Général» tab, so they can be typed again", async () => {
    const { encryptSecret } = await import("@/lib/crypto/secrets");
    const { readCredentialsForEdit, readCredentials } = await import("./credentials");
    const sealed = encryptSecret({ apiKey: "k" });
    const tampered = { ...sealed, tag: Buffer.alloc(16).toString("base64") };
    expect(() => readCredentials(tampered)).toThrow();
    expect(readCredentialsForEdit(tampered)).toEqual({});
  });
});
