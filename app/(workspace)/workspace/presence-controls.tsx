"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import type { AgentState } from "@/db/schema/presence";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { setPresenceAction } from "./actions";

const labels: Record<AgentState, MessageKey> = { ready: "workspace.ready", paused: "workspace.pause", offline: "workspace.offline" };

export function PresenceControls({ state }: { state: AgentState }) {
  const t = useT();
  const router = useRouter();
  const { toast } = useToast();
  const [pending, start] = useTransition();

  const change = (next: AgentState) =>
    start(async () => {
      const result = await setPresenceAction({ state: next });
      if (!result.ok) toast({ title: t(result.error as MessageKey), variant: "error" });
      router.refresh();
    });

  return (
    <div className="flex items-center gap-2">
      <span className="text-sm text-fg-muted">{t("workspace.status")}</span>
      <Badge dot variant={state === "ready" ? "green" : state === "paused" ? "orange" : "neutral"} data-testid="presence">
        {t(labels[state])}
      </Badge>
      {(["ready", "paused", "offline"] as const)
        .filter((s) => s !== state)
        .map((s) => (
          <Button key={s} size="sm" variant={s === "ready" ? "primary" : "secondary"} disabled={pending} onClick={() => change(s)}>
            {t(labels[s])}
          </Button>
        ))}
    </div>
  );
}
