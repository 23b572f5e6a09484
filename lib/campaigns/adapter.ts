import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, platforms, type Campaign, type CampaignType } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import type { NetworkAdapter, NetworkSender } from "@/lib/networks/types";
import { createTwitterSender } from "@/lib/networks/twitter/send";
import { createFacebookSender } from "@/lib/networks/facebook/send";
import { createTwitterAdapter } from "@/lib/networks/twitter/adapter";
import { createFacebookAdapter } from "@/lib/networks/facebook/adapter";
import { networkTimeoutMs } from "@/lib/config/env";
import { missingCredentials, type StoredCredentials } from "./credentials";

/** The Twitter app credentials of a campaign («Général» tab), stored encrypted. */
export interface TwitterCredentials {
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
  bearerToken: string;
}

/** The Facebook app and page of a campaign («Général» tab), stored encrypted. */
export interface FacebookCredentials {
  appId: string;
  appSecret: string;
  pageAccessToken: string;
  pageId: string;
}

export class CampaignNotReadyError extends Error {}
/** The stored credentials no longer decrypt (RELAIS_SECRET_KEY changed): an admin must type them again. */
export class CredentialsUnreadableError extends CampaignNotReadyError {}

export interface AdapterSpec {
  type: CampaignType;
  name: string;
  platform: { twitterBaseUrl: string; facebookBaseUrl: string } | null;
  credentials: StoredCredentials;
  searchQuery: string;
  accountId?: string | null;
  /** Pages read per search; the admin preview reads one. */
  maxPages?: number;
  /** Facebook: also read comments on the page's posts («Réception»). */
  checkComments?: boolean;
  timeoutMs?: number;
}

/** A network client from a platform and credentials, saved or just typed (Test connection). */
export function buildAdapter(spec: AdapterSpec): NetworkAdapter {
  if (!spec.platform) throw new CampaignNotReadyError(`Campaign ${spec.name} has no publishing platform`);
  const missing = missingCredentials(spec.type, spec.credentials);
  if (missing.length > 0) throw new CampaignNotReadyError(`Campaign ${spec.name} lacks credentials: ${missing.join(", ")}`);
  if (spec.type === "facebook") {
    const c = spec.credentials as FacebookCredentials;
    return createFacebookAdapter({
      credentials: {
        baseUrl: spec.platform.facebookBaseUrl,
        appId: c.appId,
        appSecret: c.appSecret,
        pageAccessToken: c.pageAccessToken,
        pageId: c.pageId,
      },
      checkComments: spec.checkComments,
      maxPages: spec.maxPages,
      timeoutMs: spec.timeoutMs,
    });
  }
  const c = spec.credentials as TwitterCredentials;
  return createTwitterAdapter({
    credentials: {
      apiKey: c.apiKey,
      apiSecret: c.apiSecret,
      accessToken: c.accessToken,
      accessSecret: c.accessSecret,
      bearerToken: c.bearerToken,
      baseUrl: spec.platform.twitterBaseUrl,
    },
    searchQuery: spec.searchQuery,
    ownAccountId: spec.accountId ?? undefined,
    maxPages: spec.maxPages,
    timeoutMs: spec.timeoutMs,
  });
}

/** Builds the network client of a campaign from its platform's base URLs and its credentials. */
export async function adapterForCampaign(
  db: Db,
  campaignId: number,
  options: { pageCap?: number } = {},
): Promise<{ campaign: Campaign; adapter: NetworkAdapter }> {
  const [row] = await db
    .select({ campaign: campaigns, twitterBaseUrl: platforms.twitterBaseUrl, facebookBaseUrl: platforms.facebookBaseUrl })
    .from(campaigns)
    .leftJoin(platforms, eq(platforms.id, campaigns.platformId))
    .where(eq(campaigns.id, campaignId));
  if (!row) throw new CampaignNotReadyError(`Campaign ${campaignId} does not exist`);
  const { campaign } = row;
  if (!campaign.credentials) throw new CampaignNotReadyError(`Campaign ${campaign.name} has no credentials`);
  const adapter = buildAdapter({
    type: campaign.type,
    name: campaign.name,
    platform:
      row.twitterBaseUrl !== null && row.facebookBaseUrl !== null
        ? { twitterBaseUrl: row.twitterBaseUrl, facebookBaseUrl: row.facebookBaseUrl }
        : null,
    credentials: readStored(campaign.name, campaign.credentials),
    searchQuery: campaign.searchQuery,
    accountId: campaign.accountId,
    checkComments: campaign.checkComments,
    maxPages: options.pageCap,
    timeoutMs: networkTimeoutMs(),
  });
  return { campaign, adapter };
}

function readStored(name: string, secret: NonNullable<Parameters<typeof decryptSecret>[0]>): StoredCredentials {
  try {
    return decryptSecret<StoredCredentials>(secret);
  } catch {
    throw new CredentialsUnreadableError(`Campaign ${name}: credentials cannot be decrypted (the secret key changed); enter them again`);
  }
}

/** The send side of a campaign's network (the outbox delivers through it). */
export async function senderForCampaign(db: Db, campaignId: number): Promise<NetworkSender> {
  const [row] = await db
    .select({ campaign: campaigns, twitterBaseUrl: platforms.twitterBaseUrl, facebookBaseUrl: platforms.facebookBaseUrl })
    .from(campaigns)
    .leftJoin(platforms, eq(platforms.id, campaigns.platformId))
    .where(eq(campaigns.id, campaignId));
  if (!row) throw new CampaignNotReadyError(`Campaign ${campaignId} does not exist`);
  const { campaign } = row;
  if (!campaign.credentials || row.twitterBaseUrl === null || row.facebookBaseUrl === null)
    throw new CampaignNotReadyError(`Campaign ${campaign.name} has no credentials or platform`);
  const stored = readStored(campaign.name, campaign.credentials);
  if (campaign.type === "facebook") {
    const c = stored as FacebookCredentials;
    return createFacebookSender(
      {
        baseUrl: row.facebookBaseUrl,
        appId: c.appId,
        appSecret: c.appSecret,
        pageAccessToken: c.pageAccessToken,
        pageId: c.pageId,
      },
      { timeoutMs: networkTimeoutMs() },
    );
  }
  const c = stored as TwitterCredentials;
  return createTwitterSender({ ...c, baseUrl: row.twitterBaseUrl }, { timeoutMs: networkTimeoutMs() });
}

/** A Facebook campaign's page, for the mass message (lib/mass-message). */
export async function facebookCredentialsForCampaign(db: Db, campaignId: number): Promise<FacebookCredentials & { baseUrl: string }> {
  const [row] = await db
    .select({ campaign: campaigns, facebookBaseUrl: platforms.facebookBaseUrl })
    .from(campaigns)
    .leftJoin(platforms, eq(platforms.id, campaigns.platformId))
    .where(eq(campaigns.id, campaignId));
  if (!row) throw new CampaignNotReadyError(`Campaign ${campaignId} does not exist`);
  const { campaign } = row;
  if (campaign.type !== "facebook") throw new CampaignNotReadyError(`Campaign ${campaign.name} is not a Facebook campaign`);
  if (!campaign.credentials || row.facebookBaseUrl === null)
    throw new CampaignNotReadyError(`Campaign ${campaign.name} has no credentials or platform`);
  const c = readStored(campaign.name, campaign.credentials) as FacebookCredentials;
  return { baseUrl: row.facebookBaseUrl, appId: c.appId, appSecret: c.appSecret, pageAccessToken: c.pageAccessToken, pageId: c.pageId };
}
