import { getDb } from "@/db/client";
import { purgeLoginAttempts } from "@/lib/auth/login";
import type { JobContext, JobDefinition } from "@/lib/jobs/types";

/** Failed sign-in rows idle for a day, and no longer locking anything, are deleted hourly. */
export const purgeLoginAttemptsJob: JobDefinition = {
  id: "purge-login-attempts",
  triggers: [{ cron: "17 * * * *" }],
  concurrency: [{ limit: 1 }],
  coalesce: "job",
  retries: 1,
  async handler({ step }: JobContext) {
    return step.run("purge", async () => ({ deleted: await purgeLoginAttempts(await getDb()) }));
  },
};
