import { z } from "zod";
import { parseQuery, MAX_QUERY_LENGTH } from "@/lib/networks/twitter/query";

// Shared by the campaign forms (one per tab) and their actions. Messages are i18n keys.

// Kept here rather than imported from db/schema so the browser bundle carries no table code.
export const campaignTypes = ["twitter", "facebook"] as const;

export const campaignTabs = ["general", "reception", "relation", "skills"] as const;
export type CampaignTab = (typeof campaignTabs)[number];

const blankToNull = (v: unknown) => (v === "" || v === null || v === undefined || Number.isNaN(v) ? null : Number(v));
export const optionalId = z.preprocess(blankToNull, z.number().int().positive().nullable());
const id = z.coerce.number().int().positive();
/** The tab's optimistic-lock counter the form was loaded with. */
const tabVersion = z.number().int().min(0);

function intBetween(min: number, max: number, message: string) {
  return z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

const text = (max: number) => z.string().trim().max(max, "campaigns.errors.tooLong").default("");
/** A secret field: empty means "keep the stored value", anything else replaces it. */
const secret = text(500);

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
const urlOrEmpty = text(500).refine((v) => v === "" || isHttpUrl(v), "campaigns.errors.url");

export const campaignName = z.string().trim().min(1, "common.requiredField").max(100, "campaigns.errors.tooLong");

export const createCampaignSchema = z.object({
  type: z.enum(campaignTypes, { error: "campaigns.errors.type" }),
  name: campaignName,
  databaseId: optionalId,
});
export type CreateCampaignInput = z.input<typeof createCampaignSchema>;

/** «Général». The campaign type is the stored one; fields of the other network are ignored. */
export const credentialFields = {
  apiKey: secret,
  apiSecret: secret,
  accessToken: secret,
  accessSecret: secret,
  bearerToken: secret,
  appId: text(100).refine((v) => /^\d*$/.test(v), "campaigns.errors.digits"),
  appSecret: secret,
  pageAccessToken: secret,
  pageId: text(100).refine((v) => /^\d*$/.test(v), "campaigns.errors.digits"),
};

export const generalSchema = z.object({
  id,
  version: tabVersion,
  name: campaignName,
  platformId: optionalId,
  ...credentialFields,
  accountHandle: text(16)
    .transform((v) => v.replace(/^@/, ""))
    .refine((v) => /^[A-Za-z0-9_]{0,15}$/.test(v), "campaigns.errors.handle"),
  accountId: text(30).refine((v) => /^\d*$/.test(v), "campaigns.errors.digits"),
  canvasPage: urlOrEmpty,
  canvasUrl: urlOrEmpty,
  acceptancePage: urlOrEmpty,
});
export type GeneralInput = z.input<typeof generalSchema>;

/** Test connection with what is typed (not saved yet) on top of what is saved. */
export const testConnectionSchema = z.object({ id, platformId: optionalId, ...credentialFields });
/** «Remplir avec les identifiants de démo du simulateur»: the campaign and the platform chosen in the form. */
export const demoCredentialsSchema = z.object({ id, platformId: optionalId });
export type TestConnectionInput = z.input<typeof testConnectionSchema>;

/** The X query, checked with the same parser the simulator searches with. */
export const searchQueryField = z
  .string()
  .trim()
  .max(MAX_QUERY_LENGTH, "campaigns.errors.queryTooLong")
  .default("")
  .refine((q) => q === "" || parseQuery(q).ok, "campaigns.errors.querySyntax");

/** A monthly read budget in US dollars (cents at most), blank for none; stored in cents. */
const budgetDollars = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? v.trim().replace(",", ".") : v),
  z
    .union([
      z.null(),
      z
        .string()
        .regex(/^\d{1,7}(\.\d{1,2})?$/, "campaigns.errors.readBudget")
        .transform((v) => Math.round(Number(v) * 100)),
      z
        .number({ error: "campaigns.errors.readBudget" })
        .min(0, "campaigns.errors.readBudget")
        .max(1_000_000, "campaigns.errors.readBudget")
        .transform((v) => Math.round(v * 100)),
    ])
    .refine((v) => v === null || v <= 100_000_000, "campaigns.errors.readBudget"),
);

