import { StatusPage } from "@/components/shell/status-page";
import { getTranslator } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return <StatusPage code={403} title={t("auth.forbidden.title")} text={t("auth.forbidden.text")} back={t("auth.forbidden.back")} />;
}
