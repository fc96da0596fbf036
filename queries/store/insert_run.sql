INSERT INTO runs (id, kind, started_at, finished_at, files_seen, parsed, new, changed,
                  skipped, removed, failed, duration_ms, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
