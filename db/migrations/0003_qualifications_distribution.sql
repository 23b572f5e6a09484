CREATE TABLE "qualification_sub_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"status_id" integer NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_rule_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_rule_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "distribution_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"element" text NOT NULL,
	"operator" text NOT NULL,
	"value" text NOT NULL,
	"skill_id" integer NOT NULL,
	"min_level" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "qualification_statuses_group_code_uq";--> statement-breakpoint
ALTER TABLE "qualification_statuses" ADD COLUMN "quota_validation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "qualification_statuses" ADD COLUMN "quota" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "qualification_sub_code" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "qualification_sub_label" text;--> statement-breakpoint
ALTER TABLE "qualification_sub_statuses" ADD CONSTRAINT "qualification_sub_statuses_status_id_qualification_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."qualification_statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_rules" ADD CONSTRAINT "distribution_rules_group_id_distribution_rule_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."distribution_rule_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_rules" ADD CONSTRAINT "distribution_rules_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qualification_sub_statuses_status_code_uq" ON "qualification_sub_statuses" USING btree ("status_id","code") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "qualification_sub_statuses_status_idx" ON "qualification_sub_statuses" USING btree ("status_id","position");--> statement-breakpoint
CREATE INDEX "distribution_rules_group_idx" ON "distribution_rules" USING btree ("group_id","position");--> statement-breakpoint
CREATE INDEX "distribution_rules_skill_idx" ON "distribution_rules" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qualification_statuses_group_code_uq" ON "qualification_statuses" USING btree ("group_id","code") WHERE archived_at is null;