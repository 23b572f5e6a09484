import type { CurrentAssignment } from "@/lib/supervision/queries";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { isRuleElement, ruleOperators } from "@/lib/distribution/elements";

/** Why routing gave this conversation to the agent, in words: rule + skill + level, overflow, any. */
export function routingWhy(t: Translate, a: Pick<CurrentAssignment, "why" | "level" | "skillName" | "rule">): string {
  const skill = a.skillName ?? "—";
  const level = a.level ?? 1;
  switch (a.why) {
    case "rule": {
      if (!a.rule) return t("routing.whyRuleSkill", { skill, level });
      const element = isRuleElement(a.rule.element) ? t(`distribution.elements.${a.rule.element}` as MessageKey) : a.rule.element;
      const operator = (ruleOperators as readonly string[]).includes(a.rule.operator)
        ? t(`distribution.operators.${a.rule.operator}` as MessageKey)
        : a.rule.operator;
      return t("routing.whyRule", { rule: `${element} ${operator} ${a.rule.value}`, skill, level });
    }
    case "overflow":
      return t("routing.whyOverflow", { skill, level });
    case "reassigned":
      return t("routing.whyReassigned");
    case "callback":
      return t("routing.whyCallback");
    default:
      return t("routing.whyAny");
  }
}

export function CurrentConversations({ t, list }: { t: Translate; list: CurrentAssignment[] }) {
  if (list.length === 0) return <span className="text-fg-muted">{t("routing.noCurrent")}</span>;
  return (
    <ul className="space-y-1.5" data-testid="routing-why">
      {list.map((a) => (
        <li key={a.conversationId} className="text-sm">
          <span className="font-medium">@{a.authorHandle}</span>{" "}
          <span className="text-fg-muted">· {t(a.state === "offered" ? "routing.offered" : "routing.accepted")}</span>
          <div className="text-fg-muted">{routingWhy(t, a)}</div>
        </li>
      ))}
    </ul>
  );
}
