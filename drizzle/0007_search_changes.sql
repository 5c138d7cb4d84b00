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
--> statement-breakpoint
-- The registry's own words, for "did you mean": words of public activity titles (added as they
-- are indexed) and the names of parties and regions, compared by trigrams.
CREATE TABLE search_words (
  word text PRIMARY KEY
);--> statement-breakpoint
CREATE INDEX search_words_trgm_idx ON search_words USING gist (word gist_trgm_ops);--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w FROM (
  SELECT unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', name_en, name_fr, name_es)))) AS w FROM parties
  UNION ALL
  SELECT unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', name_en, name_fr, name_es)))) FROM regions
  UNION ALL
  SELECT unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', a.title->>'en', a.title->>'fr', a.title->>'es'))))
    FROM activities a WHERE a.is_public
) AS words
WHERE length(w) >= 4 AND w !~ '[0-9]'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Beneficiary names join the searched text (refreshActivitySearch puts them last, as here).
UPDATE activity_search s SET search_vector = s.search_vector
     || setweight(to_tsvector('ipcoop_en', n.names_en), 'D')
     || setweight(to_tsvector('ipcoop_fr', n.names_fr), 'D')
     || setweight(to_tsvector('ipcoop_es', n.names_es), 'D')
  FROM (SELECT b.activity_id,
               string_agg(p.name_en, ' ' ORDER BY b.position) AS names_en,
               string_agg(p.name_fr, ' ' ORDER BY b.position) AS names_fr,
               string_agg(p.name_es, ' ' ORDER BY b.position) AS names_es
          FROM activity_beneficiaries b JOIN parties p ON p.code = b.party_code
         GROUP BY b.activity_id) AS n
 WHERE n.activity_id = s.activity_id;
