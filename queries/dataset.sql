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
-- empty (an empty cell, - or —) or not applicable (/, 无, 不适用), one row
-- has value NULL and value_kind the kind of that cell ('empty' or
-- 'not_applicable'); its mapped, confidence, source_keys and source are
-- those of the first such part of the applicable-era rule with the
-- smallest step, and approx is NULL (there is no figure). A metric the
-- report does not print at all has no row.
--
-- source is the text behind the figure, each part as printed: a table cell
-- as "row × column：text", a sentence as it stands; the parts of a sum are
-- joined by " | " in the order of the rule's keys.
-- agency_id is the first 12 hex digits of the SHA-256 of the agency's name:
-- the stem of its page on the site, and a short key for joins.
-- agency_aliases are the other spellings of the agency that any of its
-- stored reports prints (report_identity, from identification: 临夏州,
-- 住建局, a former name), sorted and joined by "|"; NULL when none does.
-- division_code is the 6-digit administrative division code etl/load
-- stores with the preferred report (etl/detect/divisions.Code of its
-- agency's name, level, province and city; a corrected agency's that of
-- the corrected name); NULL when the place cannot be told.
WITH reps AS MATERIALIZED (
    -- the era as harmonised decides it; rep_no numbers the reports in
    -- output order, so the final sort is on integers.
    SELECT row_number() OVER (ORDER BY p.agency, p.year, p.period) AS rep_no,
           p.id AS report_id, left(sha256(p.agency), 12) AS agency_id, p.agency,
           NULLIF(p.agency_kind, '') AS agency_kind, NULLIF(p.division_code, '') AS division_code, p.level, p.province, p.city, p.year, p.period, p.form,
           CASE WHEN p.form IN ('table2019', 'table2021') OR (p.form = 'narrative' AND p.year >= 2019)
                THEN 'modern' ELSE 'legacy' END AS era
    FROM preferred_reports p
    WHERE TRUE /* filter: agency */
),
-- The text behind each part of each figure: one join of harmonised's keys
-- with the stored cells. A figure of one part (most) takes its text as it
-- is; the texts of the parts of a sum are joined in the order of its keys.
part_texts AS (
    SELECT n.report_id, n.metric, n.part_no, n.n_parts,
           CASE WHEN m.source = 'table' AND (m.row_label IS NOT NULL OR m.col_label IS NOT NULL)
                THEN concat_ws(' × ', m.row_label, m.col_label) || '：' || m.provenance
                ELSE m.provenance END AS text
    FROM (SELECT report_id, metric, len(ks) AS n_parts, unnest(ks) AS key, unnest(range(1, len(ks) + 1)) AS part_no
          FROM (SELECT report_id, metric, string_split(source_keys, ' + ') AS ks FROM harmonised)) n
    JOIN metrics m ON m.report_id = n.report_id AND m.key = n.key
),
number_src AS (
    SELECT report_id, metric, text AS source
    FROM part_texts
    WHERE n_parts = 1
    UNION ALL
    SELECT report_id, metric,
           string_agg(text, ' | ' ORDER BY part_no)
    FROM part_texts
    WHERE n_parts > 1
    GROUP BY report_id, metric
),
rule_parts AS (
    SELECT metric_no, metric, step, era, mapped, confidence, source_keys,
           unnest(ks) AS key, unnest(range(1, len(ks) + 1)) AS part_no
    FROM (SELECT *, string_split(source_keys, ' + ') AS ks
          FROM (SELECT *, CASE WHEN era = 'legacy' THEN legacy_source ELSE modern_source END AS source_keys
                FROM crosswalk))
),
-- Every blank or not-applicable cell that is a part of a rule of its era.
blank_parts AS (
    SELECT m.report_id, p.metric_no, p.metric, p.step * 1000 + p.part_no AS part_rank, p.mapped, p.confidence,
           p.source_keys, m.kind,
           CASE WHEN m.source = 'table' AND (m.row_label IS NOT NULL OR m.col_label IS NOT NULL)
                THEN concat_ws(' × ', m.row_label, m.col_label) || '：' || m.provenance
                ELSE m.provenance END AS text
    FROM metrics m
    JOIN reps r USING (report_id)
    JOIN rule_parts p ON p.key = m.key AND p.era IN (r.era, 'any')
    WHERE m.kind <> 'number'
),
blanks AS (
    SELECT report_id, metric_no,
           arg_min({'metric': metric, 'value_kind': kind, 'mapped': mapped, 'confidence': confidence,
                    'source_keys': source_keys, 'source': text}, part_rank) AS b
    FROM blank_parts
    ANTI JOIN harmonised h USING (report_id, metric)
    GROUP BY report_id, metric_no
),
aliases AS (
    SELECT r.agency, array_to_string(list_sort(list_distinct(list(a.alias))), '|') AS agency_aliases
    FROM (SELECT DISTINCT agency FROM reps) g
    JOIN reports r ON r.agency = g.agency
    JOIN (SELECT report_id, unnest(agency_aliases) AS alias FROM report_identity) a ON a.report_id = r.id
    WHERE a.alias <> r.agency AND trim(a.alias) <> ''
    GROUP BY r.agency
),
all_rows AS (
    SELECT h.report_id, h.metric_no, h.metric, h.value, 'number' AS value_kind, h.approx, h.mapped,
           h.confidence, h.source_keys, s.source
    FROM harmonised h
    LEFT JOIN number_src s USING (report_id, metric)
    UNION ALL
    SELECT report_id, metric_no, b.metric, NULL, b.value_kind, NULL, b.mapped, b.confidence, b.source_keys, b.source
    FROM blanks
)
SELECT r.agency_id, r.agency,
       al.agency_aliases, r.division_code,
       r.level, r.province, r.city, r.agency_kind, r.year, r.period, r.form,
       x.metric, d.label, d.unit, x.value, x.value_kind, x.approx, x.mapped, x.confidence, x.source_keys,
       x.report_id, x.source
FROM all_rows x
JOIN reps r USING (report_id)
JOIN dataset_metrics d USING (metric)
LEFT JOIN aliases al ON al.agency = r.agency
ORDER BY r.rep_no, x.metric_no
