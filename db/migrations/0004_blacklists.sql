CREATE TABLE "blacklist_words" (
	"id" serial PRIMARY KEY NOT NULL,
	"blacklist_id" integer NOT NULL,
	"word" text NOT NULL,
	"normalized" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blacklists" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"database_id" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blacklists_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "blacklist_words" ADD CONSTRAINT "blacklist_words_blacklist_id_blacklists_id_fk" FOREIGN KEY ("blacklist_id") REFERENCES "public"."blacklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklists" ADD CONSTRAINT "blacklists_database_id_customer_databases_id_fk" FOREIGN KEY ("database_id") REFERENCES "public"."customer_databases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "blacklist_words_list_normalized_uq" ON "blacklist_words" USING btree ("blacklist_id","normalized");