import { StatusPage } from "@/components/shell/status-page";
import { getTranslator } from "@/lib/i18n/server";

// Any address that matches no page (and every notFound() a page calls), in the user's language.
export default async function NotFound() {
  const { t } = await getTranslator();
  return <StatusPage code={404} title={t("auth.notFound.title")} text={t("auth.notFound.text")} back={t("auth.notFound.back")} />;
}
