-- The agency the query benchmark filters on (not a named query): the one
-- with the most preferred reports, the first by name among equals, so the
-- per-agency figure is taken on a full ten-year series.
SELECT agency
FROM preferred_reports
GROUP BY agency
ORDER BY count(*) DESC, agency
LIMIT 1
