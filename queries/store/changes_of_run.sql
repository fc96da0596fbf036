-- What one run altered. A changed report has a row without key (the report)
-- and one row per figure that changed, old -> new. The identity of the
-- report and of the one it replaced, so `xxgk status --changes` can say
-- what changed in words rather than repeat the stored detail.
SELECT c.change, c.path, c.report_id, c.old_id, c.key, c.old_value, c.new_value, c.detail,
       r.agency, r.year, r.period, r.form, r.n_figures,
       o.agency, o.year, o.period, o.form
FROM changes c
LEFT JOIN reports r ON r.id = c.report_id
LEFT JOIN reports o ON o.id = c.old_id
WHERE c.run_id = ?
ORDER BY CASE c.change WHEN 'new' THEN 1 WHEN 'changed' THEN 2 WHEN 'removed' THEN 3 ELSE 4 END,
         c.path, c.key NULLS FIRST
