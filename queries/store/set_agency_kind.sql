-- Set the kind of body of the reports of one agency at one level (etl/load
-- refreshKinds).
UPDATE reports SET agency_kind = ? WHERE agency = ? AND level IS NOT DISTINCT FROM ?
