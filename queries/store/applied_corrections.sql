-- The lines of the corrections file as the last apply copied them, in file
-- order, to compare with the file as it is now (etl/correct.Compare).
SELECT seq, file, report_ref, field, kind, value, text_value, who, "at", why, source
FROM corrections
ORDER BY seq
