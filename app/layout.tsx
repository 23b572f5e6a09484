import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getTranslations } from "next-intl/server";
import { I18nProvider } from "@/lib/i18n/client";
import { getRequestTimeZone, getTranslator } from "@/lib/i18n/server";
import { ToastProvider } from "@/components/ui/toast";

// Read through next-intl's request configuration (lib/i18n/request.ts), like any direct
// `getTranslations()` / `getFormatter()` call in a server component would.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: "Relais", description: t("meta.description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, messages } = await getTranslator();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-page text-fg antialiased">
        <I18nProvider locale={locale} messages={messages} timeZone={await getRequestTimeZone()}>
          <ToastProvider>{children}</ToastProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
