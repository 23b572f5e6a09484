"use client";

import Link from "next/link";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MassMessageListItem } from "@/lib/mass-message/queries";
import { buttonClassName } from "@/components/ui/button-styles";
import { EmptyState, TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";

/**
 * «Envoyer un message»: the campaign's sends, and the way to a new one (`composeHref`); each send's
 * progress page is `<basePath>/<id>`.
 */
export function MassMessageHistory({
  composeHref,
  basePath,
  items,
}: {
  composeHref: string;
  basePath: string;
  items: MassMessageListItem[];
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="space-y-4 pt-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-prose text-sm text-fg-muted">{t("massMessage.rules")}</p>
        <Link href={composeHref} className={buttonClassName()}>
          {t("massMessage.newMessage")}
        </Link>
      </div>
      <h2 className="text-base font-semibold">{t("massMessage.history")}</h2>
      {items.length === 0 ? (
        <EmptyState title={t("massMessage.noHistory")} />
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>#</Th>
              <Th>{t("massMessage.sendType")}</Th>
              <Th>{t("massMessage.status")}</Th>
              <Th>{t("massMessage.sent")}</Th>
              <Th>{t("massMessage.notSendable")}</Th>
              <Th>{t("massMessage.failed")}</Th>
              <Th>{t("massMessage.text")}</Th>
              <Th>
                <span className="sr-only">{t("common.actions")}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((m) => (
              <Tr key={m.id}>
                <Td>{m.id}</Td>
                <Td>{t(`massMessage.sendTypes.${m.sendType}`)}</Td>
                <Td>
                  {t(`massMessage.statuses.${m.status}`)} · {f.dateTime(m.createdAt)}
                </Td>
                <Td>{m.sentCount}</Td>
                <Td>{m.notSendableCount}</Td>
                <Td>{m.failedCount}</Td>
                <Td className="max-w-xs truncate">{m.text}</Td>
                <Td>
                  <Link href={`${basePath}/${m.id}`} className="underline">
                    {t("massMessage.open")}
                  </Link>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
