import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export default async function SimulatorLayout({ children }: { children: ReactNode }) {
  const user = await requirePage("simulator.use");
  return <AppShell user={user}>{children}</AppShell>;
}
