"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { customerTweetSchema, type CustomerTweetForm } from "@/lib/simulator/post.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { postCustomerTweetAction } from "./actions";

export function PostTweetForm() {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<CustomerTweetForm>({
    resolver: zodResolver(customerTweetSchema),
    defaultValues: { authorHandle: "", authorName: "", text: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);

  async function onSubmit(values: CustomerTweetForm) {
    const result = await postCustomerTweetAction(values);
    if (!result.ok) {
      toast({ title: t(result.error as MessageKey), variant: "error" });
      return;
    }
    toast({ title: t("simulator.posted"), variant: "success" });
    form.reset({ ...values, text: "" });
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-3" noValidate>
      <FormField label={t("simulator.handle")} htmlFor="authorHandle" error={msg(errors.authorHandle?.message)} required>
        <Input autoComplete="off" {...form.register("authorHandle")} />
      </FormField>
      <FormField label={t("simulator.displayName")} htmlFor="authorName" error={msg(errors.authorName?.message)}>
        <Input autoComplete="off" {...form.register("authorName")} />
      </FormField>
      <FormField label={t("simulator.text")} htmlFor="text" error={msg(errors.text?.message)} required>
        <Textarea rows={3} {...form.register("text")} />
      </FormField>
      <Button type="submit" loading={isSubmitting}>
        {t("simulator.post")}
      </Button>
    </form>
  );
}
