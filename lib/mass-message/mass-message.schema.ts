import { z } from "zod";
import type { QualificationCategory } from "@/db/schema/qualifications";
import type { MassMessageSendType } from "@/db/schema/mass-messages";

// Kept here (not imported from db/schema) so that the composer's client bundle carries no table.
const massMessageSendTypes = ["messenger", "page_post"] as const satisfies readonly MassMessageSendType[];
const qualificationCategories = ["positive", "argued", "not_argued"] as const satisfies readonly QualificationCategory[];

// Messenger's limits (NETWORKS.md): text under 2,000 characters; a generic template's title and
// subtitle 80 characters, at most 3 URL buttons (a button title at most 20 characters).
export const MAX_TEXT = 2_000;
export const MAX_TITLE = 80;
export const MAX_BUTTONS = 3;
export const MAX_BUTTON_TITLE = 20;
/** A post on a page's feed. */
export const MAX_POST = 63_206;

const url = z
  .string()
  .trim()
  .max(2_000, "massMessage.errors.url")
  .regex(/^https?:\/\/\S+$/i, "massMessage.errors.url");
const length = (max: number) => (v: string) => [...v].length <= max;

export const templateSchema = z.object({
  imageUrl: z.union([url, z.literal("")]).optional(),
  title: z.string().trim().min(1, "massMessage.errors.titleRequired").refine(length(MAX_TITLE), "massMessage.errors.titleTooLong"),
  subtitle: z.string().trim().refine(length(MAX_TITLE), "massMessage.errors.subtitleTooLong").optional(),
  buttons: z
    .array(
      z.object({
        title: z
          .string()
          .trim()
          .min(1, "massMessage.errors.buttonTitle")
          .refine(length(MAX_BUTTON_TITLE), "massMessage.errors.buttonTitle"),
        url,
      }),
    )
    .max(MAX_BUTTONS, "massMessage.errors.tooManyButtons"),
});

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "massMessage.errors.date");

export const criteriaSchema = z.object({
  lastMessageFrom: isoDate.optional(),
  lastMessageTo: isoDate.optional(),
  languages: z.array(z.string().trim().min(2).max(10)).max(50).optional(),
  qualificationStatusIds: z.array(z.number().int().positive()).max(200).optional(),
  qualificationCategories: z.array(z.enum(qualificationCategories)).max(10).optional(),
  fields: z
    .array(z.object({ column: z.string().trim().min(1).max(63), value: z.string().trim().max(500) }))
    .max(10)
    .optional(),
});
export type CriteriaInput = z.infer<typeof criteriaSchema>;

export const composeSchema = z
  .object({
    campaignId: z.number().int().positive(),
    sendType: z.enum(massMessageSendTypes),
    text: z.string().max(MAX_POST),
    template: templateSchema.nullable(),
    criteria: criteriaSchema,
  })
  .superRefine((v, ctx) => {
    if (v.sendType === "messenger") {
      if (!v.text.trim() && !v.template) ctx.addIssue({ code: "custom", path: ["text"], message: "massMessage.errors.textRequired" });
      if ([...v.text].length >= MAX_TEXT) ctx.addIssue({ code: "custom", path: ["text"], message: "massMessage.errors.textTooLong" });
    } else if (!v.text.trim()) ctx.addIssue({ code: "custom", path: ["text"], message: "massMessage.errors.textRequired" });
  });
export type ComposeInput = z.input<typeof composeSchema>;

export const idSchema = z.object({ massMessageId: z.number().int().positive() });
export const previewSchema = composeSchema.and(z.object({ contactId: z.string().max(100).optional() }));
