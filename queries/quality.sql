-- name: quality
-- description: one row per data-quality problem: failed identities, carry-over and stock-flow mismatches across years, year-over-year jumps, missing years, figures seen but left out as ambiguous
-- uses: crosswalk, harmonised
-- filter: agency
--
-- kind               where it comes from
-- check_failed       a FAIL check of the preferred report (within-report identities)
-- carryover_mismatch a FAIL check whose rule starts with I5 (stored by the
--                    cross-year validator), or, for a report with no I5
--                    check, apps_carried_forward.c of year − 1 ≠
--                    apps_carried_over.c of the year, computed here for
--                    every applicant column c printed in both reports
-- stock_flow_mismatch a FAIL check whose rule starts with S1 (S1.in_force of
--                    the 2021 form, stored by the cross-year validator),
--                    and, computed here for a report with no S1 check, the
--                    2019-form Article 20 table: prev_items(year) ≠
--                    prev_items(year − 1) + change(year − 1)
-- yoy_jump           a harmonised figure more than 5× or less than 0.2× the
--                    previous available year's (which must be > 0)
-- missing_year       no annual report for a year between an agency's first
--                    and last annual reports
-- unidentified_agency the evidence does not settle the report's agency; it is
--                    kept under 未识别机关:FILE and compares with nothing.
--                    detail gives why and the candidates the evidence
--                    offered (name, source, score), best first
-- incomplete_agency  the agency is a township printed without its county,
--                    which neither the text nor the divisions settle; detail
--                    lists the candidates
-- ambiguous_figure   a figure a reader saw and did not store because the text
--                    does not settle it (table ambiguities): rule is the
--                    reason (split, no_split, bound, readings, unit, scope),
--                    scope the key ("row.*" for a whole row), detail the
--                    readings that fit
-- Cross-year problems are attached to the later report.
-- review is a reader's verdict on the finding (corrections.csv, key
-- flag:RULE:SCOPE): confirmed (确认无误, the report really says so) or
-- needs_fix (需修正); review_note is the reader's note. NULL: not reviewed.
WITH pr AS (
    SELECT id AS report_id, agency, year, period, path FROM preferred_reports
    WHERE TRUE /* filter: agency */
),
failed AS (
    SELECT pr.agency, pr.year, pr.period, pr.report_id, pr.path,
           CASE WHEN c.rule LIKE 'I5%' THEN 'carryover_mismatch'
                WHEN c.rule LIKE 'S1%' THEN 'stock_flow_mismatch'
                ELSE 'check_failed' END AS kind,
           c.rule, c.scope, c.expected, c.actual, c.detail
    FROM checks c
    JOIN pr USING (report_id)
    WHERE c.status = 'FAIL'
),
figures AS (
    SELECT pr.agency, pr.year, pr.report_id, pr.path, m.key, split_part(m.key, '.', 2) AS item, m.value
    FROM corrected_metrics m
    JOIN pr USING (report_id)
    WHERE pr.period = 'year' AND m.kind = 'number' AND m.value IS NOT NULL
      AND (m.key LIKE 'apps_carried_forward.%' OR m.key LIKE 'apps_carried_over.%'
           OR m.key LIKE 'art20.%.prev_items' OR m.key LIKE 'art20.%.change')
),
carryover AS (
    SELECT cur.agency, cur.year, 'year' AS period, cur.report_id, cur.path, 'carryover_mismatch' AS kind,
           'I5.carry' AS rule, split_part(cur.key, '.', 2) AS scope,
           prev.value AS expected, cur.value AS actual,
           printf('carried forward %d: %g; carried over %d: %g', cur.year - 1, prev.value, cur.year, cur.value) AS detail
    FROM figures cur
    JOIN figures prev
      ON prev.agency = cur.agency AND prev.year = cur.year - 1
     AND prev.key = 'apps_carried_forward.' || split_part(cur.key, '.', 2)
    WHERE cur.key LIKE 'apps_carried_over.%' AND abs(prev.value - cur.value) > 1e-6
      AND cur.report_id NOT IN (SELECT report_id FROM checks WHERE rule LIKE 'I5%')
),
stockflow AS (
    SELECT cur.agency, cur.year, 'year' AS period, cur.report_id, cur.path, 'stock_flow_mismatch' AS kind,
           'S1.prev_items' AS rule, split_part(cur.key, '.', 2) AS scope,
           prev.value + chg.value AS expected, cur.value AS actual,
           printf('prev_items %d: %g; prev_items + change %d: %g + %g', cur.year, cur.value, cur.year - 1, prev.value, chg.value) AS detail
    FROM figures cur
    JOIN figures prev
      ON prev.agency = cur.agency AND prev.year = cur.year - 1 AND prev.key = cur.key
    -- item is matched as a column, so the join is on (report, item) and
    -- never pairs every figure of a report with every other first
    JOIN figures chg
      ON chg.report_id = prev.report_id AND chg.item = prev.item AND chg.key = 'art20.' || prev.item || '.change'
    WHERE cur.key LIKE 'art20.%.prev_items' AND abs(prev.value + chg.value - cur.value) > 1e-6
      AND cur.report_id NOT IN (SELECT report_id FROM checks WHERE rule LIKE 'S1%')
),
jumps AS (
    SELECT agency, year, period, report_id, metric, value,
           lag(year) OVER w AS prev_year, lag(value) OVER w AS prev_value
    FROM harmonised
    WINDOW w AS (PARTITION BY agency_no, period, metric_no ORDER BY year)
),
yoy_jump AS (
    SELECT j.agency, j.year, j.period, j.report_id, pr.path, 'yoy_jump' AS kind,
           CASE WHEN j.value > 5 * j.prev_value THEN 'yoy.above_5x' ELSE 'yoy.below_0.2x' END AS rule,
           j.metric AS scope, j.prev_value AS expected, j.value AS actual,
           printf('%s %d → %d: %g → %g (×%.2f)', j.metric, j.prev_year, j.year, j.prev_value, j.value,
                  j.value / j.prev_value) AS detail
    FROM jumps j
    JOIN pr USING (report_id)
    WHERE j.prev_value > 0 AND (j.value > 5 * j.prev_value OR j.value < 0.2 * j.prev_value)
),
spans AS (
    SELECT agency, min(year) AS first_year, max(year) AS last_year
    FROM pr
    WHERE period = 'year'
    GROUP BY agency
),
missing AS (
    SELECT s.agency, s.year, 'year' AS period, NULL AS report_id, NULL AS path, 'missing_year' AS kind,
           'coverage.year' AS rule, NULL AS scope, NULL::DOUBLE AS expected, NULL::DOUBLE AS actual,
           printf('no annual report for %d (reports from %d to %d)', s.year, s.first_year, s.last_year) AS detail
    FROM (SELECT *, unnest(range(first_year + 1, last_year)) AS year FROM spans) s
    ANTI JOIN (SELECT agency, year FROM pr WHERE period = 'year') have
      ON have.agency = s.agency AND have.year = s.year
),
cands AS (
    SELECT report_id,
           string_agg(name || ' (' || concat_ws(', ', source, printf('%g', score), note) || ')', '; '
                      ORDER BY rank) AS list
    FROM agency_candidates
    WHERE report_id IN (SELECT report_id FROM pr)
    GROUP BY report_id
),
unidentified AS (
    SELECT pr.agency, pr.year, pr.period, pr.report_id, pr.path, 'unidentified_agency' AS kind,
           'identity.agency' AS rule, NULL AS scope, NULL::DOUBLE AS expected, NULL::DOUBLE AS actual,
           concat_ws('; ', i.agency_note, 'candidates: ' || c.list,
                     'name it in a manifest or sidecar and re-ingest, or read its figures as anonymous') AS detail
    FROM pr
    LEFT JOIN report_identity i USING (report_id)
    LEFT JOIN cands c USING (report_id)
    WHERE starts_with(pr.agency, '未识别机关:')
),
incomplete AS (
    SELECT pr.agency, pr.year, pr.period, pr.report_id, pr.path, 'incomplete_agency' AS kind,
           'identity.agency' AS rule, NULL AS scope, NULL::DOUBLE AS expected, NULL::DOUBLE AS actual,
           concat_ws('; ', 'the county of this township is open', 'candidates: ' || c.list) AS detail
    FROM pr
    JOIN report_identity i USING (report_id)
    LEFT JOIN cands c USING (report_id)
    WHERE i.agency_incomplete
),
ambiguous AS (
    SELECT pr.agency, pr.year, pr.period, pr.report_id, pr.path, 'ambiguous_figure' AS kind,
           a.reason AS rule, a.key AS scope, NULL::DOUBLE AS expected, NULL::DOUBLE AS actual,
           a.detail AS detail
    FROM ambiguities a
    JOIN pr USING (report_id)
)
SELECT q.agency, q.year, q.period, q.report_id, q.path, q.kind, q.rule, q.scope, q.expected, q.actual, q.detail,
       v.verdict AS review, v.why AS review_note
FROM (
    SELECT * FROM failed
    UNION ALL SELECT * FROM carryover
    UNION ALL SELECT * FROM stockflow
    UNION ALL SELECT * FROM yoy_jump
    UNION ALL SELECT * FROM missing
    UNION ALL SELECT * FROM unidentified
    UNION ALL SELECT * FROM incomplete
    UNION ALL SELECT * FROM ambiguous
) q
LEFT JOIN confirmations v
       ON v.report_id = q.report_id AND v.rule = q.rule
      AND v.scope = CASE WHEN q.scope IS NULL THEN '' ELSE q.scope END
ORDER BY q.agency, q.year, q.period, q.kind, q.rule, q.scope, q.detail
