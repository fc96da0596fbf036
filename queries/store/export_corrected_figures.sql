-- The figures of one report as corrected: numbers only (blank is not
-- zero, and a label lists only printed figures).
SELECT key, value, approx FROM corrected_metrics
WHERE report_id = ? AND kind = 'number' AND value IS NOT NULL
ORDER BY key
