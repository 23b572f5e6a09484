"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { eligibleAgentsAction, reassignAction, takeBackAction } from "./actions";

type Candidate = { id: number; login: string; name: string; active: number; max: number };

/** Take back (confirmed) and reassign (a dialog listing the eligible agents of the viewer's groups). */
export function ConversationActions({
  conversationId,
  author,
  canTakeBack,
  canReassign,
}: {
  conversationId: number;
  author: string;
  canTakeBack: boolean;
  canReassign: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Candidate[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [pending, setPending] = useState(false);

  async function load() {
    setList(null);
    setChosen("");
    const result = await eligibleAgentsAction({ conversationId });
    if (report(result)) setList(result.data);
    else setOpen(false);
  }

  async function reassign() {
    if (!chosen) return;
    setPending(true);
    try {
      const result = await reassignAction({ conversationId, agentId: Number(chosen) });
      if (report(result, { success: "wallboard.actions.done" })) {
        setOpen(false);
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {canTakeBack ? (
        <ConfirmDialog
          variant="primary"
          title={t("wallboard.actions.takeBackTitle", { author })}
          message={t("wallboard.actions.takeBackText")}
          confirmLabel={t("wallboard.actions.takeBack")}
          onConfirm={async () => {
            const result = await takeBackAction({ conversationId });
            if (!report(result, { success: "wallboard.actions.done" })) return false;
            router.refresh();
          }}
          trigger={
            <Button size="sm" variant="ghost" className="h-7 px-2" data-testid={`take-back-${author}`}>
              {t("wallboard.actions.takeBack")}
            </Button>
          }
        />
      ) : null}
      {canReassign ? (
        <Dialog
          open={open}
          onOpenChange={(next) => {
            if (pending) return;
            setOpen(next);
            if (next) void load();
          }}
        >
          <DialogTrigger asChild>
            <Button size="sm" variant="ghost" className="h-7 px-2" data-testid={`reassign-${author}`}>
              {t("wallboard.actions.reassign")}
            </Button>
          </DialogTrigger>
          <DialogContent title={t("wallboard.actions.reassignTitle", { author })} description={t("wallboard.actions.reassignText")}>
            <form
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                void reassign();
              }}
            >
              {list === null ? (
                <p className="text-sm text-fg-muted">{t("wallboard.actions.loading")}</p>
              ) : list.length === 0 ? (
                <p className="text-sm text-fg-muted" data-testid="no-eligible">
                  {t("wallboard.actions.noEligible")}
                </p>
              ) : (
                <FormField label={t("wallboard.actions.reassignTo")} htmlFor={`reassign-${conversationId}`}>
                  <Select
                    id={`reassign-${conversationId}`}
                    value={chosen}
                    onChange={(e) => setChosen(e.target.value)}
                    placeholder={t("wallboard.actions.chooseAgent")}
                    required
                  >
                    {list.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} ({a.login}) · {a.active}/{a.max}
                      </option>
                    ))}
                  </Select>
                </FormField>
              )}
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="secondary" disabled={pending}>
                    {t("common.cancel")}
                  </Button>
                </DialogClose>
                <Button type="submit" loading={pending} disabled={!chosen}>
                  {t("wallboard.actions.confirmReassign")}
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      ) : null}
    </span>
  );
}
