-- schema version 2: cross-year checks name the earlier report they compared
-- against, so an ingest can replace exactly the cross-year checks of the
-- agencies it touched. NULL for the within-report identities.
ALTER TABLE checks ADD COLUMN IF NOT EXISTS prev_id VARCHAR;
