-- name: ingest_errors
-- description: the files that failed to ingest and are still failing: path, stage, message and when
-- cache: no
--
-- Not cached: it reads the run history, which the cache stamp leaves out.
--
-- An error is settled (and left out) when a later run stores the file or
-- the file is gone. stage is read, identify, extract or load; message is
-- the reader's own, in English.
SELECT run_id, path, hash, stage, message, "at" AS failed_at
FROM ingest_errors
WHERE NOT resolved
ORDER BY "at" DESC, path
