DROP INDEX "conversations_unreached_idx";--> statement-breakpoint
ALTER TABLE "report_arrivals" ADD COLUMN "reached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_arrivals" ADD COLUMN "reached_filtered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Arrivals that reached an agent (first offered, assigned or qualified), per hour and day beside
-- received and filtered: a supervisor of nearly every agent counts his arrivals as these minus
-- the ones only users outside his scope reached (lib/reporting/queries.ts), instead of counting
-- the unreached ones from a partial index (0023, ~116 entries per campaign and month, read for
-- each of 1,000 campaigns). Kept by the same triggers as 0022, in the facts' transaction.
DROP TRIGGER conversations_report_update ON conversations;--> statement-breakpoint
DROP FUNCTION relais_report_arrival(integer, timestamptz, boolean, integer);--> statement-breakpoint
-- One arrival's change to its hour and day, as deltas, in one upsert (PL/pgSQL: its plan is
-- cached; an SQL function's INSERT was planned on every call, ~0.6 ms). A first offer only moves
-- `reached`: one call, not a removal and an addition.
CREATE OR REPLACE FUNCTION relais_report_arrival(p_campaign integer, p_at timestamptz, d_received integer, d_filtered integer,
  d_reached integer, d_reached_filtered integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_arrivals AS r (campaign_id, grain, period, received, filtered, reached, reached_filtered)
  VALUES (p_campaign, 'day', date_trunc('day', p_at, 'UTC'), d_received, d_filtered, d_reached, d_reached_filtered),
         (p_campaign, 'hour', date_trunc('hour', p_at, 'UTC'), d_received, d_filtered, d_reached, d_reached_filtered)
  ON CONFLICT (campaign_id, grain, period) DO UPDATE SET received = r.received + excluded.received, filtered = r.filtered + excluded.filtered,
    reached = r.reached + excluded.reached, reached_filtered = r.reached_filtered + excluded.reached_filtered;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION relais_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_arrivals AS r (campaign_id, grain, period, received, filtered, reached, reached_filtered)
  SELECT n.campaign_id, g.grain, date_trunc(g.grain, n.created_at, 'UTC'), count(*),
         count(*) FILTER (WHERE n.status = 'filtered' OR n.filtered_term IS NOT NULL),
         count(*) FILTER (WHERE n.first_offered_at IS NOT NULL OR n.assigned_agent_id IS NOT NULL OR n.qualified_by IS NOT NULL),
         count(*) FILTER (WHERE (n.status = 'filtered' OR n.filtered_term IS NOT NULL)
                            AND (n.first_offered_at IS NOT NULL OR n.assigned_agent_id IS NOT NULL OR n.qualified_by IS NOT NULL))
  FROM new_rows n CROSS JOIN (VALUES ('day'), ('hour')) g(grain)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (campaign_id, grain, period) DO UPDATE SET received = r.received + excluded.received, filtered = r.filtered + excluded.filtered,
    reached = r.reached + excluded.reached, reached_filtered = r.reached_filtered + excluded.reached_filtered;
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
DECLARE
  old_f integer;
  old_h integer;
  new_f integer;
  new_h integer;
BEGIN
  old_f := CASE WHEN OLD.status = 'filtered' OR OLD.filtered_term IS NOT NULL THEN 1 ELSE 0 END;
  old_h := CASE WHEN OLD.first_offered_at IS NOT NULL OR OLD.assigned_agent_id IS NOT NULL OR OLD.qualified_by IS NOT NULL THEN 1 ELSE 0 END;
  IF TG_OP = 'DELETE' THEN
    PERFORM relais_report_arrival(OLD.campaign_id, OLD.created_at, -1, -old_f, -old_h, -(old_f * old_h));
    PERFORM relais_report_handled(OLD, -1);
    RETURN NULL;
  END IF;
  new_f := CASE WHEN NEW.status = 'filtered' OR NEW.filtered_term IS NOT NULL THEN 1 ELSE 0 END;
  new_h := CASE WHEN NEW.first_offered_at IS NOT NULL OR NEW.assigned_agent_id IS NOT NULL OR NEW.qualified_by IS NOT NULL THEN 1 ELSE 0 END;
  IF (OLD.campaign_id, OLD.created_at) IS DISTINCT FROM (NEW.campaign_id, NEW.created_at) THEN
    PERFORM relais_report_arrival(OLD.campaign_id, OLD.created_at, -1, -old_f, -old_h, -(old_f * old_h));
    PERFORM relais_report_arrival(NEW.campaign_id, NEW.created_at, 1, new_f, new_h, new_f * new_h);
  ELSIF (old_f, old_h) IS DISTINCT FROM (new_f, new_h) THEN
    PERFORM relais_report_arrival(NEW.campaign_id, NEW.created_at, 0, new_f - old_f, new_h - old_h, new_f * new_h - old_f * old_h);
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
CREATE TRIGGER conversations_report_update AFTER UPDATE ON conversations FOR EACH ROW
  WHEN ((OLD.campaign_id, OLD.created_at, OLD.status = 'filtered' OR OLD.filtered_term IS NOT NULL,
         OLD.first_offered_at IS NOT NULL OR OLD.assigned_agent_id IS NOT NULL OR OLD.qualified_by IS NOT NULL, OLD.closed_at, OLD.qualified_by,
         OLD.qualification_status_id, OLD.qualification_code, OLD.qualification_label, OLD.qualification_category, OLD.qualification_benefit)
        IS DISTINCT FROM (NEW.campaign_id, NEW.created_at, NEW.status = 'filtered' OR NEW.filtered_term IS NOT NULL,
         NEW.first_offered_at IS NOT NULL OR NEW.assigned_agent_id IS NOT NULL OR NEW.qualified_by IS NOT NULL, NEW.closed_at,
         NEW.qualified_by, NEW.qualification_status_id, NEW.qualification_code, NEW.qualification_label, NEW.qualification_category,
         NEW.qualification_benefit))
  EXECUTE FUNCTION relais_report_changed();--> statement-breakpoint
-- What is already stored.
UPDATE report_arrivals r SET reached = x.reached, reached_filtered = x.reached_filtered
FROM (SELECT c.campaign_id, g.grain, date_trunc(g.grain, c.created_at, 'UTC') AS period, count(*) AS reached,
             count(*) FILTER (WHERE c.status = 'filtered' OR c.filtered_term IS NOT NULL) AS reached_filtered
      FROM conversations c CROSS JOIN (VALUES ('day'), ('hour')) g(grain)
      WHERE c.first_offered_at IS NOT NULL OR c.assigned_agent_id IS NOT NULL OR c.qualified_by IS NOT NULL
      GROUP BY 1, 2, 3) x
WHERE r.campaign_id = x.campaign_id AND r.grain = x.grain AND r.period = x.period;
