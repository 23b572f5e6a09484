CREATE TABLE "address_books" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"database_id" integer NOT NULL,
	"table_name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "address_books_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "appointment_locations" (
	"id" serial PRIMARY KEY NOT NULL,
	"schedule_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"rep_id" integer NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"appointment_id" integer NOT NULL,
	CONSTRAINT "appointment_slots_pk" PRIMARY KEY("rep_id","slot_start")
);
--> statement-breakpoint
CREATE TABLE "appointment_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"schedule_id" integer NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"span_start" text DEFAULT '00:00' NOT NULL,
	"span_end" text DEFAULT '24:00' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" serial PRIMARY KEY NOT NULL,
	"rep_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"location_id" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"campaign_id" integer,
	"conversation_id" integer,
	"address_book_id" integer,
	"contact_id" bigint,
	"customer_guid" text,
	"customer_name" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"booked_by" integer,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_rep_schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"holiday_group_id" integer,
	"greyed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agents_may_book" boolean DEFAULT true NOT NULL,
	"agents_may_move" boolean DEFAULT false NOT NULL,
	"agents_may_cancel" boolean DEFAULT false NOT NULL,
	"max_days_ahead" integer DEFAULT 60 NOT NULL,
	"min_notice_minutes" integer DEFAULT 60 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_rep_schedules_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "sales_reps" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"civility" text DEFAULT '' NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"colour" text DEFAULT '#2563eb' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"schedule_id" integer,
	"zones" text[] DEFAULT '{}' NOT NULL,
	"quota_per_day" integer,
	"quota_per_week" integer,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD COLUMN "address_book_id" integer;--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD COLUMN "sales_rep_schedule_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "address_book_id" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "sales_rep_schedule_id" integer;--> statement-breakpoint
ALTER TABLE "address_books" ADD CONSTRAINT "address_books_database_id_customer_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."customer_databases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_locations" ADD CONSTRAINT "appointment_locations_schedule_id_sales_rep_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."sales_rep_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_rep_id_sales_reps_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."sales_reps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_schedule_id_sales_rep_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."sales_rep_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_rep_id_sales_reps_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."sales_reps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_type_id_appointment_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."appointment_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_id_appointment_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."appointment_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_address_book_id_address_books_id_fk" FOREIGN KEY ("address_book_id") REFERENCES "public"."address_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_rep_schedules" ADD CONSTRAINT "sales_rep_schedules_holiday_group_id_holiday_groups_id_fk" FOREIGN KEY ("holiday_group_id") REFERENCES "public"."holiday_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_reps" ADD CONSTRAINT "sales_reps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_reps" ADD CONSTRAINT "sales_reps_schedule_id_sales_rep_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."sales_rep_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_locations_schedule_idx" ON "appointment_locations" USING btree ("schedule_id","position");--> statement-breakpoint
CREATE INDEX "appointment_slots_appt_idx" ON "appointment_slots" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointment_types_schedule_idx" ON "appointment_types" USING btree ("schedule_id","position");--> statement-breakpoint
CREATE INDEX "appointments_rep_time_idx" ON "appointments" USING btree ("rep_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_reps_user_uq" ON "sales_reps" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sales_reps_schedule_idx" ON "sales_reps" USING btree ("schedule_id");--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD CONSTRAINT "campaign_defaults_address_book_id_address_books_id_fk" FOREIGN KEY ("address_book_id") REFERENCES "public"."address_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_defaults" ADD CONSTRAINT "campaign_defaults_sales_rep_schedule_id_sales_rep_schedules_id_fk" FOREIGN KEY ("sales_rep_schedule_id") REFERENCES "public"."sales_rep_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_address_book_id_address_books_id_fk" FOREIGN KEY ("address_book_id") REFERENCES "public"."address_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_sales_rep_schedule_id_sales_rep_schedules_id_fk" FOREIGN KEY ("sales_rep_schedule_id") REFERENCES "public"."sales_rep_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: what the booking engine checks, the database also refuses (quarter-hour bounds, durations in quarters).
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_quarter_ck" CHECK ("ends_at" > "starts_at" AND (extract(epoch from "starts_at")::bigint % 900) = 0 AND (extract(epoch from "ends_at")::bigint % 900) = 0);--> statement-breakpoint
ALTER TABLE "appointment_types" ADD CONSTRAINT "appointment_types_duration_ck" CHECK ("duration_minutes" >= 15 AND "duration_minutes" % 15 = 0);--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_quarter_ck" CHECK ((extract(epoch from "slot_start")::bigint % 900) = 0);
