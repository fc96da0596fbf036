INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, report_id, seen_run, removed)
SELECT path, size, mtime_ns, hash, report_id, seen_run, removed FROM batch_files
