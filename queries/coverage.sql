-- name: coverage
-- description: the agencies × years matrix: which form the preferred report has, how many reports are stored and how many figures the preferred one gives
-- filter: agency
--
-- One row per agency × year × period that has at least one stored report.
-- n_reports counts every stored content (revisions included); form,
-- n_figures, report_id and division_code (the 6-digit administrative
-- division code etl/load stores; NULL when the place cannot be told) are
-- those of the preferred report.
WITH counts AS (
    SELECT agency, year, period, count(*) AS n_reports
    FROM corrected_reports
    WHERE TRUE /* filter: agency */
    GROUP BY agency, year, period
)
SELECT p.agency, NULLIF(p.agency_kind, '') AS agency_kind, p.level, p.province, p.city,
       NULLIF(p.division_code, '') AS division_code,
       p.year, p.period, p.form, c.n_reports, p.n_figures, p.id AS report_id
FROM preferred_reports p
JOIN counts c USING (agency, year, period)
ORDER BY p.agency, p.year, p.period
