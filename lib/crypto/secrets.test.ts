import { describe, it, expect, beforeAll } from "vitest";
import { encryptSecret, decryptSecret, maskSecret } from "./secrets";

describe("secrets at rest", () => {
  beforeAll(() => {
    process.env.RELAIS_SECRET_KEY = "test-key-0123456789abcdef";
  });

  it("round-trips a credentials document without keeping it in clear", () => {
    const creds = { bearerToken: "AAAA-very-secret-token", apiKey: "key" };
    const sealed = encryptSecret(creds);
    expect(JSON.stringify(sealed)).not.toContain("very-secret");
    expect(decryptSecret(sealed)).toEqual(creds);
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret({ a: 1 });
    const data = Buffer.from(sealed.data, "base64");
    data[0] ^= 1;
    expect(() => decryptSecret({ ...sealed, data: data.toString("base64") })).toThrow();
  });

  it("refuses to decrypt with another key", () => {
    const sealed = encryptSecret({ a: 1 });
    process.env.RELAIS_SECRET_KEY = "another-key-0123456789abcdef";
    expect(() => decryptSecret(sealed)).toThrow();
    process.env.RELAIS_SECRET_KEY = "test-key-0123456789abcdef";
  });

  it("masks secrets for display", () => {
    expect(maskSecret("abcdefghijkl")).toBe("ab••••••••kl");
    expect(maskSecret("short")).not.toContain("short");
    expect(maskSecret("")).toBe("");
  });
});
