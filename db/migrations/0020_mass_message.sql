CREATE TABLE "mass_message_recipients" (
	"id" serial PRIMARY KEY NOT NULL,
	"mass_message_id" integer NOT NULL,
	"contact_id" text NOT NULL,
	"contact_name" text NOT NULL,
	"conversation_id" integer,
	"language" text,
	"last_inbound_at" timestamp with time zone,
	"window_ends_at" timestamp with time zone,
	"rendered_text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"error_code" text,
	"claim_token" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"network_message_id" text,
	"template_message_id" text,
	"attempted_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mass_message_recipients_sent_has_id" CHECK ("mass_message_recipients"."status" <> 'sent' or "mass_message_recipients"."sent_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "mass_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"send_type" text DEFAULT 'messenger' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"template" jsonb,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rate_per_second" integer DEFAULT 300 NOT NULL,
	"total_count" integer DEFAULT 0 NOT NULL,
	"not_sendable_count" integer DEFAULT 0 NOT NULL,
	"sent_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"post_state" text,
	"post_id" text,
	"post_sending_since" timestamp with time zone,
	"error_reason" text,
	"throttled_until" timestamp with time zone,
	"created_by" integer,
	"started_by" integer,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mass_message_recipients" ADD CONSTRAINT "mass_message_recipients_mass_message_id_mass_messages_id_fk" FOREIGN KEY ("mass_message_id") REFERENCES "public"."mass_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_messages" ADD CONSTRAINT "mass_messages_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_messages" ADD CONSTRAINT "mass_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_messages" ADD CONSTRAINT "mass_messages_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mass_message_recipients_contact_uq" ON "mass_message_recipients" USING btree ("mass_message_id","contact_id");--> statement-breakpoint
CREATE INDEX "mass_message_recipients_pending_idx" ON "mass_message_recipients" USING btree ("mass_message_id","id") WHERE "mass_message_recipients"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "mass_message_recipients_sending_idx" ON "mass_message_recipients" USING btree ("mass_message_id","attempted_at") WHERE "mass_message_recipients"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "mass_message_recipients_status_idx" ON "mass_message_recipients" USING btree ("mass_message_id","status");--> statement-breakpoint
CREATE INDEX "mass_messages_campaign_idx" ON "mass_messages" USING btree ("campaign_id","created_at");