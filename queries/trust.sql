-- name: trust
-- description: a trust score per agency-year: the share of its assessable checks that pass and the share of its cells left blank
-- filter: agency
--
-- For the preferred report of each agency × year × period:
--   pass_share  = checks_pass / (checks_pass + checks_fail); NULL when no
--                 check could be assessed (NOT_ASSESSABLE checks are counted
--                 in checks_na and left out of the share);
--   blank_share = stored cells that are empty or not applicable / all
--                 stored cells; NULL when nothing is stored;
--   trust_score = pass_share × (1 − blank_share), between 0 and 1; NULL
--                 when either share is NULL. A report whose figures cannot
--                 be checked gets no score rather than a good one.
-- A failed check a reader confirmed (确认无误: the report really prints
-- figures that do not add up, corrections.csv) no longer counts against the
-- score: it is counted in checks_confirmed, not in checks_fail, and as a
-- pass in pass_share.
WITH pr AS (
    SELECT * FROM preferred_reports
    WHERE TRUE /* filter: agency */
),
chk AS (
    SELECT report_id,
           count(*) AS checks_total,
           count(*) FILTER (WHERE status = 'PASS') AS checks_pass,
           count(*) FILTER (WHERE status = 'FAIL' AND k.verdict IS NULL) AS checks_fail,
           count(*) FILTER (WHERE status = 'FAIL' AND k.verdict IS NOT NULL) AS checks_confirmed,
           count(*) FILTER (WHERE status = 'NOT_ASSESSABLE') AS checks_na
    FROM checks
    LEFT JOIN (SELECT report_id, rule, scope, verdict FROM confirmations WHERE verdict = 'confirmed') k
           USING (report_id, rule, scope)
    WHERE report_id IN (SELECT id FROM pr)
    GROUP BY report_id
),
cells AS (
    SELECT report_id,
           count(*) AS cells,
           count(*) FILTER (WHERE kind <> 'number') AS blanks
    FROM corrected_metrics
    WHERE report_id IN (SELECT id FROM pr)
    GROUP BY report_id
),
scored AS (
    SELECT p.agency, p.year, p.period, p.form, p.id AS report_id,
           -- counts of checks, not report figures: a report without checks has 0 of them
           coalesce(c.checks_total, 0) AS checks_total, -- lint:allow-coalesce
           coalesce(c.checks_pass, 0) AS checks_pass, -- lint:allow-coalesce
           coalesce(c.checks_fail, 0) AS checks_fail, -- lint:allow-coalesce
           coalesce(c.checks_na, 0) AS checks_na, -- lint:allow-coalesce
           coalesce(c.checks_confirmed, 0) AS checks_confirmed, -- lint:allow-coalesce
           (c.checks_pass + c.checks_confirmed) / NULLIF(c.checks_pass + c.checks_confirmed + c.checks_fail, 0) AS pass_share,
           m.blanks / NULLIF(m.cells, 0) AS blank_share,
           m.cells
    FROM pr p
    LEFT JOIN chk c ON c.report_id = p.id
    LEFT JOIN cells m ON m.report_id = p.id
)
SELECT agency, year, period, checks_total, checks_pass, checks_fail, checks_na,
       pass_share, blank_share, pass_share * (1 - blank_share) AS trust_score,
       form, report_id, cells, checks_confirmed
FROM scored
ORDER BY agency, year, period
