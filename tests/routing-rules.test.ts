import { describe, expect, it } from "vitest";
import {
  chooseAgent,
  compareIdle,
  isEligible,
  isPreferred,
  secondsBeforeOverflow,
  type PoolAgent,
  type RoutingCampaign,
} from "@/lib/routing/rules";

const FR = 1;
const EN = 2;
const VIP = 3;
const now = new Date("2026-12-01T10:00:00Z");
const campaign: RoutingCampaign = { id: 1, minimumSkills: [], preferredWaitSeconds: 60, assignmentTimeoutSeconds: 300 };

function agent(id: number, over: Partial<PoolAgent> = {}, skills: [number, number][] = []): PoolAgent {
  return {
    id,
    state: "ready",
    archived: false,
    activeCount: 0,
    maxConversations: 1,
    mediaChannels: ["twitter", "facebook"],
    skills: new Map(skills),
    lastAssignmentEndedAt: null,
    since: new Date("2026-12-01T08:00:00Z"),
    ...over,
  };
}
const conv = (requestedSkills: { skillId: number; minLevel: number }[] = [], waitedSeconds = 0, network = "twitter") => ({
  id: 10,
  campaignId: 1,
  network,
  requestedSkills,
  matchedRuleId: requestedSkills.length ? 7 : null,
  waitingSince: new Date(now.getTime() - waitedSeconds * 1000),
});

describe("eligibility", () => {
  it("takes only ready, unarchived agents below capacity whose channels include the network", () => {
    expect(isEligible(agent(1), conv(), campaign)).toBe(true);
    expect(isEligible(agent(1, { state: "paused" }), conv(), campaign)).toBe(false);
    expect(isEligible(agent(1, { state: "offline" }), conv(), campaign)).toBe(false);
    expect(isEligible(agent(1, { archived: true }), conv(), campaign)).toBe(false);
    expect(isEligible(agent(1, { activeCount: 1 }), conv(), campaign)).toBe(false);
    // Busy but below capacity is still eligible.
    expect(isEligible(agent(1, { activeCount: 1, maxConversations: 2 }), conv(), campaign)).toBe(true);
    expect(isEligible(agent(1, { mediaChannels: ["facebook"] }), conv(), campaign)).toBe(false);
    expect(isEligible(agent(1, { mediaChannels: ["facebook"] }), conv([], 0, "facebook"), campaign)).toBe(true);
  });

  it("requires the campaign's minimum skills at their level", () => {
    const strict = { ...campaign, minimumSkills: [{ skillId: VIP, minLevel: 5 }] };
    expect(isEligible(agent(1), conv(), strict)).toBe(false);
    expect(isEligible(agent(1, {}, [[VIP, 4]]), conv(), strict)).toBe(false);
    expect(isEligible(agent(1, {}, [[VIP, 5]]), conv(), strict)).toBe(true);
  });
});

describe("preference", () => {
  it("prefers agents holding every asked skill at the asked level", () => {
    const c = conv([
      { skillId: FR, minLevel: 3 },
      { skillId: EN, minLevel: 1 },
    ]);
    expect(isPreferred(agent(1, {}, [[FR, 3]]), c)).toBe(false);
    expect(
      isPreferred(
        agent(1, {}, [
          [FR, 2],
          [EN, 9],
        ]),
        c,
      ),
    ).toBe(false);
    expect(
      isPreferred(
        agent(1, {}, [
          [FR, 3],
          [EN, 1],
        ]),
        c,
      ),
    ).toBe(true);
  });

  it("among equals takes the least loaded, then the one idle longest since his last assignment ended", () => {
    const old = agent(1, { lastAssignmentEndedAt: new Date("2026-12-01T09:00:00Z"), since: new Date("2026-12-01T09:59:00Z") });
    const recent = agent(2, { lastAssignmentEndedAt: new Date("2026-12-01T09:50:00Z"), since: new Date("2026-12-01T07:00:00Z") });
    const never = agent(3, { since: new Date("2026-12-01T09:59:30Z") });
    // Presence changes do not reset the idle clock: agent 1 changed state last, but is idle longer than agent 2.
    expect([recent, old, never].sort(compareIdle).map((a) => a.id)).toEqual([3, 1, 2]);
    const busy = agent(4, { activeCount: 1, maxConversations: 3 });
    expect([busy, recent].sort(compareIdle).map((a) => a.id)).toEqual([2, 4]);
  });

  it("routes a skill request to the skilled agent even when another has been idle longer", () => {
    const idle = agent(1, { since: new Date("2026-12-01T06:00:00Z") });
    const french = agent(2, {}, [[FR, 5]]);
    const choice = chooseAgent(conv([{ skillId: FR, minLevel: 3 }]), [idle, french], campaign, now);
    expect(choice).toMatchObject({ why: "rule", ruleId: 7, skillId: FR, level: 3 });
    expect(choice?.agent.id).toBe(2);
  });

  it("waits for a skilled agent until the preferred wait is over, then widens to every eligible agent", () => {
    const other = agent(1);
    const frenchBusy = agent(2, { activeCount: 1 }, [[FR, 5]]);
    const ask = [{ skillId: FR, minLevel: 3 }];
    expect(chooseAgent(conv(ask, 30), [other, frenchBusy], campaign, now)).toBeNull();
    expect(secondsBeforeOverflow(conv(ask, 30), campaign, now)).toBe(30);
    const widened = chooseAgent(conv(ask, 60), [other, frenchBusy], campaign, now);
    expect(widened).toMatchObject({ why: "overflow", skillId: FR, level: 3 });
    expect(widened?.agent.id).toBe(1);
  });

  it("offers a conversation no rule asked skills for to any eligible agent", () => {
    const choice = chooseAgent(conv(), [agent(1, { state: "paused" }), agent(2)], campaign, now);
    expect(choice).toMatchObject({ why: "any", skillId: null, level: null });
    expect(choice?.agent.id).toBe(2);
    expect(chooseAgent(conv(), [agent(1, { state: "paused" })], campaign, now)).toBeNull();
  });
});

describe("why a conversation was routed, in words", () => {
  it("names the rule, the skill and the level, or says overflow / no skill asked, in French and English", async () => {
    const { translatorFor } = await import("@/lib/i18n/translate");
    const { routingWhy } = await import("@/app/(supervision)/supervision/routing-why");
    const base = { agentId: 1, conversationId: 2, authorHandle: "amelie", network: "twitter", state: "offered" as const };
    const rule = { ...base, why: "rule", level: 5, skillName: "Français", rule: { element: "lang", operator: "equals", value: "fr" } };
    expect(routingWhy(translatorFor("fr"), rule)).toBe("Règle « Langue de l'internaute est fr » : Français niveau ≥ 5");
    expect(routingWhy(translatorFor("en"), rule)).toBe("Rule “Author's language is fr”: Français level ≥ 5");
    expect(routingWhy(translatorFor("fr"), { ...rule, why: "overflow" })).toContain("Débordement");
    expect(routingWhy(translatorFor("en"), { ...base, why: "any", level: null, skillName: null, rule: null })).toBe(
      "No skill asked: first available agent",
    );
  });
});
