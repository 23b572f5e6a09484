import { vi } from "vitest";

// Secrets the code under test needs; real deployments get them from the data folder or the env.
process.env.RELAIS_SECRET_KEY ||= "relais-test-secret-key-0123456789";
process.env.NEXTAUTH_SECRET ||= "relais-test-nextauth-secret";

// The session of every test file comes from tests/session.ts (signInAs / signOut).
vi.mock("next-auth", async (orig) => {
  const { testSession } = await import("./session");
  return { ...(await orig<typeof import("next-auth")>()), getServerSession: async () => testSession() };
});
