-- name: dataset
-- description: the harmonised dataset in long form (xxgk export): every row of `harmonised` with its agency, unit, kind of value, flags, report and source text, plus a row with no value where the report printed the metric blank
-- uses: harmonised, crosswalk, dataset_metrics
-- cache: no
-- filter: agency
--
-- Not cached: it is as large as harmonised and read whole once per export;
-- it reads harmonised's cache when that is fresh.
--
-- Rows of value_kind 'number' are the rows of harmonised, value for value
-- and in the same order (the export tests hold them equal).
--
-- Blank is kept as blank, never 0: for a preferred report and a metric
-- where no crosswalk rule applies because a part of the rule is printed
-- empty ('' or —) or not applicable ('/' or 无), one row has value NULL and
-- value_kind the kind of that cell ('empty' or 'not_applicable'). Its
-- part, mapped, confidence and source_keys are those of the first such
-- part of the rule with the smallest step; approx is NULL (there is no
-- figure). A metric the report does not print at all has no row.
--
-- source is the text behind the figure, each part as printed: a table cell
-- as "row × column：text", a sentence as it stands; the parts of a sum are
-- joined by " | " in the order of the rule's keys, a text shared by several
-- parts once.
-- agency_id is the first 12 hex digits of the SHA-256 of the agency's name:
-- the stem of its page on the site, and a short key for joins.
-- agency_aliases (other printed names, joined by "|") and division_code
-- (the 6-digit administrative division code) are NULL until
-- identification stores them with the report.
WITH reps AS MATERIALIZED (
    -- the era as harmonised decides it
    SELECT p.id AS report_id, p.agency, NULLIF(p.agency_kind, '') AS agency_kind, p.level, p.province, p.city,
           p.year, p.period, p.form,
           CASE WHEN p.form IN ('table2019', 'table2021') OR (p.form = 'narrative' AND p.year >= 2019)
                THEN 'modern' ELSE 'legacy' END AS era
    FROM preferred_reports p
    WHERE TRUE /* filter: agency */
),
texts AS (
    SELECT m.report_id, m.key, m.kind,
           CASE WHEN m.source = 'table' AND (m.row_label IS NOT NULL OR m.col_label IS NOT NULL)
                THEN concat_ws(' × ', m.row_label, m.col_label) || '：' || m.provenance
                ELSE m.provenance END AS text
    FROM metrics m
    JOIN reps r USING (report_id)
),
number_parts AS (
    SELECT report_id, metric, unnest(ks) AS key, unnest(range(1, len(ks) + 1)) AS part_no
    FROM (SELECT report_id, metric, string_split(source_keys, ' + ') AS ks FROM harmonised)
),
number_src AS (
    SELECT report_id, metric, string_agg(text, ' | ' ORDER BY part_no) AS source
    FROM (SELECT n.report_id, n.metric, t.text, min(n.part_no) AS part_no
          FROM number_parts n
          JOIN texts t ON t.report_id = n.report_id AND t.key = n.key
          GROUP BY n.report_id, n.metric, t.text)
    GROUP BY report_id, metric
),
rule_parts AS (
    SELECT metric_no, metric, step, era, mapped, confidence, source_keys,
           unnest(ks) AS key, unnest(range(1, len(ks) + 1)) AS part_no
    FROM (SELECT *, string_split(source_keys, ' + ') AS ks
          FROM (SELECT *, CASE WHEN era = 'legacy' THEN legacy_source ELSE modern_source END AS source_keys
                FROM crosswalk))
),
blank_parts AS (
    SELECT t.report_id, p.metric_no, p.metric, p.step, p.part_no, p.mapped, p.confidence, p.source_keys,
           t.kind, t.text
    FROM texts t
    JOIN reps r USING (report_id)
    JOIN rule_parts p ON p.key = t.key AND p.era IN (r.era, 'any')
    WHERE t.kind <> 'number'
),
blanks AS (
    SELECT report_id, metric_no, any_value(metric) AS metric,
           arg_min(kind, step * 1000 + part_no) AS value_kind,
           arg_min(mapped, step * 1000 + part_no) AS mapped,
           arg_min(confidence, step * 1000 + part_no) AS confidence,
           arg_min(source_keys, step * 1000 + part_no) AS source_keys,
           arg_min(text, step * 1000 + part_no) AS source
    FROM blank_parts b
    WHERE NOT EXISTS (SELECT 1 FROM harmonised h WHERE h.report_id = b.report_id AND h.metric = b.metric)
    GROUP BY report_id, metric_no
),
all_rows AS (
    SELECT h.report_id, h.metric_no, h.metric, h.value, 'number' AS value_kind, h.approx, h.mapped,
           h.confidence, h.source_keys, s.source
    FROM harmonised h
    LEFT JOIN number_src s USING (report_id, metric)
    UNION ALL
    SELECT report_id, metric_no, metric, NULL, value_kind, NULL, mapped, confidence, source_keys, source
    FROM blanks
)
SELECT left(sha256(r.agency), 12) AS agency_id, r.agency,
       CAST(NULL AS VARCHAR) AS agency_aliases, CAST(NULL AS VARCHAR) AS division_code,
       r.level, r.province, r.city, r.agency_kind, r.year, r.period, r.form,
       x.metric, d.label, d.unit, x.value, x.value_kind, x.approx, x.mapped, x.confidence, x.source_keys,
       x.report_id, x.source
FROM all_rows x
JOIN reps r USING (report_id)
JOIN dataset_metrics d USING (metric)
ORDER BY r.agency, r.year, r.period, x.metric_no
