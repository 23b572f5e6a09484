"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

/**
 * Shown while an agent's sign-in is locked from some address (too many failed attempts there):
 * the administrator forgets those failures, so the agent can sign in again at once. Audited.
 */
export function UnlockSignInButton({ id, action }: { id: number; action: (input: { id: number }) => Promise<ActionResult<unknown>> }) {
  const t = useT();
  const report = useActionFeedback();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          if (report(await action({ id }), { success: "hr.signInLock.unlocked" })) router.refresh();
        })
      }
    >
      {t("hr.signInLock.unlock")}
    </Button>
  );
}
