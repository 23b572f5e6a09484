import type { SimDmView, SimFbMessageView, SimMail, SimulatorClient } from "@/lib/simulator/client";
import type { Format } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

// What the campaigns sent besides public replies: mails the SMTP listener received, X direct
// messages and Messenger messages. Everything is rendered as text.

async function load(client: SimulatorClient) {
  const [mails, dms, messenger] = await Promise.all([
    client.listMails(50).catch((): SimMail[] => []),
    client.listDms(50).catch((): SimDmView[] => []),
    client.listFacebookMessages(100).catch((): SimFbMessageView[] => []),
  ]);
  return { mails, dms: dms.filter((d) => d.fromApp), messenger: messenger.filter((m) => m.fromApp) };
}

export async function OutboundLists({ client, t, format }: { client: SimulatorClient; t: Translate; format: Format }) {
  const { mails, dms, messenger } = await load(client);
  const when = (iso: string) => format.dateTime(iso, { style: "dateTimeSeconds" });
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-1">
        <CardHeader>
          <CardTitle>
            {t("mail.simulator.title")} <Badge>{mails.length}</Badge>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {mails.length === 0 ? (
            <p className="text-sm text-fg-muted">{t("mail.simulator.empty")}</p>
          ) : (
            <ul className="space-y-3" data-testid="sim-mails">
              {mails.map((m) => (
                <li key={m.id} className="rounded-control border border-border p-2 text-sm">
                  <p className="font-medium break-words">{t("mail.simulator.subject", { subject: m.subject })}</p>
                  <p className="text-xs text-fg-muted break-words">
                    {t("mail.simulator.to", { to: m.to.join(", ") })} · {when(m.date)}
                  </p>
                  <p className="mt-1 line-clamp-4 whitespace-pre-wrap break-words">{m.text}</p>
                  {m.attachments.length > 0 ? (
                    <p className="mt-1 text-xs text-fg-muted">
                      {t("mail.simulator.attachments", { names: m.attachments.map((a) => a.filename).join(", ") })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            {t("mail.simulator.dms")} <Badge>{dms.length}</Badge>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {dms.length === 0 ? (
            <p className="text-sm text-fg-muted">{t("mail.simulator.noDms")}</p>
          ) : (
            <ul className="space-y-3" data-testid="sim-dms">
              {dms.map((d) => (
                <li key={d.id} className="rounded-control border border-border p-2 text-sm">
                  <p className="text-xs text-fg-muted">
                    @{d.senderHandle} → @{d.recipientHandle} · {when(d.createdAt)}
                  </p>
                  <p className="whitespace-pre-wrap break-words">{d.text}</p>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            {t("mail.simulator.messenger")} <Badge>{messenger.length}</Badge>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {messenger.length === 0 ? (
            <p className="text-sm text-fg-muted">{t("mail.simulator.noMessenger")}</p>
          ) : (
            <ul className="space-y-3" data-testid="sim-messenger">
              {messenger.map((m) => (
                <li key={m.id} className="rounded-control border border-border p-2 text-sm">
                  <p className="text-xs text-fg-muted">
                    → {m.toId} · {when(m.createdAt)}
                    {m.template ? <Badge className="ml-1">{t("mail.simulator.card")}</Badge> : null}
                    {m.metadata?.startsWith("relais-mm:") ? <Badge className="ml-1">{t("mail.simulator.massMessage")}</Badge> : null}
                  </p>
                  <p className="whitespace-pre-wrap break-words">{m.text}</p>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
