import Link from "next/link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { navFor } from "./nav";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";

/** `wide`: the page uses the whole window (the supervision wallboard on a large screen). */
export async function AppShell({ user, wide = false, children }: { user: SessionUser; wide?: boolean; children: ReactNode }) {
  const { t } = await getTranslator();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-border bg-surface">
        {/* The header's edges line up with the page's: the whole width on a wide page. */}
        <div className={wide ? "flex w-full items-center gap-4 px-6 py-2" : "mx-auto flex max-w-7xl items-center gap-4 px-4 py-2"}>
          <Link href="/" className="font-semibold text-accent">
            Relais
          </Link>
          <nav aria-label={t("nav.main")} className="flex flex-1 gap-1">
            {navFor(user).map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="whitespace-nowrap rounded-control px-2 py-1.5 text-sm hover:bg-surface-muted"
              >
                {t(item.label)}
              </Link>
            ))}
          </nav>
          {/* The whole sentence on wide screens; the name alone (the sentence as its tooltip) where
              an administrator's seven menu entries need the room. */}
          <span
            className="min-w-0 truncate text-sm text-fg-muted"
            data-testid="signed-in-as"
            title={t("auth.signedInAs", { name: `${user.name} (${user.login})` })}
          >
            <span className="hidden 2xl:inline">{t("auth.signedInAs", { name: `${user.name} (${user.login})` })}</span>
            <span className="2xl:hidden">
              <span className="sr-only">{t("auth.signedInAs", { name: "" })}</span>
              {user.name}
            </span>
          </span>
          <LanguageSwitch signedIn />
          <LogoutButton />
        </div>
      </header>
      <main className={wide ? "w-full flex-1 px-6 py-6" : "mx-auto w-full max-w-7xl flex-1 px-4 py-6"}>{children}</main>
    </div>
  );
}
