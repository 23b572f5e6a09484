"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { skillGroupSchema, type SkillGroupInput } from "@/lib/hr/skill.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { createSkillAction, createSkillGroupAction, updateSkillAction, updateSkillGroupAction } from "./actions";

interface Editable {
  id: number;
  name: string;
  description: string;
  version: string;
}

/**
 * One dialog for the four forms of the page (group or skill, new or existing): both carry a
 * name and a description, validated by the same rules as their actions.
 */
export function SkillDialog({
  kind,
  item,
  groupId,
  title,
  trigger,
}: {
  kind: "group" | "skill";
  item?: Editable;
  groupId?: number;
  title: string;
  trigger: ReactNode;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const [open, setOpen] = useState(false);
  const form = useForm<SkillGroupInput>({
    // A skill's own schema adds only its group, which comes from the page, not from the form.
    resolver: zodResolver(skillGroupSchema),
    defaultValues: { name: item?.name ?? "", description: item?.description ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const prefix = kind === "group" ? "group" : "skill";

  async function onSubmit(values: SkillGroupInput) {
    const v = { name: values.name, description: values.description };
    const result =
      kind === "group"
        ? item
          ? await updateSkillGroupAction({ ...v, id: item.id, version: item.version })
          : await createSkillGroupAction(v)
        : item
          ? await updateSkillAction({ ...v, id: item.id, version: item.version })
          : await createSkillAction({ ...v, groupId: groupId! });
    if (report(result, { form, success: item ? "adminCommon.saved" : "adminCommon.created" })) {
      setOpen(false);
      form.reset(item ? values : { name: "", description: "" });
      router.refresh();
    }
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title}>
        <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
          <FormField
            label={kind === "group" ? t("hr.skills.groupName") : t("hr.skills.skillName")}
            htmlFor={`${prefix}-name`}
            error={msg(errors.name?.message)}
            hint={kind === "group" ? t("hr.skills.nameHint") : t("hr.skills.skillNameHint")}
            required
          >
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <FormField label={t("hr.skills.description")} htmlFor={`${prefix}-description`} error={msg(errors.description?.message)}>
            <Input autoComplete="off" {...form.register("description")} />
          </FormField>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {item ? t("common.save") : t("adminCommon.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
