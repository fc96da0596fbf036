-- name: consistency
-- description: per stored report, every check of its figures: the accounting identities, prose against table, the cross-year checks and figures identical to last year's, with their status and figures
-- uses: stale_figures
-- cache: no
-- filter: agency
--
-- Not cached: as large as the checks table. Ask for a few agencies at a
-- time (their reports alone are read); failed_checks, quality and trust
-- sum up every report.
-- One row per check, for a page or a workbook to write as a sentence with
-- the labels table (labels.Check(rule, scope, expected, actual, detail)):
--   kind identity     a within-report identity of the tables (I1–I4, L1–L6)
--   kind prose_table  P1.prose_table: a figure the prose states and a table
--                     cell (or the sum of cells) states too; expected is the
--                     prose figure, actual the table's. etl/validate checks
--                     every prose figure whose key, or whose sum of keys
--                     (denied, unavailable, unprocessed, other, litigation),
--                     a table of the report prints.
--   kind cross_year   I5, S1: against the agency's previous report (prev_id)
--   kind stale        stale.figures: every table figure equals the
--                     previous report's (stale_figures); expected is the
--                     number of figures, actual the number not zero
-- status is PASS, FAIL or NOT_ASSESSABLE (a needed cell blank or missing);
-- a stale finding is FAIL. ord orders a report's rows: failures first.
WITH r AS (
    SELECT id, agency, year, period, path, id IN (SELECT id FROM preferred_reports) AS preferred
    FROM reports
    WHERE TRUE /* filter: agency */
),
found AS (
    SELECT c.report_id, c.rule, c.scope, c.expected, c.actual, c.status, c.detail, c.prev_id,
           CASE WHEN c.prev_id IS NOT NULL THEN 'cross_year'
                WHEN c.rule LIKE 'P1%' THEN 'prose_table'
                ELSE 'identity' END AS kind
    FROM checks c
    WHERE c.report_id IN (SELECT id FROM r)
    UNION ALL
    SELECT report_id, 'stale.figures', '', figures::DOUBLE, nonzero::DOUBLE, 'FAIL',
           printf('all %d table figures as in the %d report (%d of them not zero)', figures, prev_year, nonzero),
           prev_report_id, 'stale'
    FROM stale_figures
)
SELECT r.agency, r.year, r.period, r.id AS report_id, r.path, r.preferred,
       f.kind, f.rule, f.scope, f.expected, f.actual, f.status, f.detail, f.prev_id,
       row_number() OVER (PARTITION BY r.id ORDER BY CASE f.status WHEN 'FAIL' THEN 0 WHEN 'NOT_ASSESSABLE' THEN 1 ELSE 2 END,
                          f.kind, f.rule, f.scope) AS ord
FROM found f
JOIN r ON r.id = f.report_id
ORDER BY r.agency, r.year, r.period, r.preferred DESC, r.id, ord
