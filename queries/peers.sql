-- name: peers
-- description: each agency against all agencies and its peers (same level and kind) per year and metric: rank, peer rank, peer median, percentile and outliers
-- uses: crosswalk, harmonised
--
-- Annual reports only: a half-year figure is not comparable with a year.
-- rank: 1 = the largest value among all agencies that year (ties share a
-- rank). peer_group = level·agency_kind (e.g. city·司法局); agencies whose
-- level or kind is unknown have no peer group and no peer statistics; so
-- have the agencies kept out of comparisons (未识别机关:FILE, names without
-- a place such as 市司法局), whose stored kind is NULL by the one rule of
-- etl/load/kinds.Exclusion (the site's overview follows it too): they take
-- no peer rank and count in no one's peer_n, median or percentile. The
-- rank over all agencies (rank, n) still counts them.
-- percentile = 100 × (peers with a smaller value) / (peer_n − 1), NULL when
-- the agency has no peer. outlier: outside the Tukey fences
-- [q1 − 1.5·IQR, q3 + 1.5·IQR] of the peer group, assessed only when
-- peer_n ≥ 4 (smaller groups are NULL).
WITH base AS (
    SELECT agency, agency_no, agency_kind, level,
           CASE WHEN agency_kind IS NOT NULL AND level IS NOT NULL THEN level || '·' || agency_kind END AS peer_group,
           year, metric, metric_no, value, mapped, approx
    FROM harmonised
    WHERE period = 'year'
),
-- Peer statistics once per group, then joined: cheaper than window
-- quantiles.
stats AS (
    SELECT peer_group, year, metric,
           count(*) AS peer_n,
           median(value) AS peer_median,
           quantile_cont(value, 0.25) AS peer_q1,
           quantile_cont(value, 0.75) AS peer_q3
    FROM base
    WHERE peer_group IS NOT NULL
    GROUP BY peer_group, year, metric
),
-- Two sorts, not four: the counts use the ordering of their rank, and the
-- percentile rank (share of peers with a smaller value) is derived from the
-- descending peer rank and the number of peers with the same value,
-- exactly as percent_rank() computes it: (n − larger − equal) / (n − 1).
ranked AS (
    SELECT *,
           rank() OVER wa AS rank,
           count(*) OVER (wa ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n,
           rank() OVER wp AS peer_rank,
           count(*) OVER (wp ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n_group,
           count(*) OVER (wp RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS n_equal
    FROM base
    WINDOW wa AS (PARTITION BY year, metric_no ORDER BY value DESC),
           wp AS (PARTITION BY peer_group, year, metric_no ORDER BY value DESC)
)
SELECT r.agency, r.agency_kind, r.level, r.peer_group, r.year, r.metric, r.value, r.rank, r.n,
       CASE WHEN r.peer_group IS NOT NULL THEN r.peer_rank END AS peer_rank,
       s.peer_n, s.peer_median,
       CASE WHEN s.peer_n > 1
            THEN 100 * (CAST(r.n_group - r.peer_rank + 1 - r.n_equal AS DOUBLE) / (r.n_group - 1)) END AS percentile,
       CASE WHEN s.peer_n >= 4 THEN s.peer_q1 END AS peer_q1,
       CASE WHEN s.peer_n >= 4 THEN s.peer_q3 END AS peer_q3,
       CASE WHEN s.peer_n >= 4
            THEN r.value < s.peer_q1 - 1.5 * (s.peer_q3 - s.peer_q1) OR r.value > s.peer_q3 + 1.5 * (s.peer_q3 - s.peer_q1) END AS outlier,
       r.mapped, r.approx
FROM ranked r
LEFT JOIN stats s USING (peer_group, year, metric)
ORDER BY r.year, r.metric_no, r.rank, r.agency_no
