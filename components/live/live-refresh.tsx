"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

/**
 * Subscribes to /api/stream (server-sent events fed by PostgreSQL LISTEN/NOTIFY) and re-renders
 * the page's server components when something relevant happened. Events carry ids only; the
 * page re-reads what the user may see. Bursts are coalesced into one refresh.
 */
export function LiveRefresh({
  onEvent,
  delayMs = 150,
  maxWaitMs,
}: {
  onEvent?: (type: string) => void;
  /** Quiet time after the last event before re-rendering. */
  delayMs?: number;
  /** Under a steady stream of events, re-render at least this often (default: only when quiet). */
  maxWaitMs?: number;
}) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstPending = useRef<number | null>(null);
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });

  useEffect(() => {
    const source = new EventSource("/api/stream");
    source.addEventListener("relais", (e) => {
      const type = (JSON.parse((e as MessageEvent).data) as { type: string }).type;
      onEventRef.current?.(type);
      if (timer.current) clearTimeout(timer.current);
      firstPending.current ??= Date.now();
      const waited = Date.now() - firstPending.current;
      const delay = maxWaitMs === undefined ? delayMs : Math.max(0, Math.min(delayMs, maxWaitMs - waited));
      timer.current = setTimeout(() => {
        firstPending.current = null;
        router.refresh();
      }, delay);
    });
    // The server ended the stream (lib/realtime/stream.ts): a session that was revoked or signed
    // out goes to the login page; a stream replaced by a newer one of the same user stops here.
    source.addEventListener("end", (e) => {
      source.close();
      const reason = (JSON.parse((e as MessageEvent).data) as { reason: string }).reason;
      if (reason === "revoked" || reason === "signedOut") router.replace("/login");
    });
    // After a reconnection, what we missed is re-read once.
    source.addEventListener("open", () => router.refresh());
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [router, delayMs, maxWaitMs]);

  return <span hidden data-testid="live" />;
}
