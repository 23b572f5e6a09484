import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { campaigns, platforms } from "@/db/schema";
import { ActionError } from "@/lib/auth/action";
import { maskSecret } from "@/lib/crypto/secrets";
import { testConnection } from "@/lib/networks/test-connection";
import { isNetworkError, type NetworkAccount, type NetworkErrorKind, type NetworkErrorReason } from "@/lib/networks/types";
import { buildAdapter } from "./adapter";
import { mergeCredentials, missingCredentials, readCredentialsForEdit, secretFields, type StoredCredentials } from "./credentials";
import type { previewSearchSchema, testConnectionSchema } from "./campaign.schema";

// «Tester la connexion» and the search preview: one network call each, with the campaign's
// saved credentials under what the admin has just typed. Nothing is saved, no secret is returned.

async function loadCampaign(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: campaigns.id,
      type: campaigns.type,
      name: campaigns.name,
      platformId: campaigns.platformId,
      credentials: campaigns.credentials,
      accountId: campaigns.accountId,
    })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), isNull(campaigns.archivedAt)));
  if (!row) throw new ActionError("adminCommon.errors.notFound");
  return row;
}

async function loadPlatform(id: number | null) {
  if (id === null) throw new ActionError("campaigns.errors.noPlatform", { platformId: ["campaigns.errors.noPlatform"] });
  const db = await getDb();
  const [row] = await db
    .select({ twitterBaseUrl: platforms.twitterBaseUrl, facebookBaseUrl: platforms.facebookBaseUrl })
    .from(platforms)
    .where(eq(platforms.id, id));
  if (!row) throw new ActionError("campaigns.errors.unavailable", { platformId: ["campaigns.errors.unavailable"] });
  return row;
}

/** Only what the page needs to say what happened: never a token, never a stack. */
export type ConnectionReport =
  | { ok: true; account: NetworkAccount }
  | { ok: false; kind: NetworkErrorKind; message: string; reason?: NetworkErrorReason; detail?: string; retryAt?: string };

/** Networks sometimes quote the token they refuse ("Malformed access token EAA…"): never pass it on. */
function redact(text: string | undefined, credentials: StoredCredentials): string | undefined {
  if (!text) return text;
  let out = text;
  for (const value of Object.values(credentials)) if (value && value.length >= 4) out = out.split(value).join(maskSecret(value));
  return out;
}

export async function testCampaignConnection(input: z.output<typeof testConnectionSchema>): Promise<ConnectionReport> {
  const campaign = await loadCampaign(input.id);
  const platform = await loadPlatform(input.platformId);
  // The saved secrets only ever go to the saved platform: testing against another one (whose
  // URLs someone else may have set) needs the secrets typed again.
  const samePlatform = input.platformId === campaign.platformId;
  const stored = readCredentialsForEdit(campaign.credentials);
  const secrets = secretFields[campaign.type] as readonly string[];
  const withheld = samePlatform ? [] : Object.keys(stored).filter((f) => secrets.includes(f));
  const usable = Object.fromEntries(Object.entries(stored).filter(([f]) => !withheld.includes(f)));
  const credentials = mergeCredentials(campaign.type, usable, input);
  const missing = missingCredentials(campaign.type, credentials);
  if (missing.length > 0) {
    const retype = missing.filter((f) => withheld.includes(f));
    const fields = Object.fromEntries(
      missing.map((f) => [f, [retype.includes(f) ? "campaigns.errors.retypeSecret" : "common.requiredField"]]),
    );
    throw new ActionError(retype.length ? "campaigns.errors.retypeSecrets" : "campaigns.errors.incompleteCredentials", fields);
  }
  const adapter = buildAdapter({
    type: campaign.type,
    name: campaign.name,
    platform,
    credentials,
    searchQuery: "",
    accountId: campaign.accountId,
    timeoutMs: 10_000,
  });
  const result = await testConnection(adapter, { timeoutMs: 15_000 });
  if (result.ok) return { ok: true, account: result.account };
  return {
    ok: false,
    kind: result.kind,
    message: redact(result.message, credentials) ?? "",
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.detail ? { detail: redact(result.detail, credentials) } : {}),
    ...(result.retryAt ? { retryAt: result.retryAt.toISOString() } : {}),
  };
}

export type SearchPreview =
  | { ok: true; results: { id: string; handle: string; name: string; text: string; createdAt: string }[] }
  | { ok: false; kind: NetworkErrorKind; message: string; retryAt?: string };

/** «Que trouverait-elle maintenant ?»: one search page with the typed query; no cursor is saved. */
export async function previewSearch(input: z.output<typeof previewSearchSchema>): Promise<SearchPreview> {
  const campaign = await loadCampaign(input.id);
  if (campaign.type !== "twitter") throw new ActionError("campaigns.errors.twitterOnly");
  const platform = await loadPlatform(campaign.platformId);
  const credentials = readCredentialsForEdit(campaign.credentials);
  if (missingCredentials("twitter", credentials).length > 0) throw new ActionError("campaigns.errors.incompleteCredentials");
  const adapter = buildAdapter({
    type: "twitter",
    name: campaign.name,
    platform,
    credentials,
    searchQuery: input.searchQuery,
    accountId: campaign.accountId,
    maxPages: 1,
    timeoutMs: 10_000,
  });
  try {
    const fetched = await adapter.fetchNew(null);
    const newest = [...fetched.messages].reverse().slice(0, 10);
    return {
      ok: true,
      results: newest.map((m) => ({
        id: m.externalId,
        handle: m.authorHandle,
        name: m.authorName,
        text: m.text,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  } catch (err) {
    if (isNetworkError(err))
      return {
        ok: false,
        kind: err.kind,
        message: redact(err.message, credentials) ?? "",
        ...(err.retryAt ? { retryAt: err.retryAt.toISOString() } : {}),
      };
    throw err;
  }
}
