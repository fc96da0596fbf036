-- The latest runs, newest first, for `xxgk status`.
SELECT id, kind, started_at, finished_at, files_seen, parsed, new, changed, skipped,
       removed, failed, duration_ms, note
FROM runs ORDER BY id DESC LIMIT ?
