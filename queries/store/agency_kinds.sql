-- The kinds of body stored for each agency and level (etl/load
-- refreshKinds compares them with the table of kinds when a database is
-- opened for writing). An agency whose reports carry different kinds
-- appears once per kind.
SELECT agency, level, agency_kind
FROM reports
GROUP BY agency, level, agency_kind
