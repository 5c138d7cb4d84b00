-- Which search rows changed, in commit order, so that every app process can keep an in-memory
-- copy of the search index exact: a process compares search_state.version with its own at each
-- search and re-reads only the activities listed since. Writers of activity_search take the one
-- search_state row in turn (held until they commit), so versions are visible in the order given.
CREATE TABLE search_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);--> statement-breakpoint
INSERT INTO search_state (id, version) VALUES (true, 1);--> statement-breakpoint
-- activity_ids NULL: too many to list, every process reloads everything.
CREATE TABLE search_changes (
  version bigint PRIMARY KEY,
  activity_ids integer[]
);--> statement-breakpoint
CREATE FUNCTION note_search_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed integer[];
  next_version bigint;
BEGIN
  SELECT array_agg(DISTINCT activity_id) INTO changed FROM changed_rows;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE search_state SET version = version + 1 RETURNING version INTO next_version;
  INSERT INTO search_changes (version, activity_ids)
    VALUES (next_version, CASE WHEN cardinality(changed) > 20000 THEN NULL ELSE changed END);
  DELETE FROM search_changes WHERE version < next_version - 10000;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER activity_search_inserted AFTER INSERT ON activity_search
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_search_changes();--> statement-breakpoint
CREATE TRIGGER activity_search_updated AFTER UPDATE ON activity_search
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_search_changes();--> statement-breakpoint
CREATE TRIGGER activity_search_deleted AFTER DELETE ON activity_search
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_search_changes();
