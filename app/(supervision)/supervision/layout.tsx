import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export default async function SupervisionLayout({ children }: { children: ReactNode }) {
  const user = await requirePage("supervision.view");
  return (
    <AppShell user={user} wide>
      {children}
    </AppShell>
  );
}
