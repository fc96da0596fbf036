-- name: dataset_checks
-- description: every accounting identity checked on every stored report, for the dataset (xxgk export): rule, scope, expected and actual figures, status
-- cache: no
-- filter: agency
--
-- expected and actual are NULL when the check could not be assessed (a
-- part was blank): blank is not zero. prev_id names the earlier report a
-- cross-year check compared against.
SELECT c.report_id, left(sha256(r.agency), 12) AS agency_id, r.agency, r.year, r.period,
       p.id IS NOT NULL AS preferred, c.rule, c.scope, c.status, c.expected, c.actual, c.ok, c.detail, c.prev_id
FROM checks c
JOIN (SELECT id, agency, year, period FROM reports WHERE TRUE /* filter: agency */) r ON r.id = c.report_id
LEFT JOIN (SELECT id FROM preferred_reports) p ON p.id = c.report_id
ORDER BY r.agency, r.year, r.period, c.report_id, c.rule, c.scope, c.status, c.expected, c.actual
