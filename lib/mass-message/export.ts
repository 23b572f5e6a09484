import { can } from "@/lib/auth/permissions";
import type { RouteContext } from "@/lib/auth/route";
import { AuthError, type SessionUser } from "@/lib/auth/session";
import { csvDownload, toCsv } from "@/lib/csv/stringify";
import { getTranslator } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/types";
import { massMessageProgress, recipientsOf } from "./queries";

/**
 * The whole report per recipient of a mass message as CSV (every row, whatever the page shows):
 * the route handlers of both sections, declared with the mass-message right, call it; it also
 * needs the export right.
 */
export async function massMessageCsv({ user, params }: Pick<RouteContext<SessionUser, { id: string; mmId: string }>, "user" | "params">) {
  if (!can(user, "data.export")) throw new AuthError(403);
  const campaignId = Number(params.id);
  const id = Number(params.mmId);
  const progress = Number.isInteger(id) && Number.isInteger(campaignId) ? await massMessageProgress(id, campaignId) : null;
  if (!progress) return { ok: false as const, error: "massMessage.errors.noCampaign" };
  const { t, locale } = await getTranslator();
  const rows = await recipientsOf(id, null);
  const reason = (r: string | null) => {
    if (!r) return "";
    const key = r.startsWith("outbox.") || r.startsWith("massMessage.") ? r : `massMessage.reasons.${r}`;
    return t(key as MessageKey);
  };
  const csv = toCsv(
    [
      [
        t("massMessage.recipient"),
        "PSID",
        t("massMessage.status"),
        t("massMessage.reason"),
        "code",
        t("massMessage.lastMessage"),
        t("massMessage.sentAt"),
        t("massMessage.messageId"),
      ],
      ...rows.map((r) => [
        r.contactName,
        r.contactId,
        t(`massMessage.recipientStatuses.${r.status}`),
        reason(r.reason),
        r.errorCode ?? "",
        r.lastInboundAt?.toISOString() ?? "",
        r.sentAt?.toISOString() ?? "",
        [r.networkMessageId, r.templateMessageId].filter(Boolean).join(" "),
      ]),
    ],
    { delimiter: locale === "fr" ? ";" : "," },
  );
  return csvDownload(csv, `mass-message-${id}.csv`);
}
