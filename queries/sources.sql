-- name: sources
-- description: the source sentence or table cell behind every stored figure of the preferred reports (for "show the source")
-- cache: no
-- filter: agency
--
-- Not cached: the result is as large as the metrics table, and read one
-- agency at a time.
--
-- Blank and not-applicable cells are listed too, with value NULL and their
-- kind, so a reader sees that the report printed nothing there.
-- start_offset and end_offset are byte offsets of provenance in the
-- report's original text.
SELECT p.agency, p.year, p.period, m.key, m.value, m.kind, m.approx, m.source, m.tbl,
       m.row_label, m.col_label, m.provenance, m.rule, p.path, p.id AS report_id,
       m.start_offset, m.end_offset, m.unit, p.form,
       m.corrected, m.extracted_kind, m.extracted_value, m.correction_why
FROM corrected_metrics m
JOIN (SELECT * FROM preferred_reports WHERE TRUE /* filter: agency */) p ON p.id = m.report_id
ORDER BY p.agency, p.year, p.period, m.key
