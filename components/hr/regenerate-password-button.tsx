"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { CredentialDialog } from "./credential-dialog";

/** The manual's key button: confirm, generate a new password, show it once. */
export function RegeneratePasswordButton({
  id,
  login,
  action,
}: {
  id: number;
  login: string;
  action: (input: { id: number }) => Promise<ActionResult<{ login: string; password: string }>>;
}) {
  const t = useT();
  const report = useActionFeedback();
  const [password, setPassword] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        title={t("hr.password.confirmTitle", { login })}
        message={t("hr.password.confirmText")}
        confirmLabel={t("hr.password.confirm")}
        trigger={
          <Button variant="secondary">
            <svg viewBox="0 0 20 20" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
              <circle cx="6.5" cy="10" r="3.5" />
              <path d="M10 10h8M15 10v3M17.5 10v2" strokeLinecap="round" />
            </svg>
            {t("hr.password.regenerate")}
          </Button>
        }
        onConfirm={async () => {
          const result = await action({ id });
          if (!report(result)) return false;
          setPassword(result.data.password);
          return true;
        }}
      />
      <CredentialDialog title={t("hr.password.newTitle", { login })} login={login} password={password} onDone={() => setPassword(null)} />
    </>
  );
}
