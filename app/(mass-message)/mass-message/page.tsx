import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { getFormat, getTranslator } from "@/lib/i18n/server";
import { massMessageCampaigns } from "@/lib/mass-message/queries";
import { sectionMassMessageBase } from "@/lib/mass-message/paths";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";

/** The Facebook campaigns a holder of the mass-message right may write from. */
export default async function MassMessageCampaignsPage() {
  await requirePage("massMessage.send");
  const { t } = await getTranslator();
  const f = await getFormat();
  const list = await massMessageCampaigns();
  return (
    <div className="space-y-4">
      <PageHeader title={t("massMessage.section.title")} description={t("massMessage.section.description")} />
      {list.length === 0 ? (
        <EmptyState title={t("massMessage.section.noCampaigns")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("massMessage.section.campaign")}</Th>
              <Th>{t("massMessage.section.state")}</Th>
              <Th>{t("massMessage.section.sends")}</Th>
              <Th>{t("massMessage.section.lastSend")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.map((c) => (
              <Tr key={c.id}>
                <Td className="font-medium">
                  <Link href={sectionMassMessageBase(c.id)} className="underline">
                    {c.name}
                  </Link>
                </Td>
                <Td>
                  <Badge variant={c.state === "running" ? "green" : "neutral"} dot>
                    {t(`campaigns.states.${c.state}`)}
                  </Badge>
                </Td>
                <Td className="tabular-nums">{f.number(c.sends)}</Td>
                <Td>{c.lastSendAt ? f.dateTime(c.lastSendAt) : t("massMessage.section.never")}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
