"use client";

import { useEffect, useState } from "react";
import { useLocale } from "@/lib/i18n/client";
import { formatDuration } from "@/lib/supervision/duration";

/**
 * A duration that keeps counting between live refreshes. `seconds` is what the server measured
 * at render (on its own clock, which tests may shift); the browser only adds the time since.
 */
export function Elapsed({ seconds, template }: { seconds: number | null; template?: string }) {
  const locale = useLocale();
  // Counted from the render that brought `seconds`; a new value starts again from zero.
  const [tick, setTick] = useState({ of: seconds, extra: 0 });
  const extra = tick.of === seconds ? tick.extra : 0;
  useEffect(() => {
    const start = Date.now();
    const timer = setInterval(() => setTick({ of: seconds, extra: Math.floor((Date.now() - start) / 1000) }), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  const text = formatDuration(seconds === null ? null : seconds + extra, locale);
  return <span className="tabular-nums">{template ? template.replace("{duration}", text) : text}</span>;
}
