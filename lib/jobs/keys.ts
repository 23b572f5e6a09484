import { createHash } from "node:crypto";
import type { JobDefinition } from "./types";

export interface RunEvent {
  name: string;
  data: Record<string, unknown>;
}

/** Evaluates an Inngest key expression limited to a path into the event (`event.data.campaignId`). */
export function evaluateKey(expression: string, event: RunEvent): string {
  if (!/^event(\.[A-Za-z_$][\w$]*)+$/.test(expression))
    throw new Error(`Unsupported key expression "${expression}" (a path into the event)`);
  const value = expression
    .split(".")
    .slice(1)
    .reduce<unknown>((obj, part) => (obj as Record<string, unknown> | undefined)?.[part], event);
  return value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
}

/** JSON with sorted keys: two equal payloads give one string whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The keys a run is stored with (lib/jobs/store.ts). */
export function runKeys(job: JobDefinition, event: RunEvent) {
  const concurrency = job.concurrency?.[0];
  return {
    coalesceKey:
      job.coalesce === "job"
        ? ""
        : createHash("sha1")
            .update(`${event.name}\n${canonical(event.data)}`)
            .digest("base64url"),
    concurrencyKey: concurrency ? (concurrency.key ? evaluateKey(concurrency.key, event) : "") : null,
    throttleKey: job.throttle ? (job.throttle.key ? evaluateKey(job.throttle.key, event) : "") : null,
  };
}
