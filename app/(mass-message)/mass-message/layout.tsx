import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

// «Messages en masse»: the Facebook mass message for whoever holds the mass-message right
// (administrators, or the send_mass_message right — a supervisor or agent given it), outside
// /admin. Every page, action and route here checks the right on the server again.
export default async function MassMessageLayout({ children }: { children: ReactNode }) {
  const user = await requirePage("massMessage.send");
  return <AppShell user={user}>{children}</AppShell>;
}
