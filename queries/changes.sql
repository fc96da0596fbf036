-- name: changes
-- description: what the last ingest changed: new, changed (one row per figure, old → new), removed and failed files
-- cache: no
--
-- The change log of the latest ingest, run or load (`xxgk status --changes` prints
-- the same). A changed report has one row without key, then one row per
-- figure; old_value or new_value is NULL when that side had no figure.
-- Not cached: it reads one run's rows of the change log, and the cache
-- stamp leaves the run history out.
SELECT c.run_id, c.change, c.path, r.agency, r.year, r.period, c.key, c.old_value, c.new_value,
       c.detail, c.report_id, c.old_id
FROM changes c
LEFT JOIN reports r ON r.id = c.report_id
WHERE c.run_id = (SELECT max(id) FROM runs WHERE kind IN ('ingest', 'run', 'load'))
ORDER BY c.change, c.path, c.key NULLS FIRST
