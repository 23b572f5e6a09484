import { z } from "zod";
import { versionField } from "@/lib/admin/common.schema";
import { personName } from "./agent.schema";
import { supervisionRights, supervisorMiscRights } from "./options";

// Shared by the supervisor and supervision-group forms and their actions. Messages are i18n keys.
const id = z.number().int().positive();
const idList = z.array(id).max(1000);

// Logins are compared case-insensitively at sign-in, so they are stored in lower case. A letter
// first keeps them apart from agent codes (four digits).
export const supervisorLogin = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "hr.errors.loginFormat")
  .max(40, "hr.errors.loginFormat")
  .regex(/^[a-z][a-z0-9._-]*$/, "hr.errors.loginFormat");

const supervisorShape = {
  login: supervisorLogin,
  name: personName,
  reporting: z.boolean(),
  supervisionRights: z.array(z.enum(supervisionRights)),
  // «Droits divers» a supervisor may hold: data export, the Facebook mass message.
  miscRights: z.array(z.enum(supervisorMiscRights)).max(supervisorMiscRights.length).default([]),
  groupIds: idList,
};

export const supervisorSchema = z.object(supervisorShape);
export type SupervisorInput = z.input<typeof supervisorSchema>;
export const supervisorUpdateSchema = z.object({ id, version: versionField, ...supervisorShape });

const groupShape = {
  name: z.string().trim().min(1, "common.requiredField").max(80, "hr.errors.nameTooLong"),
  description: z.string().trim().max(200, "hr.errors.descriptionTooLong"),
  supervisorIds: idList,
  agentIds: idList,
};

function noOneTwice(v: { supervisorIds: number[]; agentIds: number[] }, ctx: z.RefinementCtx) {
  const supervisors = new Set(v.supervisorIds);
  if (v.agentIds.some((a) => supervisors.has(a))) ctx.addIssue({ code: "custom", path: ["agentIds"], message: "hr.errors.memberTwice" });
}

export const supervisionGroupSchema = z.object(groupShape).superRefine(noOneTwice);
export type SupervisionGroupInput = z.input<typeof supervisionGroupSchema>;
export const supervisionGroupUpdateSchema = z.object({ id, version: versionField, ...groupShape }).superRefine(noOneTwice);

export const passwordTargetSchema = z.object({ id });
