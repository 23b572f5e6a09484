import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";
import { normaliseRuleValue, operatorAllowed, ruleElements, ruleOperators } from "./elements";

// Shared by the distribution rule group form and its actions. Messages are i18n keys. The
// value is normalised for its element; normalising twice gives the same value, since the form
// sends its parsed values and the action parses them again.

const id = (message: string) => z.number({ message }).int(message).positive(message);

export const ruleSchema = z
  .object({
    element: z.enum(ruleElements, { message: "distribution.errors.element" }),
    operator: z.enum(ruleOperators, { message: "distribution.errors.operator" }),
    value: z.string().max(2000, "distribution.errors.keyword"),
    skillGroupId: id("distribution.errors.skillGroup"),
    skillId: id("distribution.errors.skill"),
    minLevel: z
      .number({ message: "distribution.errors.level" })
      .int("distribution.errors.level")
      .min(1, "distribution.errors.level")
      .max(10, "distribution.errors.level"),
  })
  .transform((rule, ctx) => {
    if (!operatorAllowed(rule.element, rule.operator)) {
      ctx.addIssue({ code: "custom", path: ["operator"], message: "distribution.errors.operator" });
      return z.NEVER;
    }
    const value = normaliseRuleValue(rule.element, rule.operator, rule.value);
    if (value === null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `distribution.errors.${rule.element}` });
      return z.NEVER;
    }
    return { ...rule, value };
  });
export type RuleValues = z.output<typeof ruleSchema>;

export const distributionGroupSchema = z.object({
  name: z.string().trim().min(1, "common.requiredField").max(100, "distribution.errors.nameTooLong"),
  description: z.string().trim().max(200, "distribution.errors.descriptionTooLong").default(""),
  rules: z.array(ruleSchema).min(1, "distribution.errors.noRule").max(100, "distribution.errors.tooManyRules"),
});
export type DistributionGroupInput = z.input<typeof distributionGroupSchema>;
export type DistributionGroupValues = z.output<typeof distributionGroupSchema>;

export const distributionGroupUpdateSchema = distributionGroupSchema.extend({ id: z.number().int().positive(), version: versionField });
