"use client";

import { useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";

/**
 * Shows a generated password once. Nothing keeps it after the dialog closes: the server only
 * has its hash, so the administrator must note it now (or regenerate it later).
 */
export function CredentialDialog({
  title,
  login,
  password,
  onDone,
}: {
  title: string;
  login: string;
  password: string | null;
  onDone: () => void;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const passwordRef = useRef<HTMLElement>(null);

  async function copy() {
    if (!password) return;
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      // No clipboard outside a secure context: select the text so Ctrl+C works.
      const range = document.createRange();
      if (passwordRef.current) range.selectNodeContents(passwordRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  }

  return (
    <Dialog open={password !== null} onOpenChange={(open) => !open && onDone()}>
      <DialogContent title={title} description={t("hr.password.shownOnce")} onPointerDownOutside={(e) => e.preventDefault()}>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
          <dt className="text-fg-muted">{t("hr.password.login")}</dt>
          <dd className="font-mono" data-testid="credential-login">
            {login}
          </dd>
          <dt className="text-fg-muted">{t("hr.password.password")}</dt>
          <dd className="flex items-center gap-2">
            <code
              ref={passwordRef}
              className="rounded-control bg-surface-muted px-2 py-1 font-mono text-base select-all"
              data-testid="credential-password"
            >
              {password}
            </code>
            <Button size="sm" variant="secondary" onClick={copy}>
              {copied ? t("hr.password.copied") : t("hr.password.copy")}
            </Button>
          </dd>
        </dl>
        <DialogFooter>
          <Button onClick={onDone}>{t("hr.password.done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
