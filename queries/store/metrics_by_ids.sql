SELECT report_id, key, kind, value, approx, source, tbl, row_label, col_label, provenance,
       start_offset, end_offset, rule, unit
FROM metrics WHERE report_id IN (SELECT id FROM want_ids)
ORDER BY report_id, key
