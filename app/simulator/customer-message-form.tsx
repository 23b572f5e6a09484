"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  customerMessageKinds,
  customerMessageSchema,
  isXKind,
  NEW_POST,
  type CustomerMessageForm as FormValues,
} from "@/lib/simulator/post.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { postCustomerMessageAction } from "./actions";

export interface PagePostOption {
  id: string;
  text: string;
}

/** Posts as a customer on X (post, mention, DM) or on the demo Facebook page (Messenger, comment). */
export function CustomerMessageForm({ posts, accountHandle }: { posts: PagePostOption[]; accountHandle: string }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const form = useForm<FormValues>({
    resolver: zodResolver(customerMessageSchema),
    defaultValues: { kind: "tweet", authorHandle: "", authorName: "", text: "", postId: posts[0]?.id ?? NEW_POST, postText: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" }) ?? "tweet";
  const postId = useWatch({ control: form.control, name: "postId" }) ?? NEW_POST;
  const msg = (m?: string) => (m ? t(m as MessageKey) : undefined);
  const onX = isXKind(kind);

  async function onSubmit(values: FormValues) {
    const result = await postCustomerMessageAction(values);
    if (!result.ok) {
      toast({ title: t(result.error as MessageKey), variant: "error" });
      return;
    }
    toast({ title: t("simulator.posted"), variant: "success" });
    form.reset({
      ...values,
      text: "",
      postText: "",
      postId: values.kind === "comment" && values.postId === NEW_POST ? NEW_POST : values.postId,
    });
    router.refresh();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="space-y-3" noValidate>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">{t("simulator.kind")}</legend>
        {customerMessageKinds.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="radio" value={k} {...form.register("kind")} className="size-4 accent-primary" />
            {t(`simulator.kinds.${k}`, { handle: accountHandle })}
          </label>
        ))}
      </fieldset>
      {onX ? (
        <FormField label={t("simulator.handle")} htmlFor="authorHandle" error={msg(errors.authorHandle?.message)} required>
          <Input autoComplete="off" {...form.register("authorHandle")} />
        </FormField>
      ) : null}
      <FormField label={t("simulator.displayName")} htmlFor="authorName" error={msg(errors.authorName?.message)} required={!onX}>
        <Input autoComplete="off" {...form.register("authorName")} />
      </FormField>
      {kind === "comment" ? (
        <>
          <FormField label={t("simulator.pagePost")} htmlFor="postId" error={msg(errors.postId?.message)}>
            <Select {...form.register("postId")}>
              {posts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}
                </option>
              ))}
              <option value={NEW_POST}>{t("simulator.newPost")}</option>
            </Select>
          </FormField>
          {postId === NEW_POST ? (
            <FormField label={t("simulator.newPostText")} htmlFor="postText" error={msg(errors.postText?.message)} required>
              <Input autoComplete="off" {...form.register("postText")} />
            </FormField>
          ) : null}
        </>
      ) : null}
      <FormField label={t("simulator.text")} htmlFor="text" error={msg(errors.text?.message)} required>
        <Textarea rows={3} {...form.register("text")} />
      </FormField>
      <Button type="submit" loading={isSubmitting}>
        {t("simulator.post")}
      </Button>
    </form>
  );
}
