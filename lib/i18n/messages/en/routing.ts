import type { Messages } from "../../types";

export const routing: Messages["routing"] = {
  pausedNoAnswer: {
    title: "You are on a break",
    text: "The conversation offered to you got no answer within the campaign's assignment removal timeout: it went back to the queue and was offered to another agent. Switch back to “Ready” to receive new messages.",
  },
  offered: "Offered",
  accepted: "Taken",
  current: "Current conversations",
  why: "Why",
  whyRule: "Rule “{rule}”: {skill} level ≥ {level}",
  whyRuleSkill: "{skill} level ≥ {level}",
  whyOverflow: "Overflow: no free {skill} agent at level ≥ {level} after the wait",
  whyAny: "No skill asked: first available agent",
  whyReassigned: "Reassigned",
  whyCallback: "Callback",
  noCurrent: "None",
};
