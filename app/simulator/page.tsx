import { requirePage } from "@/lib/auth/session";
import { simulatorEnabled, simulatorUrl } from "@/lib/config/env";
import {
  createSimulatorClient,
  type FbPost,
  type SimDmView,
  type SimFbCommentView,
  type SimFbMessageView,
  type SimTweetView,
} from "@/lib/simulator/client";
import { DEMO_ACCOUNT } from "@/lib/simulator/demo";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import type { Format } from "@/lib/i18n/format";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { CustomerMessageForm } from "./customer-message-form";
import { AutoRefresh } from "./auto-refresh";
import { DemoCredentials } from "./demo-credentials";
import { OutboundLists } from "./outbound-lists";

export default async function SimulatorPage() {
  await requirePage("simulator.use");
  const { t } = await getTranslator();
  const format = await getFormat();
  const client = createSimulatorClient(simulatorUrl());
  let tweets: SimTweetView[] = [];
  let dms: SimDmView[] = [];
  let fbMessages: SimFbMessageView[] = [];
  let comments: SimFbCommentView[] = [];
  let posts: FbPost[] = [];
  let unreachable = false;
  try {
    [tweets, dms, fbMessages, comments, posts] = await Promise.all([
      client.listTweets(100),
      client.listDms(50),
      client.listFacebookMessages(50),
      client.listFacebookComments(50),
      client.listPagePosts(20),
    ]);
  } catch {
    unreachable = true;
  }
  const facebook = [
    ...fbMessages.map((m) => ({
      id: m.id,
      kind: "messenger" as const,
      who: m.fromName,
      text: m.text,
      at: m.createdAt,
      fromPage: m.fromPage,
    })),
    ...comments
      .filter((c) => !c.deleted)
      .map((c) => ({ id: c.id, kind: "comment" as const, who: c.fromName, text: c.text, at: c.createdAt, fromPage: c.fromApp })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const customers = tweets.filter((tw) => !tw.fromApp);
  // What the campaigns sent is listed below (OutboundLists); here, what customers wrote.
  const customerDms = dms.filter((d) => !d.fromApp);
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
            <CustomerMessageForm posts={posts.map((p) => ({ id: p.id, text: p.message }))} accountHandle={DEMO_ACCOUNT.handle} />
          </CardContent>
        </Card>
        <TweetList title={t("simulator.tweets")} empty={t("simulator.noTweets")} tweets={customers} testId="sim-tweets" format={format} />
        <TweetList title={t("simulator.replies")} empty={t("simulator.noReplies")} tweets={replies} testId="sim-replies" format={format} />
        <Card>
          <CardHeader>
            <CardTitle>
              {t("simulator.dms")} <Badge>{customerDms.length}</Badge>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {customerDms.length === 0 ? (
              <p className="text-sm text-fg-muted">{t("simulator.noDms")}</p>
            ) : (
              <ul className="space-y-3" data-testid="sim-dms-in">
                {customerDms.map((d) => (
                  <li key={d.id} className="rounded-control border border-border p-2">
                    <p className="text-xs text-fg-muted">
                      {d.senderName} @{d.senderHandle} → @{d.recipientHandle} · {format.dateTime(d.createdAt, { style: "dateTimeSeconds" })}
                    </p>
                    <p className="whitespace-pre-wrap break-words">{d.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>
              {t("simulator.facebook")} <Badge>{facebook.length}</Badge>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {facebook.length === 0 ? (
              <p className="text-sm text-fg-muted">{t("simulator.noFacebook")}</p>
            ) : (
              <ul className="space-y-3" data-testid="sim-facebook">
                {facebook.map((m) => (
                  <li key={m.id} className="rounded-control border border-border p-2">
                    <p className="text-xs text-fg-muted">
                      <Badge>{m.kind === "messenger" ? t("simulator.messengerLabel") : t("simulator.commentLabel")}</Badge> {m.who} ·{" "}
                      {format.dateTime(m.at, { style: "dateTimeSeconds" })}
                    </p>
                    <p className="whitespace-pre-wrap break-words">{m.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
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
                <p className="text-xs break-words text-fg-muted">
                  <bdi>{tw.authorName}</bdi> @{tw.authorHandle} · {format.dateTime(tw.createdAt, { style: "dateTimeSeconds" })}
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
