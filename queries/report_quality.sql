-- name: report_quality
-- description: per agency-year (the preferred annual report): timeliness, completeness, consistency and copying side by side, a quality score and its rank in the peer group and year
-- uses: timeliness, completeness, similarity, trust
--
-- One row per preferred annual report, from the four report-quality
-- measures (see each query):
--   on_time         1 when published by the deadline, 0 when late or
--                   dated before its period ended; NULL without a date or
--                   a deadline (never assumed either way)
--   completeness    completeness.completeness
--   pass_share      trust.pass_share: the share of its assessable checks
--                   that pass
--   original_share  1 − the larger of prev_share and closest_share: the
--                   share of its counted sentences not repeated from last
--                   year's report or the closest peer's (a peer that
--                   published later took this report's text and does not
--                   count against it); NULL when the report could not be
--                   assessed (too few sentences, no facts)
--   quality_score   the mean of those of the four that are known; NULL
--                   when none is. A plain mean: each measure counts the
--                   same, and a missing one is left out, not taken as 0.
-- peer_group = level·agency_kind, as in peers; quality_rank ranks the
-- score within peer group and year (1 = best; ties share a rank) and
-- peer_n counts the ranked reports. Reports without a peer group are
-- ranked among themselves by year only (peer_group NULL).
WITH t AS (SELECT * FROM timeliness WHERE preferred AND period = 'year'),
j AS (
    SELECT t.agency, t.agency_kind, t.level,
           CASE WHEN t.agency_kind IS NOT NULL AND t.level IS NOT NULL THEN t.level || '·' || t.agency_kind END AS peer_group,
           t.year, t.report_id, t.path, t.form,
           t.status AS timeliness_status, t.deadline_basis, t.days_late,
           CASE t.status WHEN 'on_time' THEN 1.0 WHEN 'late' THEN 0.0 WHEN 'before_period_end' THEN 0.0 END AS on_time,
           c.completeness, c.missing_parts, c.missing_rows,
           tr.pass_share, tr.checks_fail,
           s.copy_status, s.prev_share, s.closest_share, s.closest_agency, s.stale_figures,
           -- the peer's share counts unless the peer published later (it
           -- took this report's text); a report with no last year and no
           -- peer sharing its sentences repeated none: 0, not a blank figure
           CASE WHEN s.copy_status NOT IN ('no_facts', 'too_few_sentences', 'half_year')
                THEN 1 - coalesce(greatest(s.prev_share, -- lint:allow-coalesce
                                           CASE WHEN s.closest_published > s.published THEN 0 ELSE s.closest_share END), 0)
           END AS original_share
    FROM t
    LEFT JOIN completeness c USING (report_id)
    LEFT JOIN trust tr USING (report_id)
    LEFT JOIN similarity s USING (report_id)
),
scored AS (
    SELECT *,
           list_avg(list_filter([on_time, completeness, pass_share, original_share], lambda x: x IS NOT NULL)) AS quality_score
    FROM j
)
SELECT agency, agency_kind, level, peer_group, year, report_id, path, form,
       timeliness_status, deadline_basis, days_late, on_time,
       completeness, missing_parts, missing_rows,
       pass_share, checks_fail,
       copy_status, prev_share, closest_share, closest_agency, stale_figures, original_share,
       quality_score,
       CASE WHEN quality_score IS NOT NULL
            THEN rank() OVER (PARTITION BY peer_group, year, quality_score IS NULL ORDER BY quality_score DESC) END AS quality_rank,
       count(quality_score) OVER (PARTITION BY peer_group, year) AS peer_n
FROM scored
ORDER BY peer_group NULLS LAST, year, quality_rank NULLS LAST, agency
