import { demoFacebookValues, demoTwitterValues } from "@/lib/campaigns/demo-credentials";
import type { Translate } from "@/lib/i18n/translate";
import { DEMO_APP, DEMO_FACEBOOK_PAGE } from "@/lib/simulator/demo";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "./copy-button";

type Field =
  | "apiKey"
  | "apiSecret"
  | "accessToken"
  | "accessSecret"
  | "bearerToken"
  | "accountHandle"
  | "accountId"
  | "appId"
  | "appSecret"
  | "pageAccessToken"
  | "pageId";

/**
 * The simulator's own demo app, shown to the admins who use the simulator (the page requires
 * simulator.use). Public constants every simulator knows (lib/simulator/demo.ts), never a
 * campaign's stored secrets. Labels are the «Général» tab's, so each value finds its field.
 */
export function DemoCredentials({ t }: { t: Translate }) {
  const twitter = demoTwitterValues();
  const facebook = demoFacebookValues();
  const twitterFields: [Field, string][] = [
    ["apiKey", twitter.apiKey],
    ["apiSecret", twitter.apiSecret],
    ["accessToken", twitter.accessToken],
    ["accessSecret", twitter.accessSecret],
    ["bearerToken", twitter.bearerToken],
    ["accountHandle", twitter.accountHandle],
    ["accountId", twitter.accountId],
  ];
  const facebookFields: [Field, string][] = [
    ["appId", facebook.appId],
    ["appSecret", facebook.appSecret],
    ["pageAccessToken", facebook.pageAccessToken],
    ["pageId", facebook.pageId],
  ];
  const list = (title: string, fields: [Field, string][], testId: string) => (
    <div className="min-w-0 space-y-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="divide-y divide-border rounded-control border border-border" data-testid={testId}>
        {fields.map(([field, value]) => {
          const label = t(`campaigns.general.${field}`);
          return (
            <div key={field} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5">
              <dt className="w-48 shrink-0 text-xs text-fg-muted">{label}</dt>
              <dd className="min-w-0 flex-1 font-mono text-sm break-all" data-field={field}>
                {value}
              </dd>
              <dd>
                <CopyButton value={value} field={label} />
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
  return (
    <Card aria-labelledby="demo-credentials">
      <CardHeader>
        <CardTitle id="demo-credentials">{t("simulator.demoCredentials.title")}</CardTitle>
        <CardDescription>{t("simulator.demoCredentials.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        {list(t("simulator.demoCredentials.twitter", { app: DEMO_APP.name, handle: twitter.accountHandle }), twitterFields, "demo-twitter")}
        {list(t("simulator.demoCredentials.facebook", { page: DEMO_FACEBOOK_PAGE.name }), facebookFields, "demo-facebook")}
      </CardContent>
    </Card>
  );
}
