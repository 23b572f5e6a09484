"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { locales, type Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/app/actions/locale";

const COOKIE = "relais-locale";

/** Remembered on the user's account when signed in, in a cookie on the login page. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();

  function change(next: Locale) {
    document.cookie = `${COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    start(async () => {
      if (signedIn) await setLocaleAction({ locale: next });
      router.refresh();
    });
  }

  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("nav.language")}</span>
      <select
        aria-label={t("nav.language")}
        className="rounded-control border border-border bg-surface px-2 py-1 text-sm"
        value={locale}
        disabled={pending}
        onChange={(e) => change(e.target.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(`nav.languageNames.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
