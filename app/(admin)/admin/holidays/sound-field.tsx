"use client";

import { useId, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { soundUploadSchema } from "@/lib/calendars/holiday.schema";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export interface SoundInfo {
  id: number;
  fileName: string;
  size: number;
}

const ACCEPT = "audio/wav,audio/x-wav,audio/mpeg,audio/ogg,.wav,.mp3,.ogg";

/**
 * A holiday's optional sound message: upload (checked here for type and size, then on the server
 * for content), play, remove. The upload stores the file; saving the group attaches it.
 */
export function SoundField({
  label,
  sound,
  error,
  onChange,
}: {
  label: string;
  sound: SoundInfo | null;
  error?: string;
  onChange: (sound: SoundInfo | null) => void;
}) {
  const t = useT();
  const { toast } = useToast();
  const inputId = useId();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const shown = uploadError ?? error;

  async function upload(file: File | undefined, input: HTMLInputElement) {
    setUploadError(null);
    if (!file) return;
    const checked = soundUploadSchema.safeParse({ file });
    if (!checked.success) {
      setUploadError(t(checked.error.issues[0].message as MessageKey));
      input.value = "";
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/holidays/sound", { method: "POST", body });
      const result = (await response.json()) as ActionResult<{ id: number; fileName: string; size: number }>;
      if (result.ok) {
        onChange({ id: result.data.id, fileName: result.data.fileName, size: result.data.size });
        toast({ title: t("schedules.holidays.soundUploaded"), variant: "success" });
      } else {
        setUploadError(t((result.fieldErrors?.file?.[0] ?? result.error) as MessageKey));
      }
    } catch {
      setUploadError(t("schedules.errors.uploadFailed"));
    } finally {
      setUploading(false);
      input.value = "";
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      {sound ? (
        <div className="flex flex-wrap items-center gap-2">
          <audio
            controls
            preload="none"
            src={`/api/holidays/sound/${sound.id}`}
            aria-label={t("schedules.holidays.soundPlayer", { name: sound.fileName })}
            className="h-9 max-w-64"
          />
          <span className="text-xs text-fg-muted">
            {sound.fileName} ({t("schedules.holidays.soundSize", { kb: Math.max(1, Math.round(sound.size / 1024)) })})
          </span>
          <Button type="button" size="sm" variant="ghost" onClick={() => onChange(null)}>
            {t("schedules.holidays.soundRemove")}
          </Button>
        </div>
      ) : null}
      <input
        id={inputId}
        type="file"
        accept={ACCEPT}
        disabled={uploading}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${inputId}-error` : `${inputId}-hint`}
        onChange={(e) => upload(e.target.files?.[0], e.target)}
        className="text-sm file:mr-3 file:rounded-control file:border file:border-border-strong file:bg-surface file:px-3 file:py-1 file:text-sm"
      />
      {uploading ? <p className="text-xs text-fg-muted">{t("schedules.holidays.soundUploading")}</p> : null}
      {shown ? (
        <p id={`${inputId}-error`} role="alert" className="text-xs font-medium text-danger">
          {shown}
        </p>
      ) : (
        <p id={`${inputId}-hint`} className="text-xs text-fg-muted">
          {t("schedules.holidays.soundHint")}
        </p>
      )}
    </div>
  );
}
