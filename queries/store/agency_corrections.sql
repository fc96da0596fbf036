-- The agency corrections applied, with the level, province and city of
-- the report each names (etl/correct setDivisionCodes gives each the
-- division code of the corrected name there).
SELECT c.seq, c.text_value, r.level, r.province, r.city
FROM corrections c
JOIN reports r ON r.id = c.report_id
WHERE c.field = 'agency' AND c.kind = 'text' AND c.text_value IS NOT NULL
ORDER BY c.seq
