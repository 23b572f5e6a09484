"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/action";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { useActionFeedback } from "@/components/admin/use-action-feedback";

const MAX_BYTES = 2 * 1024 * 1024;

/** The campaign's hold music: upload (wav/mp3/ogg, ≤ 2 MB), listen, remove. */
export function HoldMusic({
  campaignId,
  current,
}: {
  campaignId: number;
  current: { fileName: string; size: number; version: string } | null;
}) {
  const t = useT();
  const router = useRouter();
  const report = useActionFeedback();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/campaigns/${campaignId}/hold-music`;

  async function upload(file: File) {
    setError(null);
    if (file.size > MAX_BYTES) return setError(t("schedules.errors.soundTooLarge"));
    setBusy(true);
    const body = new FormData();
    body.set("file", file);
    try {
      const result = (await (await fetch(url, { method: "POST", body })).json()) as ActionResult<unknown>;
      if (!result.ok) setError(t((result.fieldErrors?.file?.[0] ?? result.error) as MessageKey));
      else if (report(result, { success: "campaigns.relation.holdMusicSaved" })) router.refresh();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <section className="space-y-3" aria-labelledby="hold-music-title">
      <h3 id="hold-music-title" className="font-semibold">
        {t("campaigns.relation.holdMusic")}
      </h3>
      {current ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="hold-music-name">
            {current.fileName} ({t("campaigns.relation.holdMusicSize", { kb: Math.ceil(current.size / 1024) })})
          </span>
          <audio controls preload="none" src={`${url}?v=${encodeURIComponent(current.version)}`} />
          <ConfirmDialog
            title={t("campaigns.relation.holdMusicRemoveTitle")}
            message={t("campaigns.relation.holdMusicRemoveText")}
            confirmLabel={t("common.delete")}
            trigger={
              <Button size="sm" variant="ghost">
                {t("common.delete")}
              </Button>
            }
            onConfirm={async () => {
              const result = (await (await fetch(url, { method: "DELETE" })).json()) as ActionResult<unknown>;
              const ok = report(result, { success: "campaigns.relation.holdMusicRemoved" });
              if (ok) router.refresh();
              return ok;
            }}
          />
        </div>
      ) : (
        <p className="text-sm text-fg-muted">{t("campaigns.relation.holdMusicNone")}</p>
      )}
      <FormField
        label={t("campaigns.relation.holdMusicFile")}
        htmlFor="hold-music-file"
        hint={t("campaigns.relation.holdMusicHint")}
        error={error ?? undefined}
      >
        <input
          ref={input}
          type="file"
          accept="audio/wav,audio/x-wav,audio/mpeg,audio/ogg,.wav,.mp3,.ogg"
          disabled={busy}
          className="text-sm"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </FormField>
    </section>
  );
}
