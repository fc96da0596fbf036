-- The division codes stored for each agency and place (etl/load
-- refreshDivisions compares them with divisions.Code when a database is
-- opened for writing). An agency whose reports carry different codes
-- appears once per code.
SELECT agency, level, province, city, division_code
FROM reports
GROUP BY agency, level, province, city, division_code
