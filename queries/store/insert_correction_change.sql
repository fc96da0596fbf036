-- A change-log row about a correction: added, removed or gone stale.
-- old_value is the extracted figure, new_value the corrected one; detail
-- the reason given (added, removed) or why it is stale.
INSERT INTO changes (run_id, path, change, report_id, key, old_value, new_value, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
