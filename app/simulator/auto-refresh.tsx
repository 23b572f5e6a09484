"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** The simulator is another process with no NOTIFY: its page re-reads it every few seconds. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(id);
  }, [router, seconds]);
  return null;
}
