-- A supervisor's memberships: his user id and the 'supervisor' role are far from independent (a
-- user's rows are nearly all one role), and the planner multiplied their selectivities. For a
-- supervisor of 50 groups it counted 1 membership, so 100 agents instead of 5,000, and probed
-- users and presence 5,000 times each where it would have hashed them (bench/pages.ts, the
-- wallboard's agents for the 5,000-agent supervisor). Read by ANALYZE, like the column statistics.
CREATE STATISTICS IF NOT EXISTS "supervision_group_members_user_role_stats" (mcv, dependencies) ON "user_id", "role" FROM "supervision_group_members";
--> statement-breakpoint
-- Filled now: autovacuum re-analyzes a table only after a tenth of its rows changed, which a
-- table of memberships may take months to do (and PGlite has no autovacuum).
ANALYZE "supervision_group_members";
