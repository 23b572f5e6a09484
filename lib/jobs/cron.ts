import { Cron } from "croner";
import type { JobDefinition } from "./types";

/** The job's one cron string, if it has one. */
export function cronOf(job: JobDefinition): string | undefined {
  const crons = job.triggers.flatMap((t) => ("cron" in t ? [t.cron] : []));
  if (crons.length > 1) throw new Error(`Job ${job.id} has ${crons.length} cron triggers: give it one.`);
  return crons[0];
}

/** Splits Inngest's optional "TZ=Europe/Paris " prefix off a cron string (UTC otherwise, as Inngest). */
function parse(cron: string): { timezone: string; pattern: string } {
  const m = /^TZ=(\S+)\s+(.*)$/.exec(cron.trim());
  return m ? { timezone: m[1], pattern: m[2] } : { timezone: "UTC", pattern: cron.trim() };
}

/** The first time after `after` the cron fires. Five fields, or six with seconds first. */
export function nextCronRun(cron: string, after: Date): Date {
  const { timezone, pattern } = parse(cron);
  const next = new Cron(pattern, { timezone, mode: "5-or-6-parts" }).nextRun(after);
  if (!next) throw new Error(`Cron "${cron}" never fires again`);
  return next;
}

/**
 * Inngest's crons have a one-minute granularity: a six-field cron (seconds first) is served to
 * Inngest without its seconds field, i.e. it fires once in each minute the embedded runner
 * fires it in. So one string says both: "* * * * * *" = every second embedded, every minute on
 * Inngest.
 */
export function toInngestCron(cron: string): string {
  const [, prefix = "", pattern] = /^(TZ=\S+\s+)?(.*)$/.exec(cron.trim())!;
  const fields = pattern.split(/\s+/);
  return prefix + (fields.length === 6 ? fields.slice(1).join(" ") : pattern);
}
