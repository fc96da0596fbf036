-- Errors not yet settled by a later run, latest first.
SELECT run_id, path, stage, message, "at" FROM ingest_errors
WHERE NOT resolved ORDER BY "at" DESC, path
