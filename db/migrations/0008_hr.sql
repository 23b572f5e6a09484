CREATE TABLE "agent_profiles" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"hang_up_after_call" boolean DEFAULT false NOT NULL,
	"directly_ready" boolean DEFAULT false NOT NULL,
	"auto_answer" boolean DEFAULT false NOT NULL,
	"media_channels" text[] DEFAULT '{twitter,facebook}'::text[] NOT NULL,
	"max_conversations" integer DEFAULT 1 NOT NULL,
	"personal_callbacks" boolean DEFAULT true NOT NULL,
	"workspace" text DEFAULT 'social' NOT NULL,
	"display_options" text[] DEFAULT '{}'::text[] NOT NULL,
	"telephony_rights" text[] DEFAULT '{}'::text[] NOT NULL,
	"supervision_rights" text[] DEFAULT '{}'::text[] NOT NULL,
	"misc_rights" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_profiles_max_conversations_ck" CHECK ("agent_profiles"."max_conversations" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "supervision_group_members" (
	"group_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "supervision_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id"),
	CONSTRAINT "supervision_group_members_role_ck" CHECK ("supervision_group_members"."role" in ('supervisor', 'agent'))
);
--> statement-breakpoint
CREATE TABLE "supervision_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_profiles" ADD CONSTRAINT "agent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_group_members" ADD CONSTRAINT "supervision_group_members_group_id_supervision_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."supervision_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_group_members" ADD CONSTRAINT "supervision_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_group_members_user_idx" ON "supervision_group_members" USING btree ("user_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_groups_name_ci_uq" ON "supervision_groups" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "agent_skills_skill_idx" ON "agent_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_groups_name_ci_uq" ON "skill_groups" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "skills_group_name_ci_uq" ON "skills" USING btree ("group_id",lower("name"));--> statement-breakpoint
ALTER TABLE "agent_skills" ADD CONSTRAINT "agent_skills_level_ck" CHECK ("agent_skills"."level" between 1 and 10);