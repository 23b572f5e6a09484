import Link from "next/link";
import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { AppShell } from "@/components/shell/app-shell";
import { adminMenu } from "@/components/admin/admin-menu";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePage("admin.access");
  const { t } = await getTranslator();
  return (
    <AppShell user={user}>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <nav aria-label={t("adminCommon.menu.title")} className="space-y-4 text-sm">
          {adminMenu.map((group) => (
            <div key={group.title}>
              <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">{t(group.title)}</p>
              <ul className="space-y-0.5">
                {group.items.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="block rounded-control px-2 py-1 hover:bg-surface-muted">
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="min-w-0">{children}</div>
      </div>
    </AppShell>
  );
}
