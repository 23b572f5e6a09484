import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { LoginForm } from "./login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";

export default async function LoginPage() {
  const user = await currentUser();
  if (user) redirect(homePath(user));
  const { t } = await getTranslator();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-card border border-border bg-surface p-8 shadow-sm">
        <div className="flex items-start justify-between">
          <div>
            <p className="text-sm font-semibold tracking-wide text-accent">Relais</p>
            <h1 className="text-2xl font-semibold">{t("auth.title")}</h1>
            <p className="mt-1 text-sm text-fg-muted">{t("auth.subtitle")}</p>
          </div>
          <LanguageSwitch signedIn={false} />
        </div>
        <LoginForm />
      </div>
    </main>
  );
}
