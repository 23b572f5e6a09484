import crypto from "node:crypto";
import type { EncryptedSecret } from "@/db/schema";

// AES-256-GCM with a key derived from RELAIS_SECRET_KEY. The key is hashed so that any
// sufficiently long string works (generated keys are 32 random bytes in base64url).
function key(): Buffer {
  const raw = process.env.RELAIS_SECRET_KEY;
  if (!raw || raw.length < 16) {
    throw new Error("RELAIS_SECRET_KEY is missing or shorter than 16 characters: secrets cannot be encrypted.");
  }
  return crypto.createHash("sha256").update(raw).digest();
}

export function encryptSecret(value: unknown): EncryptedSecret {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { v: 1, iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), data: data.toString("base64") };
}

export function decryptSecret<T>(secret: EncryptedSecret): T {
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(secret.iv, "base64"));
  decipher.setAuthTag(Buffer.from(secret.tag, "base64"));
  const plain = Buffer.concat([decipher.update(Buffer.from(secret.data, "base64")), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as T;
}

/** What the browser may see of a secret: enough to recognise it, never enough to use it. */
export function maskSecret(value: string | undefined | null): string {
  if (!value) return "";
  if (value.length <= 8) return "••••••••";
  return `${value.slice(0, 2)}••••••••${value.slice(-2)}`;
}
