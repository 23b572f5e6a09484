import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export default async function DesignerLayout({ children }: { children: ReactNode }) {
  const user = await requirePage("designer.access");
  return <AppShell user={user}>{children}</AppShell>;
}
