SELECT report_id, key, kind, value, approx, source, tbl, row_label, col_label, provenance,
       start_offset, end_offset, rule, unit
FROM metrics
WHERE report_id IN (SELECT id FROM preferred_reports WHERE agency IN (SELECT agency FROM batch_agencies))
ORDER BY report_id, key
