-- name: stale_figures
-- description: reports whose tables are exactly last year's: every table figure the same key and value as in the same agency's previous report, three or more of them not zero
-- filter: agency
--
-- A figure vector is the set of (key, value) of a report's table figures
-- (metrics from a table, of kind number: blank cells are not figures, and
-- the prose, which rewords and rounds from year to year, is left out; a
-- report without tables has no vector). Two reports have
-- the same vector when they store the same number of figures and the
-- order-free hash of their pairs is equal. Compared with the preferred
-- report of the same agency and period a year before. A quiet agency that
-- truly had nothing to report twice (all zeros) is not stale: at least
-- three figures must be other than zero (东莞统计局 published the same data
-- for 2008–2010; domain.md §4 trap 13).
WITH r AS (
    SELECT id, agency, year, period, id IN (SELECT id FROM preferred_reports) AS preferred
    FROM reports
    WHERE TRUE /* filter: agency */
),
pr AS (
    SELECT id, agency, year, period FROM preferred_reports
    WHERE TRUE /* filter: agency */
),
vec AS (
    SELECT report_id AS id, bit_xor(hash(key, value)) AS vec, count(*) AS figures,
           count(*) FILTER (WHERE value <> 0) AS nonzero
    FROM metrics
    WHERE kind = 'number' AND source = 'table' AND report_id IN (SELECT id FROM r)
    GROUP BY report_id
)
SELECT a.agency, a.year, a.period, a.id AS report_id, a.preferred, b.id AS prev_report_id, b.year AS prev_year,
       va.figures, va.nonzero
FROM r a
JOIN pr b ON b.agency = a.agency AND b.period = a.period AND b.year = a.year - 1
JOIN vec va ON va.id = a.id
JOIN vec vb ON vb.id = b.id
WHERE va.vec = vb.vec AND va.figures = vb.figures AND va.nonzero >= 3
ORDER BY a.agency, a.year, a.period, a.id
