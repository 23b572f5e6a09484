import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-semibold text-fg-muted">403</p>
      <h1 className="text-xl font-semibold">{t("auth.forbidden.title")}</h1>
      <p className="text-fg-muted">{t("auth.forbidden.text")}</p>
      <Link className="text-accent underline" href="/">
        {t("auth.forbidden.back")}
      </Link>
    </main>
  );
}
