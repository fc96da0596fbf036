-- The reports a human correction applies to, as corrected (for `xxgk
-- corrections export`): a report said not to be one is left out; text is
-- NULL for a report loaded from exchange records.
SELECT r.id, r.agency, r.year, r.period, r.form, strftime(r.published, '%Y-%m-%d'), r.path, t.text
FROM corrected_reports r
LEFT JOIN report_texts t ON t.report_id = r.id
WHERE r.id IN (SELECT report_id FROM corrections_in_force)
ORDER BY r.agency, r.year, r.period, r.id
