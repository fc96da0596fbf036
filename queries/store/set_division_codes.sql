-- Set the division codes of the reports listed in the scratch table
-- division_codes (etl/load refreshDivisions), by agency, level and place,
-- and drop the scratch table.
UPDATE reports r SET division_code = d.division_code
FROM division_codes d
WHERE r.agency = d.agency
  AND r.level IS NOT DISTINCT FROM d.level
  AND r.province IS NOT DISTINCT FROM d.province
  AND r.city IS NOT DISTINCT FROM d.city;
DROP TABLE division_codes;
