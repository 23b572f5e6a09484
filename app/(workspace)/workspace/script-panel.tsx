"use client";

import { useRouter } from "next/navigation";
import type { ScriptModel } from "@/lib/scripts/model";
import type { RunState } from "@/lib/scripts/interpreter";
import type { VariableValues } from "@/lib/scripts/variables";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { ScriptRenderer } from "@/components/designer/script-renderer";
import { runScriptActionAction } from "./actions";

/**
 * The conversation's pinned production script, run by the designer's ScriptRenderer. Buttons
 * run on the server (runScriptAction), which carries out their effects for real.
 */
export function ScriptPanel({
  conversationId,
  script,
}: {
  conversationId: number;
  script: { versionId: number; model: ScriptModel; values: VariableValues; usesAgenda: boolean } | null;
}) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();

  async function runRemote(state: RunState, actionId: string) {
    const result = await runScriptActionAction({
      conversationId,
      actionId,
      state: { pageId: state.pageId, values: state.values, visited: state.visited },
    });
    if (!result.ok) {
      toast({ title: t(result.error as MessageKey, result.params), variant: "error" });
      return null;
    }
    const { done, closed } = result.data;
    if (done.includes("saveCustomerFile")) toast({ title: t("desk.script.saved"), variant: "success" });
    if (done.includes("sendEmail")) toast({ title: t("desk.script.emailQueued"), variant: "success" });
    if (closed) {
      toast({ title: t("workspace.closed"), variant: "success" });
      router.refresh();
    }
    return { state: result.data.state, error: result.data.error };
  }

  return (
    <Card data-testid="script">
      <CardHeader>
        <CardTitle as="h3">{t("desk.script.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        {script ? (
          <>
            {script.usesAgenda ? <p className="text-xs text-fg-muted">{t("desk.script.agendaUnavailable")}</p> : null}
            <ScriptRenderer
              key={script.versionId}
              model={script.model}
              variables={script.values}
              mode="live"
              onCommand={() => {}}
              runRemote={runRemote}
            />
          </>
        ) : (
          <p className="text-sm text-fg-muted">{t("desk.script.none")}</p>
        )}
      </CardContent>
    </Card>
  );
}
