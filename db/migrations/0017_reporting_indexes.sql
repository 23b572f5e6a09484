CREATE INDEX "assignments_agent_offered_idx" ON "assignments" USING btree ("agent_id","offered_at");--> statement-breakpoint
CREATE INDEX "conversations_campaign_created_idx" ON "conversations" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_campaign_closed_idx" ON "conversations" USING btree ("campaign_id","closed_at");--> statement-breakpoint
CREATE INDEX "conversations_qualifier_closed_idx" ON "conversations" USING btree ("qualified_by","closed_at");--> statement-breakpoint
CREATE INDEX "messages_first_out_idx" ON "messages" USING btree ("conversation_id","created_at") WHERE "messages"."direction" = 'out';