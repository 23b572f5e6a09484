import { getDatabase } from "@/db/client";
import { LIVE_CHANNEL } from "@/lib/events/emit";
import type { LiveMessage } from "@/lib/events/types";

type Listener = (message: LiveMessage) => void;

interface Bus {
  listeners: Set<Listener>;
  ready: Promise<void> | null;
}

const holder = globalThis as unknown as { __relaisBus?: Bus };

function bus(): Bus {
  return (holder.__relaisBus ??= { listeners: new Set(), ready: null });
}

/**
 * The receiving end of the live push (lib/events/emit.ts): one LISTEN per process, fanned out
 * to every open stream of this process. Several app instances on one PostgreSQL each hold their
 * own LISTEN, so they all hear every commit.
 */
export async function subscribe(listener: Listener): Promise<() => void> {
  const b = bus();
  b.ready ??= getDatabase()
    .then((handle) =>
      handle.listen(LIVE_CHANNEL, (payload) => {
        let message: LiveMessage;
        try {
          message = JSON.parse(payload) as LiveMessage;
        } catch {
          return;
        }
        for (const l of b.listeners) l(message);
      }),
    )
    .then(() => undefined)
    .catch((err) => {
      b.ready = null;
      throw err;
    });
  await b.ready;
  b.listeners.add(listener);
  return () => b.listeners.delete(listener);
}
