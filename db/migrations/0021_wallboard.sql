ALTER TABLE "campaigns" ADD COLUMN "answer_target_seconds" integer DEFAULT 900 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "waiting_alert_seconds" integer DEFAULT 600 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "first_response_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "conversations_created_idx" ON "conversations" USING btree ("created_at");--> statement-breakpoint
-- The first outbound message of a conversation, kept on the conversation by the database itself
-- (every path that stores an answer — reply, DM, email, script action — inserts a message row).
CREATE OR REPLACE FUNCTION relais_first_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET first_response_at = NEW.created_at
    WHERE id = NEW.conversation_id AND (first_response_at IS NULL OR first_response_at > NEW.created_at);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER messages_first_response AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.direction = 'out') EXECUTE FUNCTION relais_first_response();--> statement-breakpoint
UPDATE conversations c SET first_response_at = m.first
  FROM (SELECT conversation_id, min(created_at) AS first FROM messages WHERE direction = 'out' GROUP BY conversation_id) m
  WHERE m.conversation_id = c.id;
