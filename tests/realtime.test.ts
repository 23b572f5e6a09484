import { describe, it, expect } from "vitest";
import { emit } from "@/lib/events/emit";
import { subscribe } from "@/lib/realtime/bus";
import type { LiveMessage } from "@/lib/events/types";
import { setupTestDatabase } from "./db";

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

describe("live events (LISTEN/NOTIFY)", () => {
  const db = setupTestDatabase();

  it("delivers an event when its transaction commits, and never when it rolls back", async () => {
    const received: LiveMessage[] = [];
    const unsubscribe = await subscribe((e) => received.push(e));

    await db.handle.db
      .transaction(async (tx) => {
        await emit(tx, { name: "relais/agent.presence", data: { agentId: 1, state: "ready" } });
        throw new Error("rollback");
      })
      .catch(() => {});
    await db.handle.db.transaction(async (tx) => {
      await emit(tx, { name: "relais/agent.presence", data: { agentId: 2, state: "paused" } });
    });
    await waitFor(() => received.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toEqual([{ type: "agent.presence", agentId: 2, state: "paused" }]);

    unsubscribe();
    await emit(db.handle.db, { name: "relais/agent.presence", data: { agentId: 3, state: "ready" } });
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
  });
});
