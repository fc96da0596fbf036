-- name: yoy
-- description: year over year per agency × period × metric: previous available year, absolute and % change, gap years, growth since the first year (CAGR)
-- uses: crosswalk, harmonised
-- filter: agency
--
-- prev_year is the previous year with a value (annual and half-year series
-- are kept apart by period); gap is true when that is not year − 1 and NULL
-- in the first year. pct_change = (value − prev_value) / prev_value and is
-- NULL when prev_value is 0. cagr = (value / first_value)^(1 / span_years) − 1
-- over the span from the first year with a value; NULL when the span is 0 or
-- first_value is 0. crosses_break is true when one of the two years is a
-- legacy figure mapped by the crosswalk and the other is not.
WITH series AS (
    SELECT agency, agency_no, period, metric, metric_no, year, value, mapped, approx, report_id,
           lag(year) OVER w AS prev_year,
           lag(value) OVER w AS prev_value,
           lag(mapped) OVER w AS prev_mapped,
           first_value(year) OVER w AS first_year,
           first_value(value) OVER w AS first_value
    FROM harmonised
    WINDOW w AS (PARTITION BY agency_no, period, metric_no ORDER BY year
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT agency, period, metric, year, value, prev_year, prev_value,
       value - prev_value AS abs_change,
       CASE WHEN prev_value <> 0 THEN (value - prev_value) / prev_value END AS pct_change,
       prev_year <> year - 1 AS gap,
       first_year, first_value,
       year - first_year AS span_years,
       CASE WHEN year > first_year AND first_value > 0 AND value >= 0
            THEN pow(value / first_value, 1.0 / (year - first_year)) - 1 END AS cagr,
       mapped, approx,
       mapped <> prev_mapped AS crosses_break,
       report_id
FROM series
ORDER BY agency_no, period, metric_no, year
