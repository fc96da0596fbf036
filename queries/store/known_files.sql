-- Every path earlier runs saw, with the start of the run that recorded its
-- size and mtime: a size+mtime match is trusted only when the mtime is older
-- than that start (see etl/ingest).
SELECT f.path, f.size, f.mtime_ns, f.hash, f.report_id, f.removed, r.started_at
FROM files f LEFT JOIN runs r ON r.id = f.seen_run
