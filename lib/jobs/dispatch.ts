import { inngestConfigured } from "@/lib/config/env";
import type { RelaisEvent } from "./events";
import type { EmbeddedRunner } from "./runner";

const holder = globalThis as unknown as { __relaisRunner?: EmbeddedRunner };

export function installEmbeddedRunner(runner: EmbeddedRunner | undefined): void {
  holder.__relaisRunner = runner;
}

export function embeddedRunner(): EmbeddedRunner | undefined {
  return holder.__relaisRunner;
}

/**
 * The one way to start background work: to Inngest when it is configured, otherwise to the
 * embedded runner of this process. Call it after the transaction that made the work commits.
 */
export async function dispatch(events: RelaisEvent | RelaisEvent[]): Promise<void> {
  if (inngestConfigured()) {
    const { inngest } = await import("@/inngest/client");
    await inngest.send(Array.isArray(events) ? events : [events]);
    return;
  }
  const runner = holder.__relaisRunner;
  if (!runner) {
    // No runner in this process (a script, a test): the crons will find the work.
    return;
  }
  runner.send(events);
}
