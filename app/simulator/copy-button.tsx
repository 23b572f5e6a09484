"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";

/** Older browsers, and pages served over plain http from another host, have no Clipboard API. */
function copyWithSelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } finally {
    area.remove();
  }
}

export function CopyButton({ value, field }: { value: string; field: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    let ok = false;
    try {
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      ok = copyWithSelection(value);
    }
    setCopied(ok);
  }

  return (
    <Button type="button" size="sm" variant="ghost" onClick={copy} aria-label={t("simulator.demoCredentials.copyLabel", { field })}>
      <span aria-live="polite">{copied ? t("simulator.demoCredentials.copied") : t("simulator.demoCredentials.copy")}</span>
    </Button>
  );
}
