"use client";

import { useRef, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "./dialog";

export type ConfirmDialogProps = {
  title: ReactNode;
  message: ReactNode;
  /** Say what happens ("Supprimer la campagne"), not just "OK". Defaults to common.confirm. */
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /**
   * May be async: the dialog stays open with a spinner until it settles, then closes.
   * Return `false` (or throw) to keep it open, e.g. when the server action failed.
   */
  onConfirm: () => void | boolean | Promise<void | boolean>;
  /** "danger" (default) for destructive actions, "primary" otherwise. */
  variant?: "danger" | "primary";
  /** Element that opens the dialog (rendered with asChild, so pass a Button). */
  trigger?: ReactNode;
  /** Controlled mode, e.g. opened from a table row's menu. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  variant = "danger",
  trigger,
  open: controlledOpen,
  onOpenChange,
}: ConfirmDialogProps) {
  const t = useT();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const open = controlledOpen ?? uncontrolledOpen;

  function setOpen(next: boolean) {
    // Closing mid-request would hide the outcome of an action that still runs.
    if (pending && !next) return;
    if (controlledOpen === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function confirm() {
    setPending(true);
    let close = false;
    try {
      close = (await onConfirm()) !== false;
    } catch {
      // The caller reports errors (toast); staying open lets the user retry or cancel.
    } finally {
      setPending(false);
    }
    if (close) {
      if (controlledOpen === undefined) setUncontrolledOpen(false);
      onOpenChange?.(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger !== undefined && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent
        role="alertdialog"
        title={title}
        description={message}
        hideCloseButton
        // Start on Cancel so a stray Enter does not trigger a destructive action.
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          cancelRef.current?.focus();
        }}
        onPointerDownOutside={(event) => event.preventDefault()}
      >
        <DialogFooter>
          <DialogClose asChild>
            <Button ref={cancelRef} variant="secondary" disabled={pending}>
              {cancelLabel ?? t("common.cancel")}
            </Button>
          </DialogClose>
          <Button variant={variant} loading={pending} onClick={confirm}>
            {confirmLabel ?? t("common.confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
