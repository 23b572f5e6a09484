"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getTranslator } from "@/lib/i18n/server";
import {
  campaignIdSchema,
  childRefSchema,
  createCampaignSchema,
  demoCredentialsSchema,
  emailTemplateSchema,
  generalSchema,
  moveResponseSchema,
  predefinedResponseSchema,
  previewSearchSchema,
  receptionSchema,
  relationSchema,
  skillsSchema,
  testConnectionSchema,
} from "@/lib/campaigns/campaign.schema";
import { createCampaign, saveGeneral, saveReception, saveRelation, saveSkills } from "@/lib/campaigns/mutations";
import { deleteEmailTemplate, deleteResponse, moveResponse, saveEmailTemplate, saveResponse } from "@/lib/campaigns/responses";
import { previewSearch, testCampaignConnection } from "@/lib/campaigns/connection";
import { demoCredentialsForCampaign } from "@/lib/campaigns/demo-credentials";
import { startCampaign, stopCampaign } from "@/lib/campaigns/state";

// Every campaign action is for administrators only: supervisors and agents never reach the
// credentials, not even by calling an action directly.

function refresh(id?: number) {
  revalidatePath("/admin/campaigns");
  if (id) revalidatePath(`/admin/campaigns/${id}`);
}

export const createCampaignAction = defineAction("admin.access", createCampaignSchema, async (input, user) => {
  const row = await createCampaign(user, input);
  refresh();
  return { id: row.id };
});

export const saveGeneralAction = defineAction("admin.access", generalSchema, async (input, user) => {
  const result = await saveGeneral(user, input);
  refresh(input.id);
  return result;
});

export const saveReceptionAction = defineAction("admin.access", receptionSchema, async (input, user) => {
  const result = await saveReception(user, input);
  refresh(input.id);
  return result;
});

export const saveRelationAction = defineAction("admin.access", relationSchema, async (input, user) => {
  const result = await saveRelation(user, input);
  refresh(input.id);
  return result;
});

export const saveSkillsAction = defineAction("admin.access", skillsSchema, async (input, user) => {
  const result = await saveSkills(user, input);
  refresh(input.id);
  return result;
});

export const testConnectionAction = defineAction("admin.access", testConnectionSchema, async (input) => testCampaignConnection(input));

export const demoCredentialsAction = defineAction("admin.access", demoCredentialsSchema, async (input) =>
  demoCredentialsForCampaign(input),
);

export const previewSearchAction = defineAction("admin.access", previewSearchSchema, async (input) => previewSearch(input));

export const startCampaignAction = defineAction("admin.access", campaignIdSchema, async ({ id }, user) => {
  const { t } = await getTranslator();
  await startCampaign(user, id, t);
  refresh(id);
  return { id };
});

export const stopCampaignAction = defineAction("admin.access", campaignIdSchema, async ({ id }, user) => {
  await stopCampaign(user, id);
  refresh(id);
  return { id };
});

export const saveResponseAction = defineAction("admin.access", predefinedResponseSchema, async (input, user) => {
  const row = await saveResponse(user, input);
  refresh(input.campaignId);
  return { id: row.id };
});

export const deleteResponseAction = defineAction("admin.access", childRefSchema, async (input, user) => {
  await deleteResponse(user, input);
  refresh(input.campaignId);
  return { id: input.id };
});

export const moveResponseAction = defineAction("admin.access", moveResponseSchema, async (input, user) => {
  await moveResponse(user, input);
  refresh(input.campaignId);
  return { id: input.id };
});

export const saveEmailTemplateAction = defineAction("admin.access", emailTemplateSchema, async (input, user) => {
  const row = await saveEmailTemplate(user, input);
  refresh(input.campaignId);
  return { id: row.id };
});

export const deleteEmailTemplateAction = defineAction("admin.access", childRefSchema, async (input, user) => {
  await deleteEmailTemplate(user, input);
  refresh(input.campaignId);
  return { id: input.id };
});
