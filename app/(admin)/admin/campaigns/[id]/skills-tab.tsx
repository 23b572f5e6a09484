"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { skillsSchema, type SkillsInput } from "@/lib/campaigns/campaign.schema";
import type { CampaignForEdit } from "@/lib/campaigns/queries";
import type { CampaignOptions } from "@/lib/campaigns/options";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { saveSkillsAction } from "../actions";

const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

/** «Compétences»: the minimum level of each skill an agent needs to work the campaign. */
export function SkillsTab({
  campaign,
  groups,
  onDirty,
}: {
  campaign: CampaignForEdit;
  groups: CampaignOptions["skillGroups"];
  onDirty: (dirty: boolean) => void;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [version, setVersion] = useState(campaign.versions.skills ?? 0);
  const current = new Map(campaign.skills.map((s) => [s.skillId, s.minLevel]));
  // One row per skill offered, in group order; the index ties a row to its form field.
  const rows = groups.flatMap((g) => g.skills.map((s) => ({ group: g, skill: s })));
  const form = useForm<SkillsInput>({
    resolver: zodResolver(skillsSchema),
    defaultValues: {
      id: campaign.id,
      version: campaign.versions.skills ?? 0,
      skills: rows.map((r) => ({ skillId: r.skill.id, minLevel: String(current.get(r.skill.id) ?? "") })),
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  useEffect(() => onDirty(isDirty), [isDirty, onDirty]);

  async function onSubmit(values: SkillsInput) {
    const result = await saveSkillsAction({ ...values, version });
    if (report(result, { form, success: "adminCommon.saved" })) {
      setVersion(result.data.version);
      form.reset(form.getValues());
      router.refresh();
    }
  }

  if (rows.length === 0) return <p className="text-sm text-fg-muted">{t("campaigns.skills.noSkills")}</p>;
  const indexOf = new Map(rows.map((r, i) => [r.skill.id, i]));
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="max-w-2xl space-y-5" noValidate aria-label={t("campaigns.tabs.skills")}>
      <p className="text-sm text-fg-muted">{t("campaigns.skills.description")}</p>
      {groups.map((g) => (
        <fieldset key={g.id} className="space-y-2 rounded-panel border border-border p-4">
          <legend className="px-1 text-sm font-semibold">{g.name}</legend>
          {g.skills.map((s) => {
            const i = indexOf.get(s.id)!;
            const error = errors.skills?.[i]?.minLevel?.message;
            return (
              <div key={s.id} className="flex items-center justify-between gap-3">
                <label htmlFor={`skill-${s.id}`} className="text-sm">
                  {s.name}
                </label>
                <Select
                  id={`skill-${s.id}`}
                  className="w-44"
                  aria-invalid={error ? true : undefined}
                  {...form.register(`skills.${i}.minLevel`)}
                >
                  <option value="">{t("campaigns.skills.notRequired")}</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t("campaigns.skills.level", { level: l })}
                    </option>
                  ))}
                </Select>
                {error ? <p className="text-xs text-danger">{t(error as MessageKey)}</p> : null}
              </div>
            );
          })}
        </fieldset>
      ))}
      <Button type="submit" loading={isSubmitting}>
        {t("common.save")}
      </Button>
    </form>
  );
}
