"use client";

import { useRouter } from "next/navigation";
import type { ScriptModel } from "@/lib/scripts/model";
import type { RunState } from "@/lib/scripts/interpreter";
import type { VariableValues } from "@/lib/scripts/variables";
import { useFormat, useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { ScriptRenderer, type AgendaSlot } from "@/components/designer/script-renderer";
import { BookingPanel } from "@/components/agenda/booking-panel";
import { runScriptActionAction } from "./actions";

/**
 * The conversation's pinned production script, run by the designer's ScriptRenderer. Buttons
 * run on the server (runScriptAction), which carries out their effects for real.
 */
export function ScriptPanel({
  conversationId,
  campaignId,
  customerName,
  timeZone,
  script,
}: {
  conversationId: number;
  campaignId: number;
  customerName: string;
  timeZone: string;
  script: { versionId: number; model: ScriptModel; values: VariableValues; customerPostalCode: string | null } | null;
}) {
  const t = useT();
  const format = useFormat();
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

  // The agenda object books for real (components/agenda/booking-panel.tsx); once booked, its
  // value is the appointment's start, which the script's «Prendre un rendez-vous» action needs.
  const renderAgenda: AgendaSlot = ({ value, onChange }) => (
    <>
      {value ? (
        <p className="text-sm text-fg" data-testid="script-agenda-booked">
          {t("desk.script.booked", { when: format.dateTime(value, { timeZone }) })}
        </p>
      ) : null}
      <BookingPanel
        conversationId={conversationId}
        campaignId={campaignId}
        customerName={customerName}
        customerPostalCode={script?.customerPostalCode ?? null}
        onBooked={(a) => onChange(a.startsAt)}
      />
    </>
  );

  return (
    <Card data-testid="script">
      <CardHeader>
        <CardTitle as="h3">{t("desk.script.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        {script ? (
          <>
            <ScriptRenderer
              key={script.versionId}
              model={script.model}
              variables={script.values}
              mode="live"
              onCommand={() => {}}
              runRemote={runRemote}
              renderAgenda={renderAgenda}
            />
          </>
        ) : (
          <p className="text-sm text-fg-muted">{t("desk.script.none")}</p>
        )}
      </CardContent>
    </Card>
  );
}
