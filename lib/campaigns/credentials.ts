import type { CampaignType, EncryptedSecret } from "@/db/schema";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secrets";

// A campaign's network credentials are ONE encrypted JSON document. The browser only ever gets
// masks and "is it set" booleans; a form field left empty keeps the stored value.

export const secretFields = {
  twitter: ["apiKey", "apiSecret", "accessToken", "accessSecret", "bearerToken"],
  facebook: ["appSecret", "pageAccessToken"],
} as const satisfies Record<CampaignType, readonly string[]>;

// Facebook app and page ids are public identifiers (they appear in every page's URL): shown in full.
export const plainFields = {
  twitter: [],
  facebook: ["appId", "pageId"],
} as const satisfies Record<CampaignType, readonly string[]>;

export type SecretField = (typeof secretFields)[CampaignType][number];
export type PlainField = (typeof plainFields)[CampaignType][number];
export type CredentialField = SecretField | PlainField;
export type StoredCredentials = Partial<Record<CredentialField, string>>;

export function readCredentials(secret: EncryptedSecret | null | undefined): StoredCredentials {
  return secret ? decryptSecret<StoredCredentials>(secret) : {};
}

/**
 * For the «Général» tab: credentials that no longer decrypt (RELAIS_SECRET_KEY changed) read as
 * empty, so the page still opens and the admin can type them again (the summary says why).
 */
export function readCredentialsForEdit(secret: EncryptedSecret | null | undefined): StoredCredentials {
  try {
    return readCredentials(secret);
  } catch {
    return {};
  }
}

/** Typed values over stored ones: an empty secret keeps the stored one; plain fields are taken as typed. */
export function mergeCredentials(
  type: CampaignType,
  stored: StoredCredentials,
  typed: Partial<Record<CredentialField, string>>,
): StoredCredentials {
  const merged: StoredCredentials = {};
  for (const f of secretFields[type]) {
    const value = typed[f]?.trim();
    if (value) merged[f] = value;
    else if (stored[f]) merged[f] = stored[f];
  }
  for (const f of plainFields[type]) {
    const value = typed[f] === undefined ? stored[f] : typed[f].trim();
    if (value) merged[f] = value;
  }
  return merged;
}

export function encryptCredentials(creds: StoredCredentials): EncryptedSecret | null {
  return Object.keys(creds).length === 0 ? null : encryptSecret(creds);
}

/** Credential fields the network needs and the campaign lacks. */
export function missingCredentials(type: CampaignType, creds: StoredCredentials): CredentialField[] {
  const needed: CredentialField[] = type === "twitter" ? [...secretFields.twitter] : ["appId", "appSecret", "pageAccessToken", "pageId"];
  return needed.filter((f) => !creds[f]);
}

export interface SecretView {
  set: boolean;
  masked: string;
}

/** What the «Général» tab may show: masks for secrets, plain ids in full, nothing else. */
export interface CredentialsView {
  secrets: Partial<Record<SecretField, SecretView>>;
  plain: Partial<Record<PlainField, string>>;
}

export function credentialsView(type: CampaignType, creds: StoredCredentials): CredentialsView {
  const secrets: CredentialsView["secrets"] = {};
  for (const f of secretFields[type]) secrets[f] = { set: Boolean(creds[f]), masked: maskSecret(creds[f]) };
  const plain: CredentialsView["plain"] = {};
  for (const f of plainFields[type]) plain[f] = creds[f] ?? "";
  return { secrets, plain };
}
