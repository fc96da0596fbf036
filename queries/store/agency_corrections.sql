-- The agency corrections applied, with the level, province and city the
-- corrected name places the body at, else those of the report each names
-- (etl/correct setDivisionCodes gives each the division code of the
-- corrected name there).
SELECT c.seq, c.text_value,
       CASE WHEN c.agency_level IS NOT NULL THEN c.agency_level ELSE r.level END,
       CASE WHEN c.agency_level IS NOT NULL THEN c.agency_province ELSE r.province END,
       CASE WHEN c.agency_level IS NOT NULL THEN c.agency_city ELSE r.city END
FROM corrections c
JOIN reports r ON r.id = c.report_id
WHERE c.field = 'agency' AND c.kind = 'text' AND c.text_value IS NOT NULL
ORDER BY c.seq
