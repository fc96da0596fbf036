-- The figures (key, kind, value) of the reports in the scratch table
-- want_ids, without provenance: the change log and the cross-year checks
-- compare values only, and leaving out the label and text columns makes
-- this read a fraction of the metrics table (the row and column labels and
-- the provenance text are most of what a scan decompresses).
SELECT report_id, key, kind, value, approx
FROM metrics WHERE report_id IN (SELECT id FROM want_ids)
ORDER BY report_id, key
