"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { CONTACT_FIELDS, type Contact, type ContactField } from "@/lib/agenda/contact-fields";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { ItemFormDialog } from "@/components/admin/ordered-items-editor";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { deleteContactAction, saveContactAction } from "../actions";

type Values = Record<ContactField, string>;
const empty = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, ""])) as Values;

/** Add (no contact) or edit one contact in a dialog. */
export function ContactDialogButton({ addressBookId, contact }: { addressBookId: number; contact?: Contact }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const form = useForm<Values>({
    defaultValues: contact ? (Object.fromEntries(CONTACT_FIELDS.map((f) => [f, contact[f]])) as Values) : empty,
  });
  return (
    <>
      <Button size="sm" variant={contact ? "ghost" : "secondary"} onClick={() => setOpen(true)}>
        {contact ? t("common.edit") : t("agenda.addressBooks.addContact")}
      </Button>
      {open ? (
        <ItemFormDialog
          title={contact ? t("agenda.addressBooks.editContact") : t("agenda.addressBooks.addContact")}
          form={form}
          className="max-w-2xl"
          onOpenChange={(o) => {
            setOpen(o);
            if (!o && !contact) form.reset(empty);
          }}
          save={(values) => saveContactAction({ addressBookId, id: contact?.id ?? null, values })}
        >
          {(error) => (
            <div className="grid gap-3 sm:grid-cols-2">
              {CONTACT_FIELDS.map((f) => (
                <label key={f} className="flex flex-col gap-1 text-sm">
                  <span className="font-medium">
                    {t(`agenda.addressBooks.fields.${f}`)}
                    {f === "last_name" ? " *" : ""}
                  </span>
                  <Input aria-invalid={error(f) ? true : undefined} {...form.register(f)} />
                  {error(f) ? <span className="text-xs text-danger">{error(f)}</span> : null}
                </label>
              ))}
            </div>
          )}
        </ItemFormDialog>
      ) : null}
    </>
  );
}

export function DeleteContactButton({ addressBookId, id, name }: { addressBookId: number; id: number; name: string }) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  return (
    <ConfirmDialog
      title={t("agenda.addressBooks.confirmDeleteTitle", { name })}
      message={t("agenda.addressBooks.confirmDeleteText")}
      confirmLabel={t("agenda.addressBooks.deleteContact")}
      trigger={
        <Button size="sm" variant="ghost">
          {t("agenda.addressBooks.deleteContact")}
        </Button>
      }
      onConfirm={async () => {
        const ok = report(await deleteContactAction({ addressBookId, id }), { success: "adminCommon.saved" });
        if (ok) router.refresh();
        return ok;
      }}
    />
  );
}
