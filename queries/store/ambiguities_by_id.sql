-- The ambiguities of one report, in the order its readers gave them.
SELECT key, reason, detail, source, tbl, row_label, col_label, provenance, start_offset, end_offset, rule, note
FROM ambiguities WHERE report_id = ? ORDER BY seq
