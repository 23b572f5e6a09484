CREATE TABLE "holiday_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holiday_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "holiday_sounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"label" text NOT NULL,
	"date" date NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"part" text DEFAULT 'full' NOT NULL,
	"sound_id" integer,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/Paris' NOT NULL,
	"days" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_schedules_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_group_id_holiday_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."holiday_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_sound_id_holiday_sounds_id_fk" FOREIGN KEY ("sound_id") REFERENCES "public"."holiday_sounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holidays_group_idx" ON "holidays" USING btree ("group_id");