-- name: peers
-- description: each agency against all agencies and its peers (same level and kind) per year and metric: rank, peer rank, peer median, percentile and outliers
-- uses: crosswalk, harmonised
--
-- Annual reports only: a half-year figure is not comparable with a year.
-- rank: 1 = the largest value among all agencies that year (ties share a
-- rank). peer_group = level·agency_kind (e.g. city·司法局); agencies whose
-- level or kind is unknown have no peer group and no peer statistics.
-- percentile = 100 × (peers with a smaller value) / (peer_n − 1), NULL when
-- the agency has no peer. outlier: outside the Tukey fences
-- [q1 − 1.5·IQR, q3 + 1.5·IQR] of the peer group, assessed only when
-- peer_n ≥ 4 (smaller groups are NULL).
WITH base AS (
    SELECT agency, agency_kind, level,
           CASE WHEN agency_kind IS NOT NULL AND level IS NOT NULL THEN level || '·' || agency_kind END AS peer_group,
           year, metric, metric_no, value, mapped, approx
    FROM harmonised
    WHERE period = 'year'
),
ranked AS (
    SELECT *,
           rank() OVER (PARTITION BY year, metric ORDER BY value DESC) AS rank,
           count(*) OVER (PARTITION BY year, metric) AS n,
           rank() OVER g_desc AS peer_rank,
           count(*) OVER g AS peer_n,
           median(value) OVER g AS peer_median,
           quantile_cont(value, 0.25) OVER g AS peer_q1,
           quantile_cont(value, 0.75) OVER g AS peer_q3,
           percent_rank() OVER g_asc AS pr
    FROM base
    WINDOW g AS (PARTITION BY peer_group, year, metric),
           g_desc AS (PARTITION BY peer_group, year, metric ORDER BY value DESC),
           g_asc AS (PARTITION BY peer_group, year, metric ORDER BY value)
)
SELECT agency, agency_kind, level, peer_group, year, metric, value, rank, n,
       CASE WHEN peer_group IS NOT NULL THEN peer_rank END AS peer_rank,
       CASE WHEN peer_group IS NOT NULL THEN peer_n END AS peer_n,
       CASE WHEN peer_group IS NOT NULL THEN peer_median END AS peer_median,
       CASE WHEN peer_group IS NOT NULL AND peer_n > 1 THEN 100 * pr END AS percentile,
       CASE WHEN peer_group IS NOT NULL AND peer_n >= 4 THEN peer_q1 END AS peer_q1,
       CASE WHEN peer_group IS NOT NULL AND peer_n >= 4 THEN peer_q3 END AS peer_q3,
       CASE WHEN peer_group IS NOT NULL AND peer_n >= 4
            THEN value < peer_q1 - 1.5 * (peer_q3 - peer_q1) OR value > peer_q3 + 1.5 * (peer_q3 - peer_q1) END AS outlier,
       mapped, approx
FROM ranked
ORDER BY year, metric_no, rank, agency
