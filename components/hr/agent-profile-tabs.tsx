"use client";

import { useState, type ReactNode } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import type { AgentProfileValues } from "@/lib/hr/agent.schema";
import type { SkillTree } from "@/lib/hr/queries";
import {
  accountRights,
  displayOptions,
  MAX_CONVERSATIONS,
  mediaChannels,
  miscRights,
  supervisionRights,
  telephonyRights,
  workspaceApps,
} from "@/lib/hr/options";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CheckboxGroup } from "./checkbox-group";
import { GroupsEditor, SkillsEditor } from "./membership-editors";

// Fields of the agent form (and of the wizard) grouped by the tab that shows them, so a tab
// with an error is marked and the form opens it after a failed submit.
const tabFields = {
  general: ["code", "name", "hangUpAfterCall", "directlyReady", "autoAnswer", "mediaChannels", "maxConversations", "personalCallbacks"],
  skills: ["skills"],
  applications: ["workspace", "displayOptions", "rights"],
  rights: ["telephonyRights", "supervisionRights", "miscRights"],
  groups: ["groups"],
} as const;
type Tab = keyof typeof tabFields;
const tabs = Object.keys(tabFields) as Tab[];

type ProfileForm = AgentProfileValues & { code?: string; name?: string };

/** The manual's five tabs of an agent account; the code and name fields come from the caller. */
export function AgentProfileTabs({
  accountFields,
  skillTree,
  groups,
}: {
  accountFields?: ReactNode;
  skillTree: SkillTree;
  groups: { id: number; name: string }[];
}) {
  const t = useT();
  const form = useFormContext<ProfileForm>();
  const { errors, submitCount } = form.formState;
  const [tab, setTab] = useState<Tab>("general");
  const hasError = (name: Tab) => tabFields[name].some((f) => Boolean(errors[f as keyof ProfileForm]));
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const rights = useWatch({ control: form.control, name: "rights" });
  const supervises = rights.includes("supervision");

  // After a failed submit (client or server errors), open the first tab with an error; not
  // while the user fixes fields, where jumping around would be disorienting.
  const [seenSubmit, setSeenSubmit] = useState(submitCount);
  if (submitCount !== seenSubmit) {
    setSeenSubmit(submitCount);
    const first = tabs.find(hasError);
    if (first && !hasError(tab)) setTab(first);
  }

  function setRights(next: AgentProfileValues["rights"]) {
    form.setValue("rights", next, { shouldDirty: true });
    if (!next.includes("supervision")) {
      // Without the right, supervision rights and supervisor roles in groups go too.
      form.setValue("supervisionRights", [], { shouldDirty: true });
      form.setValue(
        "groups",
        form.getValues("groups").filter((g) => g.role !== "supervisor"),
        { shouldDirty: true },
      );
    }
  }

  return (
    <Tabs value={tab} onValueChange={(v) => setTab(v as Tab)}>
      <TabsList>
        {tabs.map((name) => (
          <TabsTrigger key={name} value={name} className={hasError(name) ? "text-danger" : undefined}>
            {t(`hr.tabs.${name}`)}
            {hasError(name) ? <span className="sr-only"> {t("hr.tabs.hasErrors")}</span> : null}
            {hasError(name) ? <span aria-hidden> •</span> : null}
          </TabsTrigger>
        ))}
      </TabsList>

      <TabsContent value="general" forceMount hidden={tab !== "general"} className="space-y-6">
        {accountFields ? <section className="space-y-4">{accountFields}</section> : null}
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("hr.general.options")}</legend>
          {(["hangUpAfterCall", "directlyReady", "autoAnswer", "personalCallbacks"] as const).map((name) => (
            <div key={name}>
              <Checkbox label={t(`hr.general.${name}`)} {...form.register(name)} />
              <p className="ml-6 text-xs text-fg-muted">{t(`hr.general.${name}Hint`)}</p>
            </div>
          ))}
        </fieldset>
        <section className="space-y-3">
          <h3 className="text-sm font-semibold">{t("hr.general.mediaBlending")}</h3>
          <Controller
            control={form.control}
            name="mediaChannels"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend={t("hr.general.mediaChannels")}
                options={mediaChannels.map((c) => ({ value: c, label: t(`hr.channels.${c}`) }))}
                value={field.value}
                onChange={field.onChange}
                error={msg(fieldState.error?.message)}
              />
            )}
          />
          <FormField
            label={t("hr.general.maxConversations")}
            htmlFor="maxConversations"
            hint={t("hr.general.maxConversationsHint")}
            error={msg(errors.maxConversations?.message)}
            className="max-w-xs"
          >
            <Input type="number" min={1} max={MAX_CONVERSATIONS} {...form.register("maxConversations", { valueAsNumber: true })} />
          </FormField>
        </section>
      </TabsContent>

      <TabsContent value="skills" forceMount hidden={tab !== "skills"}>
        <Controller
          control={form.control}
          name="skills"
          render={({ field }) => <SkillsEditor tree={skillTree} value={field.value} onChange={field.onChange} />}
        />
        {errors.skills ? (
          <p role="alert" className="mt-2 text-xs font-medium text-danger">
            {msg(errors.skills.message ?? errors.skills.root?.message)}
          </p>
        ) : null}
      </TabsContent>

      <TabsContent value="applications" forceMount hidden={tab !== "applications"} className="space-y-6">
        <FormField label={t("hr.applications.workspace")} htmlFor="workspace" className="max-w-sm">
          <Select {...form.register("workspace")}>
            {workspaceApps.map((w) => (
              <option key={w} value={w}>
                {t(`hr.applications.workspaces.${w}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <Controller
          control={form.control}
          name="displayOptions"
          render={({ field }) => (
            <CheckboxGroup
              legend={t("hr.applications.display")}
              options={displayOptions.map((o) => ({ value: o, label: t(`hr.applications.displayOptions.${o}`) }))}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <CheckboxGroup
          legend={t("hr.applications.access")}
          options={accountRights.map((r) => ({ value: r, label: t(`hr.rightNames.${r}`), hint: t(`hr.applications.${r}Hint`) }))}
          value={rights}
          onChange={setRights}
        />
      </TabsContent>

      <TabsContent value="rights" forceMount hidden={tab !== "rights"} className="grid gap-6 md:grid-cols-3">
        <Controller
          control={form.control}
          name="telephonyRights"
          render={({ field }) => (
            <CheckboxGroup
              legend={t("hr.rightsTab.telephony")}
              options={telephonyRights.map((r) => ({ value: r, label: t(`hr.rightsTab.telephonyRights.${r}`) }))}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <Controller
          control={form.control}
          name="supervisionRights"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              legend={t("hr.rightsTab.supervision")}
              hint={supervises ? undefined : t("hr.rightsTab.supervisionDisabled")}
              disabled={!supervises}
              options={supervisionRights.map((r) => ({ value: r, label: t(`hr.rightsTab.supervisionRights.${r}`) }))}
              value={field.value}
              onChange={field.onChange}
              error={msg(fieldState.error?.message)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="miscRights"
          render={({ field }) => (
            <CheckboxGroup
              legend={t("hr.rightsTab.misc")}
              options={miscRights.map((r) => ({ value: r, label: t(`hr.rightsTab.miscRights.${r}`) }))}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
      </TabsContent>

      <TabsContent value="groups" forceMount hidden={tab !== "groups"}>
        <Controller
          control={form.control}
          name="groups"
          render={({ field }) => <GroupsEditor groups={groups} value={field.value} onChange={field.onChange} canSupervise={supervises} />}
        />
        {errors.groups ? (
          <p role="alert" className="mt-2 text-xs font-medium text-danger">
            {msg(errors.groups.message ?? errors.groups.root?.message)}
          </p>
        ) : null}
      </TabsContent>
    </Tabs>
  );
}
