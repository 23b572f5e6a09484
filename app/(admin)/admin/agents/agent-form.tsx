"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { agentSchema, defaultProfile, type AgentInput, type AgentProfileValues } from "@/lib/hr/agent.schema";
import type { SkillTree } from "@/lib/hr/queries";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { useUnsavedWarning } from "@/components/admin/use-unsaved-warning";
import { AgentProfileTabs } from "@/components/hr/agent-profile-tabs";
import { CredentialDialog } from "@/components/hr/credential-dialog";
import { createAgentAction, updateAgentAction } from "./actions";

export interface AgentFormAccount {
  id: number;
  code: string;
  name: string;
  version: string;
  profile: AgentProfileValues;
}

export function AgentForm({
  agent,
  skillTree,
  groups,
}: {
  agent?: AgentFormAccount;
  skillTree: SkillTree;
  groups: { id: number; name: string }[];
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [created, setCreated] = useState<{ id: number; login: string; password: string } | null>(null);
  const form = useForm<AgentInput>({
    resolver: zodResolver(agentSchema),
    defaultValues: { code: agent?.code ?? "", name: agent?.name ?? "", ...(agent?.profile ?? defaultProfile) },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  useUnsavedWarning(isDirty && !isSubmitting);
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: AgentInput) {
    if (agent) {
      const result = await updateAgentAction({ ...values, id: agent.id, version: agent.version });
      if (report(result, { form, success: "adminCommon.saved" })) {
        form.reset(values);
        router.push("/admin/agents");
        router.refresh();
      }
      return;
    }
    const result = await createAgentAction(values);
    if (report(result, { form, success: "adminCommon.created" })) {
      form.reset(values);
      setCreated(result.data);
    }
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-6" noValidate>
        <AgentProfileTabs
          skillTree={skillTree}
          groups={groups}
          accountFields={
            <div className="grid max-w-2xl gap-4 sm:grid-cols-[10rem_1fr]">
              <FormField
                label={t("hr.agents.code")}
                htmlFor="code"
                error={msg(errors.code?.message)}
                hint={t("hr.agents.codeHint")}
                required
              >
                <Input autoComplete="off" inputMode="numeric" maxLength={4} {...form.register("code")} />
              </FormField>
              <FormField
                label={t("hr.agents.name")}
                htmlFor="name"
                error={msg(errors.name?.message)}
                required
                hint={agent ? undefined : t("hr.agents.passwordHint")}
              >
                <Input autoComplete="off" {...form.register("name")} />
              </FormField>
            </div>
          }
        />
        <div className="flex gap-2">
          <Button type="submit" loading={isSubmitting}>
            {agent ? t("common.save") : t("adminCommon.create")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => router.push("/admin/agents")}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
      <CredentialDialog
        title={t("hr.password.createdTitle", { login: created?.login ?? "" })}
        login={created?.login ?? ""}
        password={created?.password ?? null}
        onDone={() => {
          const id = created?.id;
          setCreated(null);
          router.push(id ? `/admin/agents/${id}` : "/admin/agents");
          router.refresh();
        }}
      />
    </FormProvider>
  );
}
