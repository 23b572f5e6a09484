"use client";

import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/auth/action";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { focusMovedItem, ReorderButtons } from "./reorder-buttons";
import { useActionFeedback } from "./use-action-feedback";

type Save<F> = (values: F) => Promise<ActionResult<unknown>>;

/**
 * The add/edit dialog of one item: its fields (children), Cancel and Save. Saving calls the action;
 * field errors go on their fields, and on success the dialog closes and the page re-reads its data.
 */
export function ItemFormDialog<F extends FieldValues>({
  title,
  form,
  save,
  onOpenChange,
  className,
  children,
}: {
  title: ReactNode;
  form: UseFormReturn<F>;
  save: Save<F>;
  onOpenChange: (open: boolean) => void;
  className?: string;
  /** The fields; `error(name)` is the field's translated validation message. */
  children: (error: (name: Path<F>) => string | undefined) => ReactNode;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const { isSubmitting } = form.formState;
  const error = (name: Path<F>) => {
    const message = form.getFieldState(name, form.formState).error?.message;
    return message ? t(message as MessageKey) : undefined;
  };
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent title={title} className={className}>
        <form
          noValidate
          className="space-y-4"
          onSubmit={form.handleSubmit(async (values) => {
            if (report(await save(values), { form, success: "adminCommon.saved" })) {
              onOpenChange(false);
              router.refresh();
            }
          })}
        >
          {children(error)}
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export type ItemLabels = {
  /** Accessible names of the row's buttons, naming the item («Modifier « Bienvenue » »). */
  edit: string;
  delete: string;
  /** The delete confirmation's title. */
  confirmDelete: string;
};

export type Reorder<T> = {
  move: (item: T, direction: "up" | "down") => Promise<ActionResult<unknown>>;
  /** Accessible names of the move buttons, naming the item. */
  upLabel: (item: T) => string;
  downLabel: (item: T) => string;
};

/**
 * A campaign's list of small items (predefined responses, email templates) edited in place: each
 * change is saved at once, apart from the tab's form. Add and edit in a dialog, delete after a
 * confirmation, and, with `reorder`, reorder with buttons (the keyboard alone suffices).
 */
export function OrderedItemsEditor<T extends { id: number }>({
  id,
  title,
  addLabel,
  emptyText,
  items,
  renderItem,
  labels,
  deleteMessage,
  remove,
  reorder,
  dialog,
}: {
  /** Prefix of the heading's id and of the move buttons' ids. */
  id: string;
  title: ReactNode;
  addLabel: ReactNode;
  emptyText: ReactNode;
  items: T[];
  /** The item's summary (its title and a line of its text). */
  renderItem: (item: T) => ReactNode;
  labels: (item: T) => ItemLabels;
  deleteMessage: ReactNode;
  remove: (item: T) => Promise<ActionResult<unknown>>;
  /** Makes the list ordered, with move up/down buttons. */
  reorder?: Reorder<T>;
  /** The add (item null) or edit dialog; it is mounted per opening so that «add» starts empty. */
  dialog: (item: T | null, onOpenChange: (open: boolean) => void) => ReactNode;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [editing, setEditing] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const List = reorder ? "ol" : "ul";

  function edit(item: T | null) {
    setEditing(item);
    setOpen(true);
  }

  // The new order shows after the server answered and the page re-read it: focus follows then.
  const moved = useRef<{ id: number; direction: "up" | "down" } | null>(null);
  useEffect(() => {
    const index = moved.current ? items.findIndex((item) => item.id === moved.current?.id) : -1;
    if (!moved.current || index < 0) return;
    focusMovedItem(id, index, items.length, moved.current.direction);
    moved.current = null;
  }, [id, items]);

  async function moveItem(from: number, to: number) {
    if (!reorder) return;
    const direction = to < from ? "up" : "down";
    if (report(await reorder.move(items[from], direction))) {
      moved.current = { id: items[from].id, direction };
      router.refresh();
    }
  }

  return (
    <section className="max-w-2xl space-y-3" aria-labelledby={`${id}-title`}>
      <div className="flex items-center justify-between">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h3>
        <Button size="sm" variant="secondary" onClick={() => edit(null)}>
          {addLabel}
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-fg-muted">{emptyText}</p>
      ) : (
        <List className="divide-y divide-border rounded-panel border border-border">
          {items.map((item, index) => {
            const label = labels(item);
            return (
              <li key={item.id} className="flex items-start gap-3 p-3">
                <div className="min-w-0 flex-1">{renderItem(item)}</div>
                {reorder ? (
                  <ReorderButtons
                    idPrefix={id}
                    index={index}
                    count={items.length}
                    onMove={moveItem}
                    upLabel={reorder.upLabel(item)}
                    downLabel={reorder.downLabel(item)}
                    followFocus={false}
                  />
                ) : null}
                <Button size="sm" variant="ghost" aria-label={label.edit} onClick={() => edit(item)}>
                  {t("common.edit")}
                </Button>
                <ConfirmDialog
                  title={label.confirmDelete}
                  message={deleteMessage}
                  confirmLabel={t("common.delete")}
                  trigger={
                    <Button size="sm" variant="ghost" aria-label={label.delete}>
                      {t("common.delete")}
                    </Button>
                  }
                  onConfirm={async () => {
                    const ok = report(await remove(item), { success: "campaigns.deleted" });
                    if (ok) router.refresh();
                    return ok;
                  }}
                />
              </li>
            );
          })}
        </List>
      )}
      {open ? <Fragment key={editing?.id ?? "new"}>{dialog(editing, setOpen)}</Fragment> : null}
    </section>
  );
}
