-- name: rates
-- description: grant, denial, unable-to-provide and correction rates with their numerators and denominators, per agency and recomputed from summed counts per peer group and overall
-- uses: crosswalk, harmonised
-- filter: agency
--
-- rate             numerator                     denominator
-- grant_rate       granted + partial             handled
-- denial_rate      denied                        handled
-- unavailable_rate unavailable                   handled
-- review_correction_rate      review_corrected      review_total
-- litigation_correction_rate  litigation_corrected  litigation_total
--
-- A numerator built from several metrics is blank when any of them is
-- blank; value is NULL when the numerator or the denominator is blank or
-- the denominator is 0 — never 0 and never 100%.
--
-- scope: 'agency' rows are one agency-year. 'peer_group' rows (agency NULL,
-- peer_group = level·agency_kind) and 'all' rows (agency, level, kind and
-- peer_group NULL) sum the numerators and the denominators of the agencies
-- whose numerator and denominator are both known, then divide: a ratio of
-- sums, never an average of ratios. n_agencies counts those agencies.
-- Annual and half-year reports are grouped apart (period).
WITH wide AS (
    SELECT agency, any_value(agency_no) AS agency_no, any_value(agency_kind) AS agency_kind,
           any_value(level) AS level, year, period,
           max(value) FILTER (WHERE metric = 'handled') AS handled,
           max(value) FILTER (WHERE metric = 'granted') AS granted,
           max(value) FILTER (WHERE metric = 'partial') AS partial,
           max(value) FILTER (WHERE metric = 'denied') AS denied,
           max(value) FILTER (WHERE metric = 'unavailable') AS unavailable,
           max(value) FILTER (WHERE metric = 'review_total') AS review_total,
           max(value) FILTER (WHERE metric = 'review_corrected') AS review_corrected,
           max(value) FILTER (WHERE metric = 'litigation_total') AS litigation_total,
           max(value) FILTER (WHERE metric = 'litigation_corrected') AS litigation_corrected,
           bool_or(mapped) FILTER (WHERE metric IN ('handled', 'granted', 'partial', 'denied', 'unavailable',
               'review_total', 'review_corrected', 'litigation_total', 'litigation_corrected')) AS mapped
    FROM harmonised
    GROUP BY agency, year, period
),
long AS (
    SELECT agency, agency_no, agency_kind, level, year, period, mapped,
           CASE WHEN agency_kind IS NOT NULL AND level IS NOT NULL THEN level || '·' || agency_kind END AS peer_group,
           unnest([
               {'rate_no': 1, 'rate': 'grant_rate', 'numerator': granted + partial, 'denominator': handled},
               {'rate_no': 2, 'rate': 'denial_rate', 'numerator': denied, 'denominator': handled},
               {'rate_no': 3, 'rate': 'unavailable_rate', 'numerator': unavailable, 'denominator': handled},
               {'rate_no': 4, 'rate': 'review_correction_rate', 'numerator': review_corrected, 'denominator': review_total},
               {'rate_no': 5, 'rate': 'litigation_correction_rate', 'numerator': litigation_corrected, 'denominator': litigation_total}
           ], recursive := true)
    FROM wide
),
agencies AS (
    SELECT 'agency' AS scope, agency, agency_kind, level, peer_group, year, period, rate, rate_no,
           numerator, denominator, numerator / NULLIF(denominator, 0) AS value,
           CAST(1 AS BIGINT) AS n_agencies, mapped, agency_no
    FROM long
    WHERE numerator IS NOT NULL OR denominator IS NOT NULL
),
known AS (
    SELECT * FROM long WHERE numerator IS NOT NULL AND denominator IS NOT NULL
),
groups AS (
    SELECT 'peer_group' AS scope, NULL AS agency, any_value(agency_kind) AS agency_kind, any_value(level) AS level,
           peer_group, year, period, rate, rate_no,
           sum(numerator) AS numerator, sum(denominator) AS denominator,
           sum(numerator) / NULLIF(sum(denominator), 0) AS value,
           count(*) AS n_agencies, bool_or(mapped) AS mapped, NULL AS agency_no
    FROM known
    WHERE peer_group IS NOT NULL
    GROUP BY peer_group, year, period, rate, rate_no
    UNION ALL
    SELECT 'all', NULL, NULL, NULL, NULL, year, period, rate, rate_no,
           sum(numerator), sum(denominator), sum(numerator) / NULLIF(sum(denominator), 0),
           count(*), bool_or(mapped), NULL
    FROM known
    GROUP BY year, period, rate, rate_no
)
SELECT scope, agency, agency_kind, level, peer_group, year, period, rate, numerator, denominator, value,
       n_agencies, mapped
FROM (SELECT * FROM agencies UNION ALL SELECT * FROM groups)
ORDER BY CASE scope WHEN 'agency' THEN 1 WHEN 'peer_group' THEN 2 ELSE 3 END,
         agency_no, peer_group, year, period, rate_no
