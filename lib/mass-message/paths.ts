/**
 * Where a campaign's mass messages are shown: the administrators' campaign tab
 * (`/admin/campaigns/<id>/mass-message`) and the section for anyone with the mass-message right
 * (`/mass-message/<id>`). The pages are the same components; only their base differs.
 */
export const adminMassMessageBase = (campaignId: number) => `/admin/campaigns/${campaignId}/mass-message`;
export const sectionMassMessageBase = (campaignId: number) => `/mass-message/${campaignId}`;

/** The pages to revalidate after a change (the campaign page and list, both sections). */
export function massMessagePaths(campaignId: number, massMessageId?: number): string[] {
  const bases = [adminMassMessageBase(campaignId), sectionMassMessageBase(campaignId)];
  return [
    `/admin/campaigns/${campaignId}`,
    "/mass-message",
    ...bases,
    ...(massMessageId === undefined ? [] : bases.map((b) => `${b}/${massMessageId}`)),
  ];
}
