-- Language-aware, accent-insensitive full-text search: "propriete" finds "propriété".
-- unaccent runs before the stemmer so that accents never split a stem.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION ipcoop_en (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION ipcoop_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION ipcoop_fr (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION ipcoop_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION ipcoop_es (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION ipcoop_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION ipcoop_simple (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION ipcoop_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
CREATE INDEX parties_names_trgm_idx ON parties USING gin ((name_en || ' ' || name_fr || ' ' || name_es) gin_trgm_ops);
