-- name: conflicts
-- description: agency-years with more than one stored report (revisions, duplicates), and which one is preferred
--
-- preferred is the report `preferred_reports` picks: current content first,
-- then the later publication date, then more figures, then the later ingest.
WITH many AS (
    SELECT agency, year, period
    FROM reports
    GROUP BY agency, year, period
    HAVING count(*) > 1
)
SELECT r.agency, r.year, r.period, r.id AS report_id, r.path, r.published, r.n_figures,
       r.id IN (SELECT id FROM preferred_reports) AS preferred,
       r.current, r.form
FROM reports r
JOIN many USING (agency, year, period)
ORDER BY r.agency, r.year, r.period, preferred DESC, r.published DESC NULLS LAST, r.id
