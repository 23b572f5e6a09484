import { Inngest } from "inngest";

// Used only when Inngest is configured (INNGEST_EVENT_KEY / INNGEST_BASE_URL / INNGEST_DEV);
// otherwise lib/jobs/dispatch.ts hands events to the embedded runner.
export const inngest = new Inngest({ id: "relais" });
