-- name: harmonised
-- description: one row per agency × year × period × comparable metric from the preferred report, legacy figures mapped onto the 2019/2021 categories by `crosswalk`
-- uses: crosswalk
-- filter: agency
--
-- How a value is chosen (the crosswalk rows are the logic):
--   * only the preferred report of each agency × year × period is read; a
--     half-year report (period 'h1') stays apart from the annual one;
--   * a report's era is 'modern' for the 2019/2021 tables and for narratives
--     of 2019 and later, 'legacy' otherwise;
--   * a rule applies when every one of its source keys is printed as a
--     number; its value is their sum. Blank, '/' and missing cells make the
--     rule inapplicable: nothing is summed as 0;
--   * of the applicable rules the one with the smallest step wins, so a
--     printed total beats a sum of parts;
--   * no applicable rule, no row: a missing figure is absent, never 0.
-- approx is true when any summed figure was printed with 余/多/近/约.
-- corrected is true when any summed figure is a human correction
-- (corrected_metrics, etl/correct); correction_why gives the reasons.
-- agency_no numbers the agencies in name order (for fast partitions in the
-- queries built on this one; it changes when agencies are added). It is
-- numbered over every agency, so a run filtered to some agencies (the
-- placeholder in reps) gives them the numbers of the whole result.
WITH agencies AS MATERIALIZED (
    SELECT agency, row_number() OVER (ORDER BY agency) AS agency_no
    FROM (SELECT DISTINCT agency FROM corrected_reports)
),
reps AS MATERIALIZED (
    -- rep_no numbers the reports in output order, so the groupings and the
    -- final sort work on integers rather than on names and 64-character ids.
    SELECT row_number() OVER (ORDER BY agency, year, period) AS rep_no,
           a.agency_no, p.id AS report_id, agency, NULLIF(p.agency_kind, '') AS agency_kind, p.level, p.province, p.city,
           p.year, p.period, p.form,
           CASE WHEN p.form IN ('table2019', 'table2021') OR (p.form = 'narrative' AND p.year >= 2019)
                THEN 'modern' ELSE 'legacy' END AS era
    FROM preferred_reports p
    JOIN agencies a USING (agency)
    WHERE TRUE /* filter: agency */
),
rules AS (
    SELECT row_number() OVER (ORDER BY metric_no, era, step) AS rule_no,
           metric_no, metric, label, step, era, mapped, confidence,
           CASE WHEN era = 'legacy' THEN legacy_source ELSE modern_source END AS source_keys
    FROM crosswalk
),
parts AS (
    SELECT rule_no, era, len(string_split(source_keys, ' + ')) AS n_parts,
           unnest(string_split(source_keys, ' + ')) AS key
    FROM rules
),
-- Each rule whose parts are all printed as numbers in a preferred report
-- of its era. Grouping by the small rule number keeps this fast.
applicable AS (
    SELECT r.rep_no, p.rule_no, sum(m.value) AS value, bool_or(m.approx) AS approx,
           bool_or(m.corrected) AS corrected, string_agg(m.correction_why, '；') AS correction_why
    FROM corrected_metrics m
    JOIN parts p ON p.key = m.key
    JOIN reps r ON r.report_id = m.report_id AND p.era IN (r.era, 'any')
    WHERE m.kind = 'number' AND m.value IS NOT NULL
    GROUP BY r.rep_no, p.rule_no
    HAVING count(*) = any_value(p.n_parts)
),
-- The applicable rule with the smallest step wins.
chosen AS (
    SELECT a.rep_no, u.metric_no,
           arg_min(a.rule_no, u.step) AS rule_no,
           arg_min(a.value, u.step) AS value,
           arg_min(a.approx, u.step) AS approx,
           arg_min(a.corrected, u.step) AS corrected,
           arg_min_null(a.correction_why, u.step) AS correction_why
    FROM applicable a
    JOIN rules u USING (rule_no)
    GROUP BY a.rep_no, u.metric_no
)
SELECT r.agency, r.agency_kind, r.level, r.province, r.city, r.year, r.period,
       u.metric, c.value, u.mapped, c.approx, r.form, r.report_id, u.source_keys,
       u.label, u.step, u.confidence, r.era, u.metric_no, r.agency_no,
       c.corrected, c.correction_why
FROM chosen c
JOIN rules u USING (rule_no)
JOIN reps r USING (rep_no)
ORDER BY c.rep_no, u.metric_no
