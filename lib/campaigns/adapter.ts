import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, platforms, type Campaign } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import type { NetworkAdapter } from "@/lib/networks/types";
import { createTwitterAdapter } from "@/lib/networks/twitter/adapter";

/** The Twitter app credentials of a campaign («Général» tab), stored encrypted. */
export interface TwitterCredentials {
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
  bearerToken: string;
}

export class CampaignNotReadyError extends Error {}

/** Builds the network client of a campaign from its platform's base URL and its credentials. */
export async function adapterForCampaign(db: Db, campaignId: number): Promise<{ campaign: Campaign; adapter: NetworkAdapter }> {
  const [row] = await db
    .select({ campaign: campaigns, twitterBaseUrl: platforms.twitterBaseUrl })
    .from(campaigns)
    .leftJoin(platforms, eq(platforms.id, campaigns.platformId))
    .where(eq(campaigns.id, campaignId));
  if (!row) throw new CampaignNotReadyError(`Campaign ${campaignId} does not exist`);
  const { campaign } = row;
  if (campaign.type !== "twitter") throw new CampaignNotReadyError(`Campaign ${campaign.name}: Facebook is not supported yet`);
  if (!row.twitterBaseUrl) throw new CampaignNotReadyError(`Campaign ${campaign.name} has no publishing platform`);
  if (!campaign.credentials) throw new CampaignNotReadyError(`Campaign ${campaign.name} has no credentials`);
  const credentials = decryptSecret<TwitterCredentials>(campaign.credentials);
  const adapter = createTwitterAdapter({
    credentials: { ...credentials, baseUrl: row.twitterBaseUrl },
    searchQuery: campaign.searchQuery,
    ownAccountId: campaign.accountId ?? undefined,
  });
  return { campaign, adapter };
}
