CREATE TABLE "admin_notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_blacklists" (
	"campaign_id" integer NOT NULL,
	"blacklist_id" integer NOT NULL,
	CONSTRAINT "campaign_blacklists_campaign_id_blacklist_id_pk" PRIMARY KEY("campaign_id","blacklist_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_skills" (
	"campaign_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"min_level" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "campaign_skills_campaign_id_skill_id_pk" PRIMARY KEY("campaign_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_summaries" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"overall" text NOT NULL,
	"elements" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "predefined_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "root_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"smtp_host" text DEFAULT '' NOT NULL,
	"smtp_port" integer DEFAULT 587 NOT NULL,
	"smtp_user" text DEFAULT '' NOT NULL,
	"smtp_password" jsonb,
	"smtp_from" text DEFAULT '' NOT NULL,
	"smtp_tls" boolean DEFAULT true NOT NULL,
	"default_time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "account_handle" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "canvas_page" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "canvas_url" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "acceptance_page" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "database_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "queue_priority" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "check_comments" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "assignment_timeout_seconds" integer DEFAULT 300 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "schedule_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "holiday_group_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "distribution_group_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "callback_deadline_minutes" integer DEFAULT 1440 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "script_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "script_version_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "number_display" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "versions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "admin_notifications" ADD CONSTRAINT "admin_notifications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_blacklists" ADD CONSTRAINT "campaign_blacklists_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_blacklists" ADD CONSTRAINT "campaign_blacklists_blacklist_id_blacklists_id_fk" FOREIGN KEY ("blacklist_id") REFERENCES "public"."blacklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_skills" ADD CONSTRAINT "campaign_skills_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_skills" ADD CONSTRAINT "campaign_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_summaries" ADD CONSTRAINT "campaign_summaries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_templates" ADD CONSTRAINT "email_templates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predefined_responses" ADD CONSTRAINT "predefined_responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "predefined_responses_campaign_idx" ON "predefined_responses" USING btree ("campaign_id","position");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_database_id_customer_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."customer_databases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_schedule_id_work_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."work_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_holiday_group_id_holiday_groups_id_fk" FOREIGN KEY ("holiday_group_id") REFERENCES "public"."holiday_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_distribution_group_id_distribution_rule_groups_id_fk" FOREIGN KEY ("distribution_group_id") REFERENCES "public"."distribution_rule_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_script_id_scripts_id_fk" FOREIGN KEY ("script_id") REFERENCES "public"."scripts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_script_version_id_script_versions_id_fk" FOREIGN KEY ("script_version_id") REFERENCES "public"."script_versions"("id") ON DELETE no action ON UPDATE no action;