"use client";

import { useState } from "react";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import { buttonClassName } from "@/components/ui/button-styles";
import { Button } from "@/components/ui/button";
import { LiveRefresh } from "@/components/live/live-refresh";

/**
 * The board's live link and its display switches. Events re-render the page through
 * LiveRefresh, coalesced (a burst of offers is one refresh, and a steady stream still refreshes
 * at least every two seconds). Wall mode and contrast live in the URL, so a wall screen's
 * bookmark opens as it was left.
 */
export function BoardControls({
  wallHref,
  contrastHref,
  wall,
  contrast,
}: {
  wallHref: string;
  contrastHref: string;
  wall: boolean;
  contrast: boolean;
}) {
  const t = useT();
  // The time of the last live event (none shown until one comes).
  const [time, setTime] = useState<string>("");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <LiveRefresh delayMs={400} maxWaitMs={2000} onEvent={() => setTime(new Date().toLocaleTimeString())} />
      <span className="inline-flex items-center gap-1.5 text-sm text-fg-muted" data-testid="board-live">
        <span className="size-2 animate-pulse rounded-full bg-success" aria-hidden />
        {t("wallboard.live")}
        {time ? <span className="tabular-nums">· {t("wallboard.updated", { time })}</span> : null}
      </span>
      <Link href={wallHref} className={buttonClassName({ variant: "secondary", size: "sm" })} data-testid="wall-toggle">
        {wall ? t("wallboard.leaveWall") : t("wallboard.wallMode")}
      </Link>
      <Link href={contrastHref} className={buttonClassName({ variant: "secondary", size: "sm" })}>
        {contrast ? t("wallboard.normalContrast") : t("wallboard.contrast")}
      </Link>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          const el = document.getElementById("wallboard");
          if (document.fullscreenElement) void document.exitFullscreen();
          else void el?.requestFullscreen?.();
        }}
      >
        {t("wallboard.fullScreen")}
      </Button>
    </div>
  );
}
