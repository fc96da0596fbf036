-- schema version 10: an agency correction files the report under the
-- corrected body. The level, province and city of the corrected name
-- (etl/detect.Place, stored by etl/correct.Apply; NULL when the name does
-- not place) replace the report's own in corrected_reports, so peer
-- groups, ranks, pages and workbooks put a report corrected from a city
-- department to a county government among the county governments, and
-- its division code (etl/correct setDivisionCodes) is the county's.
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS agency_level VARCHAR;
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS agency_province VARCHAR;
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS agency_city VARCHAR;

-- The views of schema version 9, redefined so their columns include the
-- new ones (a view's * is bound when the view is created).
CREATE OR REPLACE VIEW corrections_in_force AS
SELECT * EXCLUDE (rn) FROM (
    SELECT c.*, row_number() OVER (PARTITION BY report_id, field ORDER BY seq DESC) AS rn
    FROM corrections c
    WHERE report_id IS NOT NULL
) WHERE rn = 1;

-- placed is true when the corrected name placed the body: then its level,
-- province and city replace the report's together (a county government
-- named outright has no department's city to keep), else the report keeps
-- its own place.
CREATE OR REPLACE VIEW report_fixes AS
SELECT report_id,
       max(text_value) FILTER (WHERE field = 'agency') AS agency,
       max(agency_kind) FILTER (WHERE field = 'agency') AS agency_kind,
       max(division_code) FILTER (WHERE field = 'agency') AS division_code,
       bool_or(field = 'agency' AND agency_level IS NOT NULL) AS placed,
       max(agency_level) FILTER (WHERE field = 'agency') AS level,
       max(agency_province) FILTER (WHERE field = 'agency') AS province,
       max(agency_city) FILTER (WHERE field = 'agency') AS city,
       max(TRY_CAST(text_value AS INTEGER)) FILTER (WHERE field = 'year') AS year,
       max(text_value) FILTER (WHERE field = 'period') AS period,
       max(text_value) FILTER (WHERE field = 'form') AS form,
       bool_or(field = 'not_a_report' AND text_value = 'true') AS not_a_report
FROM corrections_in_force
WHERE kind = 'text'
GROUP BY report_id;

CREATE OR REPLACE VIEW corrected_reports AS
SELECT r.* REPLACE (
           CASE WHEN f.agency IS NULL THEN r.agency ELSE f.agency END AS agency,
           CASE WHEN f.agency IS NULL THEN r.agency_kind ELSE f.agency_kind END AS agency_kind,
           CASE WHEN f.agency IS NULL THEN r.division_code ELSE f.division_code END AS division_code,
           CASE WHEN f.placed IS TRUE THEN f.level ELSE r.level END AS level,
           CASE WHEN f.placed IS TRUE THEN f.province ELSE r.province END AS province,
           CASE WHEN f.placed IS TRUE THEN f.city ELSE r.city END AS city,
           CASE WHEN f.year IS NULL THEN r.year ELSE f.year END AS year,
           CASE WHEN f.period IS NULL THEN r.period ELSE f.period END AS period,
           CASE WHEN f.form IS NULL THEN r.form ELSE f.form END AS form)
FROM reports r
LEFT JOIN report_fixes f ON f.report_id = r.id
WHERE f.not_a_report IS NOT TRUE;

CREATE OR REPLACE VIEW preferred_reports AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*,
           row_number() OVER (
               PARTITION BY agency, year, period
               ORDER BY current DESC, published DESC NULLS LAST, n_figures DESC,
                       ingested_at DESC, id
           ) AS rn
    FROM corrected_reports r
) WHERE rn = 1;
