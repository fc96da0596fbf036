-- name: metric_extremes
-- description: the agencies at both ends of each comparable metric and rate per year: the 20 largest and the 20 smallest values, with how many agencies were ranked and how many share the value
-- uses: crosswalk, harmonised, rates
--
-- Annual reports only. kind 'metric' rows read `harmonised`, kind 'rate'
-- rows the agency rows of `rates`; a blank figure has no row and is never
-- ranked as 0. A rate is ranked only when its denominator is at least 10:
-- one application granted of one is 100%, which says nothing about the
-- agency (the distribution, `metric_distribution`, keeps every rate).
-- top_rank 1 is the largest value, bottom_rank 1 the smallest; ties are
-- broken by agency name, and n_equal says how many ranked agencies have
-- exactly this value (so "the smallest" of 300 agencies printing 0 reads
-- as one of 300). n counts the agencies ranked that year. A row is kept
-- when either rank is at most 20 (the pages show 10, leaving room for the
-- agencies they keep out of rankings: names not recognised or not saying
-- where the body is). report_id and source_keys say where a metric's value
-- was read; numerator and denominator are a rate's counts.
WITH vals AS (
    SELECT 'metric' AS kind, metric AS indicator, agency, year, value, mapped, approx,
           report_id, source_keys, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator
    FROM harmonised
    WHERE period = 'year'
    UNION ALL
    SELECT 'rate', rate, agency, year, value, mapped, NULL, NULL, NULL, numerator, denominator
    FROM rates
    WHERE scope = 'agency' AND period = 'year' AND value IS NOT NULL AND denominator >= 10
),
ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY kind, indicator, year ORDER BY value DESC, agency) AS top_rank,
           row_number() OVER (PARTITION BY kind, indicator, year ORDER BY value ASC, agency) AS bottom_rank,
           count(*) OVER (PARTITION BY kind, indicator, year) AS n,
           count(*) OVER (PARTITION BY kind, indicator, year, value) AS n_equal
    FROM vals
)
SELECT kind, indicator, year, agency, value, top_rank, bottom_rank, n, n_equal,
       numerator, denominator, mapped, approx, report_id, source_keys
FROM ranked
WHERE top_rank <= 20 OR bottom_rank <= 20
ORDER BY kind, indicator, year, top_rank
