-- What one run altered. A changed report has a row without key (the report)
-- and one row per figure that changed, old -> new.
SELECT c.change, c.path, c.report_id, c.old_id, c.key, c.old_value, c.new_value, c.detail,
       r.agency, r.year, r.period
FROM changes c LEFT JOIN reports r ON r.id = c.report_id
WHERE c.run_id = ?
ORDER BY CASE c.change WHEN 'new' THEN 1 WHEN 'changed' THEN 2 WHEN 'removed' THEN 3 ELSE 4 END,
         c.path, c.key NULLS FIRST
