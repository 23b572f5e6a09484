import { getDatabase } from "@/db/client";
import { CHANNEL, type LiveEvent } from "./notify";

type Listener = (event: LiveEvent) => void;

interface Bus {
  listeners: Set<Listener>;
  ready: Promise<void> | null;
}

const holder = globalThis as unknown as { __relaisBus?: Bus };

function bus(): Bus {
  return (holder.__relaisBus ??= { listeners: new Set(), ready: null });
}

/**
 * One LISTEN per process, fanned out to every open stream of this process. Several app
 * instances on one PostgreSQL each hold their own LISTEN, so they all hear every commit.
 */
export async function subscribe(listener: Listener): Promise<() => void> {
  const b = bus();
  b.ready ??= getDatabase()
    .then((handle) =>
      handle.listen(CHANNEL, (payload) => {
        let event: LiveEvent;
        try {
          event = JSON.parse(payload) as LiveEvent;
        } catch {
          return;
        }
        for (const l of b.listeners) l(event);
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
