-- A generated script version is what campaigns and past conversations ran: it must never change.
CREATE OR REPLACE FUNCTION script_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'script versions are immutable' USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER script_versions_no_change BEFORE UPDATE OR DELETE ON "script_versions"
  FOR EACH ROW EXECUTE FUNCTION script_versions_immutable();
