-- Set the division code of one agency correction (etl/correct
-- setDivisionCodes).
UPDATE corrections SET division_code = ? WHERE seq = ?