export const receptionSchema = z.object({
  id,
  version: tabVersion,
  queueId: optionalId,
  queuePriority: intBetween(1, 9, "campaigns.errors.priority"),
  pollIntervalSeconds: intBetween(10, 86_400, "campaigns.errors.pollInterval"),
  checkComments: z.boolean().default(false),
  assignmentTimeoutSeconds: intBetween(10, 86_400, "campaigns.errors.assignmentTimeout"),
  searchQuery: searchQueryField,
  scheduleId: optionalId,
  holidayGroupId: optionalId,
  distributionGroupId: optionalId,
  blacklistIds: z.array(id).max(200).default([]),
  callbackDeadlineMinutes: intBetween(1, 525_600, "campaigns.errors.callbackDeadline"),
  // Read by routing: how long a conversation waits for an agent with the skills its rule asked for.
  preferredWaitSeconds: intBetween(0, 86_400, "campaigns.errors.preferredWait").default(60),
  // Wallboard: the service-level target and the queue's waiting alert, in minutes.
  answerTargetMinutes: intBetween(1, 1440, "campaigns.errors.answerTarget").default(15),
  waitingAlertMinutes: intBetween(1, 1440, "campaigns.errors.waitingAlert").default(10),
  monthlyReadBudget: budgetDollars.default(null),
});
export type ReceptionInput = z.input<typeof receptionSchema>;

export const previewSearchSchema = z.object({ id, searchQuery: searchQueryField.refine((q) => q !== "", "common.requiredField") });

export const relationSchema = z.object({
  id,
  version: tabVersion,
  scriptId: optionalId,
  scriptVersionId: optionalId,
  qualificationGroupId: optionalId,
  numberDisplay: text(40),
  // Agenda (steps 13–15): «Carnet d'adresses» and «Planning pour l'agenda».
  addressBookId: optionalId.default(null),
  salesRepScheduleId: optionalId.default(null),
});
export type RelationInput = z.input<typeof relationSchema>;

export const skillsSchema = z.object({
  id,
  version: tabVersion,
  // One row per skill offered; an empty level means "not required".
  skills: z
    .array(
      z.object({
        skillId: id,
        minLevel: z.preprocess(
          blankToNull,
          z
            .number({ error: "campaigns.errors.level" })
            .int("campaigns.errors.level")
            .min(1, "campaigns.errors.level")
            .max(10, "campaigns.errors.level")
            .nullable(),
        ),
      }),
    )
    .max(1000)
    .default([]),
});
export type SkillsInput = z.input<typeof skillsSchema>;

export const campaignIdSchema = z.object({ id });

const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2}$/, "campaigns.errors.language");

export const predefinedResponseSchema = z.object({
  campaignId: id,
  id: id.optional(),
  title: z.string().trim().min(1, "common.requiredField").max(100, "campaigns.errors.tooLong"),
  text: z.string().trim().min(1, "common.requiredField").max(2000, "campaigns.errors.tooLong"),
  language,
  version: z.string().datetime({ offset: true }).optional(),
});
export type PredefinedResponseInput = z.input<typeof predefinedResponseSchema>;

export const emailTemplateSchema = z.object({
  campaignId: id,
  id: id.optional(),
  name: z.string().trim().min(1, "common.requiredField").max(100, "campaigns.errors.tooLong"),
  subject: z.string().trim().min(1, "common.requiredField").max(200, "campaigns.errors.tooLong"),
  body: z.string().trim().min(1, "common.requiredField").max(10_000, "campaigns.errors.tooLong"),
  version: z.string().datetime({ offset: true }).optional(),
});
export type EmailTemplateInput = z.input<typeof emailTemplateSchema>;

export const childRefSchema = z.object({ campaignId: id, id });
export const moveResponseSchema = childRefSchema.extend({ direction: z.enum(["up", "down"]) });
