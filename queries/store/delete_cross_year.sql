-- Cross-year checks of the agencies a batch touched are recomputed whole,
-- because which report is preferred for a year may have changed.
DELETE FROM checks
WHERE prev_id IS NOT NULL
  AND report_id IN (SELECT id FROM reports WHERE agency IN (SELECT agency FROM batch_agencies))
