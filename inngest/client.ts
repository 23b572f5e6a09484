import { Inngest } from "inngest";

// Used only when Inngest is configured (INNGEST_EVENT_KEY / INNGEST_BASE_URL / INNGEST_DEV);
// otherwise the embedded runner (lib/jobs/runner.ts) runs the same jobs. Committed events reach
// Inngest through lib/jobs/forwarder.ts.
export const inngest = new Inngest({ id: "relais" });
