// The campaign summary («Résumé de la Campagne», step 18): what other domains call.
export {
  computeCampaignSummaries,
  computeCampaignSummary,
  getCampaignSummaries,
  getCampaignSummary,
  SYSTEM_ACTOR,
  type ComputeReport,
} from "./compute";
export { computeSummary, worstLight } from "./rules";
export { describeElement, describeNotification, elementName } from "./describe";
export type { CampaignSnapshot, CampaignSummary, Light, StoredSummary, SummaryElement, SummaryElementKey } from "./types";
