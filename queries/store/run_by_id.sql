-- One run, for `xxgk status --changes --run N` (same columns as last_runs).
SELECT id, kind, started_at, finished_at, files_seen, parsed, new, changed, skipped,
       removed, failed, duration_ms, note
FROM runs WHERE id = ?
