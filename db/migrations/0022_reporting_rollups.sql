CREATE TABLE "report_arrivals" (
	"campaign_id" integer NOT NULL,
	"grain" text NOT NULL,
	"period" timestamp with time zone NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"filtered" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_arrivals_campaign_id_grain_period_pk" PRIMARY KEY("campaign_id","grain","period")
);
--> statement-breakpoint
CREATE TABLE "report_handled_days" (
	"campaign_id" integer NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"positive" integer DEFAULT 0 NOT NULL,
	"argued" integer DEFAULT 0 NOT NULL,
	"not_argued" integer DEFAULT 0 NOT NULL,
	"benefit" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "report_handled_days_campaign_id_day_pk" PRIMARY KEY("campaign_id","day")
);
--> statement-breakpoint
CREATE TABLE "report_status_hours" (
	"campaign_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"status_id" integer,
	"code" text,
	"label" text,
	"category" text,
	"n" integer DEFAULT 0 NOT NULL,
	"benefit" numeric(14, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "report_status_hours_key" UNIQUE NULLS NOT DISTINCT("campaign_id","hour","status_id","code","label","category")
);
--> statement-breakpoint
DROP INDEX "conversations_created_idx";--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "first_offered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "conversations_live_idx" ON "conversations" USING btree ("campaign_id","status","waiting_since") WHERE "conversations"."status" in ('waiting', 'held');--> statement-breakpoint
CREATE INDEX "conversations_created_idx" ON "conversations" USING btree ("created_at","campaign_id","status","waiting_since","first_response_at");--> statement-breakpoint
-- The first offer of a conversation, kept on it by the database (every path that offers inserts
-- an assignments row: routing, reassignment, callbacks).
CREATE OR REPLACE FUNCTION relais_first_offer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET first_offered_at = NEW.offered_at
    WHERE id = NEW.conversation_id AND (first_offered_at IS NULL OR first_offered_at > NEW.offered_at);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER assignments_first_offer AFTER INSERT ON assignments
  FOR EACH ROW EXECUTE FUNCTION relais_first_offer();--> statement-breakpoint
UPDATE conversations c SET first_offered_at = a.first
  FROM (SELECT conversation_id, min(offered_at) AS first FROM assignments GROUP BY conversation_id) a
  WHERE a.conversation_id = c.id;--> statement-breakpoint
CREATE INDEX "conversations_report_idx" ON "conversations" USING btree ("campaign_id","closed_at","qualified_by","qualification_category","qualification_benefit","first_response_at","waiting_since","created_at","first_offered_at","assigned_at") WHERE "conversations"."qualified_by" is not null;--> statement-breakpoint
-- The rollups (db/schema/reporting.ts). A conversation counts once as an arrival in the UTC hour
-- and day of its created_at (filtered: status 'filtered' or a matched term), and once as handled
-- in the UTC hour and day of its closed_at when it was qualified (qualified_by set), with the
-- qualification copied on it. Inserts are aggregated per statement (an ingestion batch is one
-- upsert per hour); updates and deletes take the old row's contribution out and put the new one's
-- in, only when a column the rollups read changed (the trigger's WHEN), so a requalification, a
-- release or a moved closing time keeps them equal to the facts. Rows are upserted in key order.
CREATE OR REPLACE FUNCTION relais_report_arrival(p_campaign integer, p_at timestamptz, p_filtered boolean, p_sign integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_arrivals AS r (campaign_id, grain, period, received, filtered)
  VALUES (p_campaign, 'day', date_trunc('day', p_at, 'UTC'), p_sign, CASE WHEN p_filtered THEN p_sign ELSE 0 END),
         (p_campaign, 'hour', date_trunc('hour', p_at, 'UTC'), p_sign, CASE WHEN p_filtered THEN p_sign ELSE 0 END)
  ON CONFLICT (campaign_id, grain, period) DO UPDATE SET received = r.received + excluded.received, filtered = r.filtered + excluded.filtered;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_handled(p conversations, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p.closed_at IS NULL OR p.qualified_by IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO report_handled_days AS r (campaign_id, day, handled, positive, argued, not_argued, benefit)
  VALUES (p.campaign_id, date_trunc('day', p.closed_at, 'UTC'), p_sign,
          CASE WHEN p.qualification_category = 'positive' THEN p_sign ELSE 0 END,
          CASE WHEN p.qualification_category = 'argued' THEN p_sign ELSE 0 END,
          CASE WHEN p.qualification_category = 'not_argued' THEN p_sign ELSE 0 END,
          coalesce(p.qualification_benefit, 0) * p_sign)
  ON CONFLICT (campaign_id, day) DO UPDATE SET handled = r.handled + excluded.handled, positive = r.positive + excluded.positive,
    argued = r.argued + excluded.argued, not_argued = r.not_argued + excluded.not_argued, benefit = r.benefit + excluded.benefit;
  INSERT INTO report_status_hours AS r (campaign_id, hour, status_id, code, label, category, n, benefit)
  VALUES (p.campaign_id, date_trunc('hour', p.closed_at, 'UTC'), p.qualification_status_id, p.qualification_code, p.qualification_label,
          p.qualification_category, p_sign, coalesce(p.qualification_benefit, 0) * p_sign)
  ON CONFLICT ON CONSTRAINT report_status_hours_key DO UPDATE SET n = r.n + excluded.n, benefit = r.benefit + excluded.benefit;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_arrivals AS r (campaign_id, grain, period, received, filtered)
  SELECT n.campaign_id, g.grain, date_trunc(g.grain, n.created_at, 'UTC'), count(*),
         count(*) FILTER (WHERE n.status = 'filtered' OR n.filtered_term IS NOT NULL)
  FROM new_rows n CROSS JOIN (VALUES ('day'), ('hour')) g(grain)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, grain, period) DO UPDATE SET received = r.received + excluded.received, filtered = r.filtered + excluded.filtered;
  INSERT INTO report_handled_days AS r (campaign_id, day, handled, positive, argued, not_argued, benefit)
  SELECT n.campaign_id, date_trunc('day', n.closed_at, 'UTC'), count(*),
         count(*) FILTER (WHERE n.qualification_category = 'positive'), count(*) FILTER (WHERE n.qualification_category = 'argued'),
         count(*) FILTER (WHERE n.qualification_category = 'not_argued'), coalesce(sum(n.qualification_benefit), 0)
  FROM new_rows n WHERE n.closed_at IS NOT NULL AND n.qualified_by IS NOT NULL
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (campaign_id, day) DO UPDATE SET handled = r.handled + excluded.handled, positive = r.positive + excluded.positive,
    argued = r.argued + excluded.argued, not_argued = r.not_argued + excluded.not_argued, benefit = r.benefit + excluded.benefit;
  INSERT INTO report_status_hours AS r (campaign_id, hour, status_id, code, label, category, n, benefit)
  SELECT n.campaign_id, date_trunc('hour', n.closed_at, 'UTC'), n.qualification_status_id, n.qualification_code, n.qualification_label,
         n.qualification_category, count(*), coalesce(sum(n.qualification_benefit), 0)
  FROM new_rows n WHERE n.closed_at IS NOT NULL AND n.qualified_by IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_status_hours_key DO UPDATE SET n = r.n + excluded.n, benefit = r.benefit + excluded.benefit;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM relais_report_arrival(OLD.campaign_id, OLD.created_at, OLD.status = 'filtered' OR OLD.filtered_term IS NOT NULL, -1);
    PERFORM relais_report_handled(OLD, -1);
    RETURN NULL;
  END IF;
  IF (OLD.campaign_id, OLD.created_at, OLD.status = 'filtered' OR OLD.filtered_term IS NOT NULL)
     IS DISTINCT FROM (NEW.campaign_id, NEW.created_at, NEW.status = 'filtered' OR NEW.filtered_term IS NOT NULL) THEN
    PERFORM relais_report_arrival(OLD.campaign_id, OLD.created_at, OLD.status = 'filtered' OR OLD.filtered_term IS NOT NULL, -1);
    PERFORM relais_report_arrival(NEW.campaign_id, NEW.created_at, NEW.status = 'filtered' OR NEW.filtered_term IS NOT NULL, 1);
  END IF;
  IF (OLD.campaign_id, OLD.closed_at, OLD.qualified_by, OLD.qualification_status_id, OLD.qualification_code, OLD.qualification_label,
      OLD.qualification_category, OLD.qualification_benefit)
     IS DISTINCT FROM (NEW.campaign_id, NEW.closed_at, NEW.qualified_by, NEW.qualification_status_id, NEW.qualification_code,
      NEW.qualification_label, NEW.qualification_category, NEW.qualification_benefit) THEN
    PERFORM relais_report_handled(OLD, -1);
    PERFORM relais_report_handled(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER conversations_report_insert AFTER INSERT ON conversations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION relais_report_inserted();--> statement-breakpoint
CREATE TRIGGER conversations_report_update AFTER UPDATE ON conversations FOR EACH ROW
  WHEN ((OLD.campaign_id, OLD.created_at, OLD.status = 'filtered' OR OLD.filtered_term IS NOT NULL, OLD.closed_at, OLD.qualified_by,
         OLD.qualification_status_id, OLD.qualification_code, OLD.qualification_label, OLD.qualification_category, OLD.qualification_benefit)
        IS DISTINCT FROM (NEW.campaign_id, NEW.created_at, NEW.status = 'filtered' OR NEW.filtered_term IS NOT NULL, NEW.closed_at,
         NEW.qualified_by, NEW.qualification_status_id, NEW.qualification_code, NEW.qualification_label, NEW.qualification_category,
         NEW.qualification_benefit))
  EXECUTE FUNCTION relais_report_changed();--> statement-breakpoint
CREATE TRIGGER conversations_report_delete AFTER DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION relais_report_changed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_arrivals;
  DELETE FROM report_handled_days;
  DELETE FROM report_status_hours;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER conversations_report_truncate AFTER TRUNCATE ON conversations FOR EACH STATEMENT EXECUTE FUNCTION relais_report_truncated();--> statement-breakpoint
-- What is already stored.
INSERT INTO report_arrivals (campaign_id, grain, period, received, filtered)
SELECT c.campaign_id, g.grain, date_trunc(g.grain, c.created_at, 'UTC'), count(*),
       count(*) FILTER (WHERE c.status = 'filtered' OR c.filtered_term IS NOT NULL)
FROM conversations c CROSS JOIN (VALUES ('day'), ('hour')) g(grain) GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO report_handled_days (campaign_id, day, handled, positive, argued, not_argued, benefit)
SELECT c.campaign_id, date_trunc('day', c.closed_at, 'UTC'), count(*),
       count(*) FILTER (WHERE c.qualification_category = 'positive'), count(*) FILTER (WHERE c.qualification_category = 'argued'),
       count(*) FILTER (WHERE c.qualification_category = 'not_argued'), coalesce(sum(c.qualification_benefit), 0)
FROM conversations c WHERE c.closed_at IS NOT NULL AND c.qualified_by IS NOT NULL GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO report_status_hours (campaign_id, hour, status_id, code, label, category, n, benefit)
SELECT c.campaign_id, date_trunc('hour', c.closed_at, 'UTC'), c.qualification_status_id, c.qualification_code, c.qualification_label,
       c.qualification_category, count(*), coalesce(sum(c.qualification_benefit), 0)
FROM conversations c WHERE c.closed_at IS NOT NULL AND c.qualified_by IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;
