"use client";

import { signOut } from "next-auth/react";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";

export function LogoutButton() {
  const t = useT();
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: "/login" })}>
      {t("nav.logout")}
    </Button>
  );
}
