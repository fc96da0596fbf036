-- Writes every committed change into the database file, so the file alone
-- holds the data and can be copied as the published snapshot (etl/load.Publish).
CHECKPOINT
