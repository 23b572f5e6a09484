import type { ReactNode } from "react";
import { forbidden, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { canOpenReports } from "@/lib/reporting/scope";
import { AppShell } from "@/components/shell/app-shell";

export default async function ReportingLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!canOpenReports(user)) forbidden();
  return <AppShell user={user}>{children}</AppShell>;
}
