import { afterAll, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import { startSimulator, type SimulatorOptions } from "@/lib/simulator/server";
import { createSimulatorClient } from "@/lib/simulator/client";
import { seedIfEmpty } from "@/lib/demo/seed";
import { campaigns, users } from "@/db/schema";
import { setupTestDatabase } from "./db";

export const DEMO_PASSWORD = "Demo-password-2026!";

/**
 * A test database seeded with the demo workspace, wired to a real network simulator on a free
 * loopback port: the same setup `npm start` makes, minus the web server.
 */
export function setupDemoWorkspace(options: { enforceReplyPolicy?: boolean; smtp?: boolean; simulator?: SimulatorOptions } = {}) {
  const db = setupTestDatabase();
  let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
  const state = { campaignId: 0, simUrl: "", agents: [] as number[], adminId: 0 };
  beforeAll(async () => {
    // The embedded demo answers keyword hits publicly (SIMULATOR_REPLY_POLICY=open).
    sim = await startSimulator({
      port: 0,
      enforceReplyPolicy: options.enforceReplyPolicy ?? false,
      ...(options.smtp ? { smtpPort: 0 } : {}),
      ...options.simulator,
    });
    state.simUrl = sim.url;
    await seedIfEmpty(db.handle.db, {
      demo: true,
      password: DEMO_PASSWORD,
      simulatorUrl: sim.url,
      keyword: "relais",
      pollSeconds: 10,
      smtpPort: sim.smtpPort ?? undefined,
    });
    const [campaign] = await db.handle.db.select({ id: campaigns.id }).from(campaigns);
    state.campaignId = campaign.id;
    const all = await db.handle.db.select({ id: users.id, role: users.role, login: users.login }).from(users);
    state.agents = all.filter((u) => u.role === "agent").map((u) => u.id);
    state.adminId = all.find((u) => u.login === "admin")!.id;
  });
  afterAll(async () => {
    await sim?.close();
  });
  return {
    get db() {
      return db.handle.db;
    },
    get sim() {
      return createSimulatorClient(state.simUrl);
    },
    state,
    async setCampaign(values: Partial<typeof campaigns.$inferInsert>) {
      await db.handle.db.update(campaigns).set(values).where(eq(campaigns.id, state.campaignId));
    },
  };
}
