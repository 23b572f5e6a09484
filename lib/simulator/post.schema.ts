import { z } from "zod";

// The /simulator page's form and its server action share this schema. Messages are i18n keys.
const handle = z
  .string()
  .trim()
  .regex(/^@?[A-Za-z0-9_]{1,15}$/, "simulator.errors.handle")
  .transform((h) => h.replace(/^@/, ""));

export const customerTweetSchema = z.object({
  authorHandle: handle,
  authorName: z.string().trim().max(50, "simulator.errors.name").optional().default(""),
  text: z.string().trim().min(1, "simulator.errors.textEmpty").max(280, "simulator.errors.textTooLong"),
});
export type CustomerTweetForm = z.input<typeof customerTweetSchema>;

/** What a trainer can post as a customer: on X a post, a mention, a DM; on Facebook a Messenger message, a comment. */
export const customerMessageKinds = ["tweet", "mention", "dm", "messenger", "comment"] as const;
export type CustomerMessageKind = (typeof customerMessageKinds)[number];
export const isXKind = (k: CustomerMessageKind) => k === "tweet" || k === "mention" || k === "dm";

/** "" as the post of a comment: create a new page post with `postText` first. */
export const NEW_POST = "";

export const customerMessageSchema = z
  .object({
    kind: z.enum(customerMessageKinds, { error: "simulator.errors.kind" }),
    authorHandle: z.string().trim().default(""),
    authorName: z.string().trim().max(50, "simulator.errors.name").default(""),
    text: z.string().trim().min(1, "simulator.errors.textEmpty").max(2000, "simulator.errors.textTooLongFacebook"),
    postId: z.string().trim().max(60).default(NEW_POST),
    postText: z.string().trim().max(500, "simulator.errors.postTooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (isXKind(v.kind)) {
      if (!/^@?[A-Za-z0-9_]{1,15}$/.test(v.authorHandle))
        ctx.addIssue({ code: "custom", path: ["authorHandle"], message: "simulator.errors.handle" });
      if (v.kind !== "dm" && [...v.text].length > 280)
        ctx.addIssue({ code: "custom", path: ["text"], message: "simulator.errors.textTooLong" });
    } else if (!v.authorName) {
      ctx.addIssue({ code: "custom", path: ["authorName"], message: "simulator.errors.nameRequired" });
    }
    if (v.kind === "comment" && v.postId === NEW_POST && !v.postText) {
      ctx.addIssue({ code: "custom", path: ["postText"], message: "simulator.errors.postRequired" });
    }
  })
  .transform((v) => ({ ...v, authorHandle: v.authorHandle.replace(/^@/, "") }));
export type CustomerMessageForm = z.input<typeof customerMessageSchema>;
