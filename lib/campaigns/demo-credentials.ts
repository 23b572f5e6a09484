import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, platforms, type CampaignType } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-error";
import { simulatorEnabled, simulatorUrl } from "@/lib/config/env";
import { DEMO_ACCOUNT, DEMO_FACEBOOK_CREDENTIALS, DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";

// The simulator's demo app (lib/simulator/demo.ts) is public: every simulator knows it and it
// opens nothing real. It is offered only for a platform that points at the simulator Relais
// runs beside, so no campaign on a real network is ever filled with keys that cannot work.

export const demoTwitterValues = () => ({
  ...DEMO_TWITTER_CREDENTIALS,
  accountHandle: DEMO_ACCOUNT.handle as string,
  accountId: DEMO_ACCOUNT.id as string,
});
export const demoFacebookValues = () => ({ ...DEMO_FACEBOOK_CREDENTIALS });

export type DemoCredentials =
  { type: "twitter"; values: ReturnType<typeof demoTwitterValues> } | { type: "facebook"; values: ReturnType<typeof demoFacebookValues> };

const sameBase = (a: string, b: string) => {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin && x.pathname.replace(/\/+$/, "") === y.pathname.replace(/\/+$/, "");
  } catch {
    return false;
  }
};

/** The platforms whose API base URL, for this type of campaign, is the running simulator's. */
export async function simulatorPlatformIds(type: CampaignType): Promise<number[]> {
  if (!simulatorEnabled()) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: platforms.id, twitter: platforms.twitterBaseUrl, facebook: platforms.facebookBaseUrl })
    .from(platforms)
    .orderBy(asc(platforms.id));
  return rows.filter((p) => sameBase(type === "twitter" ? p.twitter : p.facebook, simulatorUrl())).map((p) => p.id);
}

export function demoCredentialsFor(type: CampaignType): DemoCredentials {
  return type === "facebook" ? { type, values: demoFacebookValues() } : { type, values: demoTwitterValues() };
}

/** «Remplir avec les identifiants de démo du simulateur»: refused unless the chosen platform is the simulator. */
export async function demoCredentialsForCampaign(input: { id: number; platformId: number | null }): Promise<DemoCredentials> {
  const db = await getDb();
  const [campaign] = await db
    .select({ type: campaigns.type })
    .from(campaigns)
    .where(and(eq(campaigns.id, input.id), isNull(campaigns.archivedAt)));
  if (!campaign) throw new ActionError("adminCommon.errors.notFound");
  if (input.platformId === null || !(await simulatorPlatformIds(campaign.type)).includes(input.platformId)) {
    throw new ActionError("campaigns.errors.notSimulator", { platformId: ["campaigns.errors.notSimulator"] });
  }
  return demoCredentialsFor(campaign.type);
}
