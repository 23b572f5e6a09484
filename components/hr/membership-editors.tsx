"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { SkillTree } from "@/lib/hr/queries";
import { SKILL_LEVEL_MAX, SKILL_LEVEL_MIN, type SupervisionMemberRole } from "@/lib/hr/options";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";

type SkillLevel = { skillId: number; level: number };
const LEVELS = Array.from({ length: SKILL_LEVEL_MAX - SKILL_LEVEL_MIN + 1 }, (_, i) => SKILL_LEVEL_MIN + i);
// A newly ticked skill starts mid-scale; the administrator adjusts it.
const DEFAULT_LEVEL = 5;

/** Skills tab: the skill groups with their skills, each ticked with a level from 1 to 10. */
export function SkillsEditor({ tree, value, onChange }: { tree: SkillTree; value: SkillLevel[]; onChange: (next: SkillLevel[]) => void }) {
  const t = useT();
  if (tree.length === 0) {
    return (
      <p className="text-sm text-fg-muted">
        {t("hr.skillsTab.none")}{" "}
        <Link href="/admin/skills" className="underline">
          {t("hr.skillsTab.manage")}
        </Link>
      </p>
    );
  }
  const levelOf = (skillId: number) => value.find((s) => s.skillId === skillId)?.level;
  const set = (skillId: number, level: number | undefined) =>
    onChange(
      level === undefined
        ? value.filter((s) => s.skillId !== skillId)
        : [...value.filter((s) => s.skillId !== skillId), { skillId, level }],
    );
  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">{t("hr.skillsTab.hint")}</p>
      {tree.map((group) => (
        <fieldset key={group.id} className="rounded-panel border border-border p-3">
          <legend className="px-1 text-sm font-semibold">{group.name}</legend>
          <ul className="space-y-2">
            {group.skills.map((skill) => {
              const level = levelOf(skill.id);
              return (
                <li key={skill.id} className="flex items-center justify-between gap-4">
                  <Checkbox
                    label={skill.name}
                    checked={level !== undefined}
                    onChange={(e) => set(skill.id, e.target.checked ? DEFAULT_LEVEL : undefined)}
                  />
                  <Select
                    aria-label={t("hr.skillsTab.level", { skill: skill.name })}
                    className="w-20"
                    disabled={level === undefined}
                    value={level ?? ""}
                    onChange={(e) => set(skill.id, Number(e.target.value))}
                  >
                    {level === undefined ? <option value="">—</option> : null}
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </Select>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}

type Membership = { groupId: number; role: SupervisionMemberRole };

/** Supervision groups tab: for each group, not a member, supervised agent or supervisor. */
export function GroupsEditor({
  groups,
  value,
  onChange,
  canSupervise,
}: {
  groups: { id: number; name: string }[];
  value: Membership[];
  onChange: (next: Membership[]) => void;
  canSupervise: boolean;
}) {
  const t = useT();
  if (groups.length === 0) {
    return (
      <p className="text-sm text-fg-muted">
        {t("hr.groupsTab.none")}{" "}
        <Link href="/admin/supervision-groups/new" className="underline">
          {t("hr.groupsTab.manage")}
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">{t("hr.groupsTab.hint")}</p>
      {!canSupervise ? <p className="text-xs text-fg-muted">{t("hr.groupsTab.supervisorNeedsRight")}</p> : null}
      <ul className="divide-y divide-border rounded-panel border border-border">
        {groups.map((g) => {
          const role = value.find((m) => m.groupId === g.id)?.role ?? "";
          return (
            <li key={g.id} className="flex items-center justify-between gap-4 px-3 py-2">
              <span className="text-sm font-medium">{g.name}</span>
              <Select
                aria-label={t("hr.groupsTab.membership", { group: g.name })}
                className="w-56"
                value={role}
                onChange={(e) => {
                  const next = value.filter((m) => m.groupId !== g.id);
                  const chosen = e.target.value as SupervisionMemberRole | "";
                  onChange(chosen ? [...next, { groupId: g.id, role: chosen }] : next);
                }}
              >
                <option value="">{t("hr.groupsTab.notMember")}</option>
                <option value="agent">{t("hr.groupsTab.asAgent")}</option>
                <option value="supervisor" disabled={!canSupervise}>
                  {t("hr.groupsTab.asSupervisor")}
                </option>
              </Select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
