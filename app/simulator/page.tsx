import { requirePage } from "@/lib/auth/session";
import { simulatorEnabled, simulatorUrl } from "@/lib/config/env";
import { createSimulatorClient, type SimTweetView } from "@/lib/simulator/client";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import type { Format } from "@/lib/i18n/format";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { PostTweetForm } from "./post-tweet-form";
import { AutoRefresh } from "./auto-refresh";
import { DemoCredentials } from "./demo-credentials";
import { OutboundLists } from "./outbound-lists";

export default async function SimulatorPage() {
  await requirePage("simulator.use");
  const { t } = await getTranslator();
  const format = await getFormat();
  const client = createSimulatorClient(simulatorUrl());
  let tweets: SimTweetView[] = [];
  let unreachable = false;
  try {
    tweets = await client.listTweets(100);
  } catch {
    unreachable = true;
  }
  const customers = tweets.filter((tw) => !tw.fromApp);
  const replies = tweets.filter((tw) => tw.fromApp);
  return (
    <div className="space-y-6">
      <AutoRefresh seconds={3} />
      <PageHeader title={t("simulator.title")} description={t("simulator.description")} />
      {unreachable ? (
        <p role="alert" className="rounded-control border border-danger/40 bg-danger/10 p-3 text-danger">
          {t("simulator.errors.unreachable")} ({simulatorUrl()})
        </p>
      ) : null}
      {simulatorEnabled() ? <DemoCredentials t={t} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>{t("simulator.postAsCustomer")}</CardTitle>
          </CardHeader>
          <CardContent>
            <PostTweetForm />
          </CardContent>
        </Card>
        <TweetList title={t("simulator.tweets")} empty={t("simulator.noTweets")} tweets={customers} testId="sim-tweets" format={format} />
        <TweetList title={t("simulator.replies")} empty={t("simulator.noReplies")} tweets={replies} testId="sim-replies" format={format} />
      </div>
      {unreachable ? null : <OutboundLists client={client} t={t} format={format} />}
    </div>
  );
}

function TweetList({
  title,
  empty,
  tweets,
  testId,
  format,
}: {
  title: string;
  empty: string;
  tweets: SimTweetView[];
  testId: string;
  format: Format;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {title} <Badge>{tweets.length}</Badge>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {tweets.length === 0 ? (
          <p className="text-sm text-fg-muted">{empty}</p>
        ) : (
          <ul className="space-y-3" data-testid={testId}>
            {tweets.map((tw) => (
              <li key={tw.id} className="rounded-control border border-border p-2">
                <p className="text-xs text-fg-muted">
                  {tw.authorName} @{tw.authorHandle} · {format.dateTime(tw.createdAt, { style: "dateTimeSeconds" })}
                  {tw.inReplyToId ? ` · ↩ ${tw.inReplyToId}` : ""}
                </p>
                <p className="whitespace-pre-wrap break-words">{tw.text}</p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
