-- name: metric_distribution
-- description: per comparable metric and rate × year, over all agencies and per peer group: how many agencies, their quartiles, median, least and largest value, and the median change from the year before
-- uses: crosswalk, harmonised, rates
--
-- Annual reports only; a half-year figure is not comparable with a year.
-- kind 'metric' rows read `harmonised` (one value per agency-year, legacy
-- figures mapped by the crosswalk); kind 'rate' rows read the agency rows
-- of `rates` that have a value (a zero or blank denominator has none).
-- A blank figure has no row, so it is never counted as 0.
--
-- scope 'all' is every agency (peer_group NULL); scope 'peer_group' is
-- level·agency_kind, as `peers` groups them (agencies whose level or kind
-- is unknown are in 'all' only).
-- n counts the agencies with a value; n_mapped those whose value was mapped
-- from a legacy table. q1, median and q3 interpolate (quantile_cont), as
-- `peers` does.
-- Change from the year before, for agencies with a value in this year AND
-- in the year just before (a gap year gives no change):
--   metrics: (value − previous) / previous, none when the previous is 0;
--   rates:   value − previous, a difference of two ratios (× 100 = 百分点).
-- n_change counts those agencies, median_change is the median of their
-- changes: the typical agency's change, not the change of a total.
WITH vals AS (
    SELECT 'metric' AS kind, metric AS indicator, agency, year, value, mapped,
           CASE WHEN agency_kind IS NOT NULL AND level IS NOT NULL THEN level || '·' || agency_kind END AS peer_group
    FROM harmonised
    WHERE period = 'year'
    UNION ALL
    SELECT 'rate', rate, agency, year, value, mapped, peer_group
    FROM rates
    WHERE scope = 'agency' AND period = 'year' AND value IS NOT NULL
),
changes AS (
    SELECT *,
           lag(year) OVER w AS prev_year,
           lag(value) OVER w AS prev_value
    FROM vals
    WINDOW w AS (PARTITION BY kind, indicator, agency ORDER BY year)
),
changed AS (
    SELECT *,
           CASE WHEN prev_year <> year - 1 THEN NULL
                WHEN kind = 'rate' THEN value - prev_value
                WHEN prev_value <> 0 THEN (value - prev_value) / prev_value END AS change
    FROM changes
),
stats AS (
    SELECT kind, indicator, year, 'all' AS scope, NULL AS peer_group,
           count(*) AS n, count(*) FILTER (WHERE mapped) AS n_mapped,
           min(value) AS min, quantile_cont(value, 0.25) AS q1, median(value) AS median,
           quantile_cont(value, 0.75) AS q3, max(value) AS max,
           count(change) AS n_change, median(change) AS median_change
    FROM changed
    GROUP BY kind, indicator, year
    UNION ALL
    SELECT kind, indicator, year, 'peer_group', peer_group,
           count(*), count(*) FILTER (WHERE mapped),
           min(value), quantile_cont(value, 0.25), median(value),
           quantile_cont(value, 0.75), max(value),
           count(change), median(change)
    FROM changed
    WHERE peer_group IS NOT NULL
    GROUP BY kind, indicator, year, peer_group
)
SELECT kind, indicator, year, scope, peer_group, n, n_mapped, min, q1, median, q3, max, n_change, median_change
FROM stats
ORDER BY kind, indicator, year, scope, peer_group
