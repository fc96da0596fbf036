-- name: dataset_checks
-- description: every accounting identity checked on every stored report, for the dataset (xxgk export): rule, scope, expected and actual figures, status
-- cache: no
-- filter: agency
--
-- expected and actual are NULL when the check could not be assessed (a
-- part was blank): blank is not zero. prev_id names the earlier report a
-- cross-year check compared against. The rows of a report keep the order
-- validation stored them in (rowid): sorting on integers, not on the text
-- of rules and scopes, keeps a national export fast.
WITH r AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY agency, year, period, id) AS rep_no,
           id, left(sha256(agency), 12) AS agency_id, agency, year, period
    FROM reports
    WHERE TRUE /* filter: agency */
)
SELECT c.report_id, r.agency_id, r.agency, r.year, r.period,
       p.id IS NOT NULL AS preferred, c.rule, c.scope, c.status, c.expected, c.actual, c.ok, c.detail, c.prev_id
FROM checks c
JOIN r ON r.id = c.report_id
LEFT JOIN (SELECT id FROM preferred_reports) p ON p.id = c.report_id
ORDER BY r.rep_no, c.rowid
