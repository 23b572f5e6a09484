import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { I18nProvider } from "@/lib/i18n/client";
import { getRequestTimeZone, getTranslator } from "@/lib/i18n/server";
import { ToastProvider } from "@/components/ui/toast";

export const metadata: Metadata = { title: "Relais", description: "Social-media contact center" };

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
