"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { archiveSchema } from "@/lib/admin/common.schema";
import { addressBookSchema, addressBookUpdateSchema } from "@/lib/agenda/agenda.schema";
import {
  createAddressBook,
  deleteContact,
  saveContact,
  setAddressBookArchived,
  updateAddressBook,
} from "@/lib/agenda/address-book-mutations";
import { CONTACT_FIELDS } from "@/lib/agenda/contact-fields";

export const createAddressBookAction = defineAction("admin.access", addressBookSchema, async (input, user) => {
  const row = await createAddressBook(user, input);
  revalidatePath("/admin/address-books");
  return { id: row.id };
});

export const updateAddressBookAction = defineAction("admin.access", addressBookUpdateSchema, async (input, user) => {
  const row = await updateAddressBook(user, input);
  revalidatePath("/admin/address-books");
  return { id: row.id, version: row.updatedAt.toISOString() };
});

export const archiveAddressBookAction = defineAction("admin.access", archiveSchema, async ({ id, archived }, user) => {
  await setAddressBookArchived(user, id, archived);
  revalidatePath("/admin/address-books");
  return { id };
});

const contactValues = z.object(
  Object.fromEntries(CONTACT_FIELDS.map((f) => [f, z.string().trim().max(500, "agenda.errors.nameTooLong")])) as Record<
    (typeof CONTACT_FIELDS)[number],
    z.ZodString
  >,
);

export const saveContactAction = defineAction(
  "admin.access",
  z.object({ addressBookId: z.number().int().positive(), id: z.number().int().positive().nullable(), values: contactValues }),
  async ({ addressBookId, id, values }, user) => {
    const row = await saveContact(user, addressBookId, id, values);
    revalidatePath(`/admin/address-books/${addressBookId}`);
    return row;
  },
);

export const deleteContactAction = defineAction(
  "admin.access",
  z.object({ addressBookId: z.number().int().positive(), id: z.number().int().positive() }),
  async ({ addressBookId, id }, user) => {
    const row = await deleteContact(user, addressBookId, id);
    revalidatePath(`/admin/address-books/${addressBookId}`);
    return row;
  },
);
