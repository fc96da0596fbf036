-- The counts of a started run so far, after each committed chunk; the last
-- chunk sets finished_at. A row left with finished_at NULL is a run that
-- stopped (a crash, a kill) after committing the chunks it counts.
UPDATE runs SET finished_at = ?, files_seen = ?, parsed = ?, new = ?, changed = ?, skipped = ?,
                removed = ?, failed = ?, duration_ms = ?, note = ?
WHERE id = ?
