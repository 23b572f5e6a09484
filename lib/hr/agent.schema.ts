import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";
import { AGENT_CODE, parseCodeRange } from "./codes";
import {
  accountRights,
  displayOptions,
  MAX_CONVERSATIONS,
  mediaChannels,
  miscRights,
  SKILL_LEVEL_MAX,
  SKILL_LEVEL_MIN,
  supervisionMemberRoles,
  supervisionRights,
  telephonyRights,
  workspaceApps,
} from "./options";

// Shared by the agent form, the HR wizard and their actions. Messages are i18n keys.

export const agentCode = z.string().trim().regex(AGENT_CODE, "hr.errors.codeFormat");
export const personName = z.string().trim().min(1, "common.requiredField").max(100, "hr.errors.nameTooLong");
const id = z.number().int().positive();

export const agentSkillSchema = z.object({
  skillId: id,
  level: z.number().int().min(SKILL_LEVEL_MIN, "hr.errors.level").max(SKILL_LEVEL_MAX, "hr.errors.level"),
});
export const membershipSchema = z.object({ groupId: id, role: z.enum(supervisionMemberRoles) });

/** Everything an agent account holds besides its code and name: what the wizard gives to all. */
const profileShape = {
  hangUpAfterCall: z.boolean(),
  directlyReady: z.boolean(),
  autoAnswer: z.boolean(),
  mediaChannels: z.array(z.enum(mediaChannels)).min(1, "hr.errors.mediaRequired"),
  maxConversations: z
    .number({ error: "hr.errors.maxConversations" })
    .int("hr.errors.maxConversations")
    .min(1, "hr.errors.maxConversations")
    .max(MAX_CONVERSATIONS, "hr.errors.maxConversations"),
  personalCallbacks: z.boolean(),
  workspace: z.enum(workspaceApps),
  displayOptions: z.array(z.enum(displayOptions)),
  rights: z.array(z.enum(accountRights)),
  telephonyRights: z.array(z.enum(telephonyRights)),
  supervisionRights: z.array(z.enum(supervisionRights)),
  miscRights: z.array(z.enum(miscRights)),
  skills: z.array(agentSkillSchema).max(500),
  groups: z.array(membershipSchema).max(200),
};
export type AgentProfileValues = z.infer<z.ZodObject<typeof profileShape>>;

type ProfileRuleInput = Pick<AgentProfileValues, "rights" | "supervisionRights" | "skills" | "groups">;

// The Rights tab's supervision rights and the supervisor role in a group only make sense for an
// account given the supervision right in the Applications tab (manual step 8).
function profileRules(v: ProfileRuleInput, ctx: z.RefinementCtx) {
  const supervises = v.rights.includes("supervision");
  if (!supervises && v.supervisionRights.length > 0) {
    ctx.addIssue({ code: "custom", path: ["supervisionRights"], message: "hr.errors.supervisionRightsNeedRight" });
  }
  if (!supervises && v.groups.some((g) => g.role === "supervisor")) {
    ctx.addIssue({ code: "custom", path: ["groups"], message: "hr.errors.supervisorNeedsRight" });
  }
  if (new Set(v.skills.map((s) => s.skillId)).size !== v.skills.length) {
    ctx.addIssue({ code: "custom", path: ["skills"], message: "hr.errors.skillTwice" });
  }
  if (new Set(v.groups.map((g) => g.groupId)).size !== v.groups.length) {
    ctx.addIssue({ code: "custom", path: ["groups"], message: "hr.errors.groupTwice" });
  }
}

export const agentSchema = z.object({ code: agentCode, name: personName, ...profileShape }).superRefine(profileRules);
export type AgentInput = z.input<typeof agentSchema>;

export const agentUpdateSchema = z
  .object({ id, version: versionField, code: agentCode, name: personName, ...profileShape })
  .superRefine(profileRules);

export const wizardSchema = z
  .object({
    range: z.string().trim().min(1, "hr.errors.rangeEmpty").max(500, "hr.errors.rangeFormat"),
    namePattern: z
      .string()
      .trim()
      .min(1, "common.requiredField")
      .max(80, "hr.errors.nameTooLong")
      .refine((p) => p.includes("{code}"), "hr.errors.namePatternNeedsCode"),
    ...profileShape,
  })
  .superRefine((v, ctx) => {
    profileRules(v, ctx);
    const parsed = parseCodeRange(v.range);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["range"], message: parsed.error });
  });
export type WizardInput = z.input<typeof wizardSchema>;

/** A new account's settings before the admin changes anything (same as the table defaults). */
export const defaultProfile: AgentProfileValues = {
  hangUpAfterCall: false,
  directlyReady: false,
  autoAnswer: false,
  mediaChannels: ["twitter", "facebook"],
  maxConversations: 1,
  personalCallbacks: true,
  workspace: "social",
  displayOptions: [],
  rights: [],
  telephonyRights: [],
  supervisionRights: [],
  miscRights: [],
  skills: [],
  groups: [],
};
