CREATE TABLE "campaign_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"kind" text NOT NULL,
	"cursor" text,
	"page_token" text,
	"pending_cursor" text,
	"last_polled_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_kind" text,
	"next_poll_at" timestamp with time zone,
	"usage_month" text,
	"posts_read" integer DEFAULT 0 NOT NULL,
	"users_read" integer DEFAULT 0 NOT NULL,
	"dm_events_read" integer DEFAULT 0 NOT NULL,
	"messages_stored" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"conversation_id" integer NOT NULL,
	"agent_id" integer NOT NULL,
	"state" text DEFAULT 'offered' NOT NULL,
	"why" text NOT NULL,
	"rule_id" integer,
	"skill_id" integer,
	"level" integer,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"ended_by" integer
);
--> statement-breakpoint
ALTER TABLE "agent_presence" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD COLUMN "active_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD COLUMN "last_assignment_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "preferred_wait_seconds" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "monthly_read_budget_cents" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "channel" text DEFAULT 'keyword' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "author_followers" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "filtered_term" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "filtered_blacklist_id" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "released_by" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "requested_skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "matched_rule_id" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "mentions_account" boolean;--> statement-breakpoint
ALTER TABLE "campaign_sources" ADD CONSTRAINT "campaign_sources_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_sources_campaign_kind_uq" ON "campaign_sources" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_open_conversation_uq" ON "assignments" USING btree ("conversation_id") WHERE "assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "assignments_agent_open_idx" ON "assignments" USING btree ("agent_id") WHERE "assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "assignments_expiry_idx" ON "assignments" USING btree ("expires_at") WHERE "assignments"."state" = 'offered' and "assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "assignments_conversation_idx" ON "assignments" USING btree ("conversation_id","offered_at");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_queue_order_idx" ON "conversations" USING btree ("priority" DESC NULLS LAST,"waiting_since","id") WHERE "conversations"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "conversations_held_idx" ON "conversations" USING btree ("campaign_id","created_at") WHERE "conversations"."status" = 'held';--> statement-breakpoint
CREATE INDEX "conversations_filtered_idx" ON "conversations" USING btree ("campaign_id","created_at") WHERE "conversations"."status" = 'filtered';--> statement-breakpoint
ALTER TABLE "agent_presence" ADD CONSTRAINT "agent_presence_active_count_ck" CHECK ("agent_presence"."active_count" >= 0);--> statement-breakpoint
UPDATE "conversations" SET "waiting_since" = "created_at" WHERE "status" = 'waiting';--> statement-breakpoint
UPDATE "conversations" SET "channel" = CASE WHEN "network" = 'facebook' THEN 'messenger' ELSE 'dm' END WHERE "is_private";--> statement-breakpoint
INSERT INTO "assignments" ("conversation_id", "agent_id", "state", "why", "offered_at", "accepted_at")
  SELECT "id", "assigned_agent_id", 'accepted', 'any', coalesce("assigned_at", "created_at"), coalesce("assigned_at", "created_at")
  FROM "conversations" WHERE "status" = 'assigned' AND "assigned_agent_id" IS NOT NULL;--> statement-breakpoint
UPDATE "agent_presence" p SET "active_count" = (
  SELECT count(*) FROM "conversations" c WHERE c."assigned_agent_id" = p."user_id" AND c."status" = 'assigned');
