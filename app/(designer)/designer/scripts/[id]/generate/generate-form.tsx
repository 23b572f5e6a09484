"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { Problem } from "@/lib/scripts/validate";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useActionFeedback } from "@/components/admin/use-action-feedback";
import { generateScriptAction } from "../../../actions";

/** «Générer le script»: Production or Développement, then «Générer»; refusals list every problem. */
export function GenerateForm({ id, draftVersion }: { id: number; draftVersion: number }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const report = useActionFeedback();
  const [kind, setKind] = useState<"production" | "development">("production");
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);

  async function generate() {
    setPending(true);
    const result = await generateScriptAction({ id, kind, draftVersion });
    setPending(false);
    if (!report(result)) return;
    if (result.data.status === "refused") {
      setProblems(result.data.problems);
      toast({ title: t("designer.generate.refused", { count: result.data.problems.length }), variant: "error" });
      return;
    }
    setProblems([]);
    toast({
      title: t("designer.generate.generated", { kind: t(`designer.generate.kinds.${result.data.kind}`), number: result.data.number }),
      variant: "success",
    });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("designer.generate.mode")}</legend>
        {(["production", "development"] as const).map((k) => (
          <label key={k} className="flex items-start gap-2 text-sm">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1 accent-accent" />
            <span>
              <span className="font-medium">{t(`designer.generate.${k}`)}</span>
              <span className="block text-xs text-fg-muted">{t(`designer.generate.${k}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button onClick={generate} loading={pending}>
        {t("designer.generate.submit")}
      </Button>
      {problems.length ? (
        <div role="alert" className="rounded-control border border-danger/30 bg-danger-soft p-3 text-sm text-danger-soft-fg">
          <p className="font-medium">{t("designer.generate.problemsTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i}>{t(`designer.problems.${p.code}`, p.params)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
