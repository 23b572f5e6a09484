import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { forbidden, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";

// The agenda area: reps read their agenda (agenda.view), agents book (agenda.book); each page
// checks its own permission again.
export default async function AgendaLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!can(user, "agenda.view") && !can(user, "agenda.book")) forbidden();
  return <AppShell user={user}>{children}</AppShell>;
}
