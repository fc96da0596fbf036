SELECT report_id, key, kind, value, approx, source, tbl, row_label, col_label, provenance,
       start_offset, end_offset, rule, unit
FROM metrics WHERE report_id = ? ORDER BY key
