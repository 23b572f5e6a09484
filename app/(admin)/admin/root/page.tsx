import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { campaignsWithUnreadableCredentials, getRootSettings, listPlatforms } from "@/lib/campaigns/root";
import { timeZones } from "@/lib/campaigns/root.schema";
import { getTranslator } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClassName } from "@/components/ui/button-styles";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ListView, RowLink } from "@/components/admin/list-page";
import { RootSettingsForm } from "./root-settings-form";

export default async function RootPage() {
  await requirePage("admin.access");
  const { t } = await getTranslator();
  const [platforms, settings, unreadable] = await Promise.all([listPlatforms(), getRootSettings(), campaignsWithUnreadableCredentials()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("campaigns.root.title")} description={t("campaigns.root.description")} />
      {settings.smtpPasswordUnreadable || unreadable.length > 0 ? (
        <div role="alert" className="space-y-2 rounded-control border border-danger/30 bg-danger-soft p-4 text-sm text-danger-soft-fg">
          <p className="font-semibold">{t("campaigns.root.undecryptable.title")}</p>
          <p>{t("campaigns.root.undecryptable.explain")}</p>
          {settings.smtpPasswordUnreadable ? <p>{t("campaigns.root.undecryptable.smtp")}</p> : null}
          {unreadable.length > 0 ? (
            <div>
              <p>{t("campaigns.root.undecryptable.campaigns", { count: unreadable.length })}</p>
              <ul className="mt-1 list-inside list-disc">
                {unreadable.map((c) => (
                  <li key={c.id}>
                    <Link className="underline" href={`/admin/campaigns/${c.id}`}>
                      {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <Card>
        <CardHeader className="flex-row items-start justify-between">
          <div className="space-y-1">
            <CardTitle>{t("campaigns.root.platforms")}</CardTitle>
            <CardDescription>{t("campaigns.root.platformsDescription")}</CardDescription>
          </div>
          <Link href="/admin/root/platforms/new" className={buttonClassName({ size: "sm" })}>
            {t("campaigns.root.newPlatform")}
          </Link>
        </CardHeader>
        <CardContent>
          <ListView
            page={{ rows: platforms }}
            empty={t("campaigns.root.noPlatforms")}
            columns={[
              {
                key: "name",
                header: t("campaigns.root.platformName"),
                className: "font-medium",
                cell: (p) => <RowLink href={`/admin/root/platforms/${p.id}`}>{p.name}</RowLink>,
              },
              {
                key: "twitter",
                header: t("campaigns.root.twitterBaseUrl"),
                cell: (p) => <code className="text-xs">{p.twitterBaseUrl}</code>,
              },
              {
                key: "facebook",
                header: t("campaigns.root.facebookBaseUrl"),
                cell: (p) => <code className="text-xs">{p.facebookBaseUrl}</code>,
              },
              { key: "campaigns", header: t("campaigns.root.campaigns"), cell: (p) => p.campaigns },
            ]}
          />
        </CardContent>
      </Card>
      <RootSettingsForm
        settings={{
          smtpHost: settings.smtpHost,
          smtpPort: settings.smtpPort,
          smtpUser: settings.smtpUser,
          smtpFrom: settings.smtpFrom,
          smtpTls: settings.smtpTls,
          defaultTimeZone: settings.defaultTimeZone,
          smtpPasswordSet: settings.smtpPasswordSet,
          smtpPasswordMasked: settings.smtpPasswordMasked,
          version: settings.version,
        }}
        // An alias saved earlier (e.g. America/Montreal) stays selectable, not silently replaced.
        timeZones={[...new Set([...timeZones(), settings.defaultTimeZone])].sort()}
      />
    </div>
  );
}
