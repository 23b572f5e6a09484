// The routing rules as pure functions: who may take a conversation (eligible), who should
// (preferred), and which one (idle longest). lib/routing/assign.ts feeds them rows it read and
// locked; tests/routing-rules.test.ts checks them without a database.
import type { AssignmentWhy, RequestedSkill } from "@/db/schema";

export interface PoolAgent {
  id: number;
  /** Only 'ready' agents take work; busy ones too while below their capacity. */
  state: string;
  archived: boolean;
  activeCount: number;
  maxConversations: number;
  mediaChannels: readonly string[];
  /** skillId → level (1–10). */
  skills: ReadonlyMap<number, number>;
  lastAssignmentEndedAt: Date | null;
  since: Date;
}

export interface QueuedConversation {
  id: number;
  campaignId: number;
  network: string;
  requestedSkills: RequestedSkill[];
  matchedRuleId: number | null;
  waitingSince: Date | null;
}

export interface RoutingCampaign {
  id: number;
  /** The campaign's «Compétences»: every agent must hold them at least at this level. */
  minimumSkills: RequestedSkill[];
  preferredWaitSeconds: number;
  assignmentTimeoutSeconds: number;
}

export interface Choice {
  agent: PoolAgent;
  why: Extract<AssignmentWhy, "rule" | "overflow" | "any">;
  ruleId: number | null;
  skillId: number | null;
  level: number | null;
}

function holds(agent: PoolAgent, wanted: readonly RequestedSkill[]): boolean {
  return wanted.every((s) => (agent.skills.get(s.skillId) ?? 0) >= s.minLevel);
}

/** Ready (or busy below capacity), not archived, takes this network, holds the campaign's minimum skills. */
export function isEligible(agent: PoolAgent, conversation: Pick<QueuedConversation, "network">, campaign: RoutingCampaign): boolean {
  return (
    agent.state === "ready" &&
    !agent.archived &&
    agent.activeCount < agent.maxConversations &&
    agent.mediaChannels.includes(conversation.network) &&
    holds(agent, campaign.minimumSkills)
  );
}

/** Holds every skill the distribution rule asked for, at the level asked. */
export function isPreferred(agent: PoolAgent, conversation: Pick<QueuedConversation, "requestedSkills">): boolean {
  return holds(agent, conversation.requestedSkills);
}

/**
 * Among equals: the least loaded first, then the one idle longest — idle from the end of his
 * last assignment (never assigned = idle the longest), then from his last presence change.
 */
export function compareIdle(a: PoolAgent, b: PoolAgent): number {
  if (a.activeCount !== b.activeCount) return a.activeCount - b.activeCount;
  const ea = a.lastAssignmentEndedAt?.getTime() ?? -Infinity;
  const eb = b.lastAssignmentEndedAt?.getTime() ?? -Infinity;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.since.getTime() !== b.since.getTime()) return a.since.getTime() - b.since.getTime();
  return a.id - b.id;
}

/** Seconds left before the conversation widens to every eligible agent (0 = already widened). */
export function secondsBeforeOverflow(
  conversation: Pick<QueuedConversation, "waitingSince">,
  campaign: RoutingCampaign,
  now: Date,
): number {
  const since = conversation.waitingSince?.getTime() ?? now.getTime();
  return Math.max(0, campaign.preferredWaitSeconds - (now.getTime() - since) / 1000);
}

function best(agents: Iterable<PoolAgent>, accept: (a: PoolAgent) => boolean): PoolAgent | null {
  let chosen: PoolAgent | null = null;
  for (const a of agents) if (accept(a) && (!chosen || compareIdle(a, chosen) < 0)) chosen = a;
  return chosen;
}

/**
 * The agent a conversation is offered to, and why: no skill asked → the best eligible agent
 * ('any'); skills asked → the best eligible agent holding them ('rule'); nobody holds them and
 * the campaign's preferred wait is over → the best eligible agent ('overflow'); otherwise
 * nobody yet.
 */
export function chooseAgent(
  conversation: QueuedConversation,
  agents: Iterable<PoolAgent>,
  campaign: RoutingCampaign,
  now: Date,
): Choice | null {
  const list = [...agents];
  const eligible = (a: PoolAgent) => isEligible(a, conversation, campaign);
  if (conversation.requestedSkills.length === 0) {
    const agent = best(list, eligible);
    return agent ? { agent, why: "any", ruleId: conversation.matchedRuleId, skillId: null, level: null } : null;
  }
  const first = conversation.requestedSkills[0];
  const preferred = best(list, (a) => eligible(a) && isPreferred(a, conversation));
  if (preferred)
    return { agent: preferred, why: "rule", ruleId: conversation.matchedRuleId, skillId: first.skillId, level: first.minLevel };
  if (secondsBeforeOverflow(conversation, campaign, now) > 0) return null;
  const agent = best(list, eligible);
  return agent ? { agent, why: "overflow", ruleId: conversation.matchedRuleId, skillId: first.skillId, level: first.minLevel } : null;
}
