CREATE TABLE "campaign_defaults" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"database_id" integer,
	"qualification_group_id" integer,
	"schedule_id" integer,
	"holiday_group_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD CONSTRAINT "campaign_defaults_database_id_customer_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."customer_databases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD CONSTRAINT "campaign_defaults_qualification_group_id_qualification_groups_id_fk" FOREIGN KEY ("qualification_group_id") REFERENCES "public"."qualification_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD CONSTRAINT "campaign_defaults_schedule_id_work_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."work_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD CONSTRAINT "campaign_defaults_holiday_group_id_holiday_groups_id_fk" FOREIGN KEY ("holiday_group_id") REFERENCES "public"."holiday_groups"("id") ON DELETE no action ON UPDATE no action;