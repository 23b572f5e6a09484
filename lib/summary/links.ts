// Where each «Corriger» link of the summary leads. The campaign page's tabs are chosen with
// `?tab=`; these are the values the campaign page must accept.

export const campaignTabs = ["general", "reception", "relation", "skills"] as const;
export type CampaignTab = (typeof campaignTabs)[number];

export const fixLinks = {
  campaignTab: (campaignId: number, tab: CampaignTab) => `/admin/campaigns/${campaignId}?tab=${tab}`,
  /** A mass message's progress page, on its failed recipients. */
  massMessage: (campaignId: number, id: number) => `/admin/campaigns/${campaignId}/mass-message/${id}?status=failed`,
  massMessageSend: (campaignId: number, id: number) => `/admin/campaigns/${campaignId}/mass-message/${id}`,
  queue: (id: number) => `/admin/queues/${id}`,
  qualificationGroup: (id: number) => `/admin/qualifications/${id}`,
  schedule: (id: number) => `/admin/schedules/${id}`,
  holidayGroup: (id: number) => `/admin/holidays/${id}`,
  distributionGroup: (id: number) => `/admin/distribution-rules/${id}`,
  blacklist: (id: number) => `/admin/blacklists/${id}`,
  agents: () => "/admin/agents",
  salesRepSchedule: (id: number) => `/admin/sales-rep-schedules/${id}`,
  salesReps: () => "/admin/sales-reps",
  scriptGenerate: (scriptId: number) => `/designer/scripts/${scriptId}/generate`,
  customerFile: (scriptId: number) => `/designer/scripts/${scriptId}/customer-file`,
};
