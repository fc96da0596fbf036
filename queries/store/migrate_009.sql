-- schema version 9: the 6-digit administrative division code of each
-- report's agency (etl/detect/divisions.Code of its name, level, province
-- and city), stored by etl/load with the report, so the dataset and the
-- workbooks read one code instead of deriving it each. NULL when the place
-- cannot be told (never a guessed code). A database written before this
-- version gets its codes when it is next opened for writing (etl/load
-- refreshDivisions), as it does the kinds of body.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS division_code VARCHAR;

-- An agency correction carries the code of the corrected name (computed by
-- etl/correct with the report's level, province and city), as it carries
-- its kind of body.
ALTER TABLE corrections ADD COLUMN IF NOT EXISTS division_code VARCHAR;

-- The views of schema version 8, redefined so their columns include the
-- new ones (a view's * is bound when the view is created).
CREATE OR REPLACE VIEW corrections_in_force AS
SELECT * EXCLUDE (rn) FROM (
    SELECT c.*, row_number() OVER (PARTITION BY report_id, field ORDER BY seq DESC) AS rn
    FROM corrections c
    WHERE report_id IS NOT NULL
) WHERE rn = 1;

CREATE OR REPLACE VIEW report_fixes AS
SELECT report_id,
       max(text_value) FILTER (WHERE field = 'agency') AS agency,
       max(agency_kind) FILTER (WHERE field = 'agency') AS agency_kind,
       max(division_code) FILTER (WHERE field = 'agency') AS division_code,
       max(TRY_CAST(text_value AS INTEGER)) FILTER (WHERE field = 'year') AS year,
       max(text_value) FILTER (WHERE field = 'period') AS period,
       max(text_value) FILTER (WHERE field = 'form') AS form,
       bool_or(field = 'not_a_report' AND text_value = 'true') AS not_a_report
FROM corrections_in_force
WHERE kind = 'text'
GROUP BY report_id;

-- A corrected agency takes the code of its corrected name.
CREATE OR REPLACE VIEW corrected_reports AS
SELECT r.* REPLACE (
           CASE WHEN f.agency IS NULL THEN r.agency ELSE f.agency END AS agency,
           CASE WHEN f.agency IS NULL THEN r.agency_kind ELSE f.agency_kind END AS agency_kind,
           CASE WHEN f.agency IS NULL THEN r.division_code ELSE f.division_code END AS division_code,
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
