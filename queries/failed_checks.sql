-- name: failed_checks
-- description: every failed accounting identity of every stored report, revisions included
-- filter: agency
SELECT r.agency, r.year, r.period, c.report_id, r.path, c.rule, c.scope, c.expected, c.actual, c.detail,
       r.id IN (SELECT id FROM preferred_reports) AS preferred
FROM checks c
JOIN (SELECT * FROM reports WHERE TRUE /* filter: agency */) r ON r.id = c.report_id
WHERE c.status = 'FAIL'
ORDER BY r.agency, r.year, r.period, r.path, c.report_id, c.rule, c.scope
