-- schema version 8: human corrections and confirmations, an overlay on the
-- machine's reading (etl/correct). The corrections file (corrections.csv)
-- is the record; this table is its copy, rewritten from the file on every
-- ingest and build, so a correction survives any regeneration while the
-- extracted metrics and reports rows stay exactly as the parser left them.
-- One row per valid line of the file, in file order: a later line for the
-- same report and field supersedes an earlier one (the file is versioned
-- by appending). Lines the file refused are not copied.
CREATE TABLE IF NOT EXISTS corrections (
    seq         INTEGER NOT NULL,   -- line number in the file (1 is the header)
    file        VARCHAR NOT NULL,   -- the corrections file it came from
    report_ref  VARCHAR NOT NULL,   -- as written: a content hash (or prefix), or AGENCY:YEAR[:h1]
    report_id   VARCHAR,            -- the report it names now; NULL when none does (stale: gone)
    field       VARCHAR NOT NULL,   -- a metric key; agency, year, period, form, not_a_report; or flag:RULE:SCOPE
    kind        VARCHAR NOT NULL,   -- number, empty (the cell is blank), text (a report field), verdict (a flag)
    value       DOUBLE,             -- the corrected figure when kind = number
    text_value  VARCHAR,            -- the corrected report field; confirmed or needs_fix for a flag
    agency_kind VARCHAR,            -- for an agency correction: the kind of body of the corrected name
    who         VARCHAR,
    "at"        VARCHAR,            -- when, as written (ISO 8601 by `xxgk correct`)
    why         VARCHAR NOT NULL,
    source      VARCHAR,            -- the sentence or cell the corrected figure is printed in, if given
    stale       VARCHAR             -- why it did nothing at the last apply (queries/corrections.sql), for the change log
);

-- The correction in force for each report × field: the last line wins.
CREATE OR REPLACE VIEW corrections_in_force AS
SELECT * EXCLUDE (rn) FROM (
    SELECT c.*, row_number() OVER (PARTITION BY report_id, field ORDER BY seq DESC) AS rn
    FROM corrections c
    WHERE report_id IS NOT NULL
) WHERE rn = 1;

-- The report-level corrections of each report, one column per field.
CREATE OR REPLACE VIEW report_fixes AS
SELECT report_id,
       max(text_value) FILTER (WHERE field = 'agency') AS agency,
       max(agency_kind) FILTER (WHERE field = 'agency') AS agency_kind,
       max(TRY_CAST(text_value AS INTEGER)) FILTER (WHERE field = 'year') AS year,
       max(text_value) FILTER (WHERE field = 'period') AS period,
       max(text_value) FILTER (WHERE field = 'form') AS form,
       bool_or(field = 'not_a_report' AND text_value = 'true') AS not_a_report
FROM corrections_in_force
WHERE kind = 'text'
GROUP BY report_id;

-- The reports as the analysis sees them: the corrected agency, year,
-- period and form where a reader gave one, and without the files a reader
-- said are not reports. Same columns as reports.
CREATE OR REPLACE VIEW corrected_reports AS
SELECT r.* REPLACE (
           CASE WHEN f.agency IS NULL THEN r.agency ELSE f.agency END AS agency,
           CASE WHEN f.agency IS NULL THEN r.agency_kind ELSE f.agency_kind END AS agency_kind,
           CASE WHEN f.year IS NULL THEN r.year ELSE f.year END AS year,
           CASE WHEN f.period IS NULL THEN r.period ELSE f.period END AS period,
           CASE WHEN f.form IS NULL THEN r.form ELSE f.form END AS form)
FROM reports r
LEFT JOIN report_fixes f ON f.report_id = r.id
WHERE f.not_a_report IS NOT TRUE;

-- The preferred report of each agency × year × period, as in schema
-- version 1 but over the corrected identities.
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

-- The figures as every named query reads them (corrected_metrics): the extracted metrics with
-- the corrected value in place of the extracted one, and a row for a
-- figure a reader added that the parser missed. corrected marks them;
-- extracted_kind and extracted_value keep what the parser read (NULL kind:
-- it read nothing), why is the reader's reason.
CREATE OR REPLACE VIEW corrected_metrics AS
SELECT m.* REPLACE (
           CASE WHEN c.field IS NULL THEN m.kind ELSE c.kind END AS kind,
           CASE WHEN c.field IS NULL THEN m.value ELSE c.value END AS value,
           CASE WHEN c.field IS NULL THEN m.approx ELSE false END AS approx),
       c.field IS NOT NULL AS corrected,
       m.kind AS extracted_kind, m.value AS extracted_value, c.why AS correction_why
FROM metrics m
LEFT JOIN corrections_in_force c
       ON c.report_id = m.report_id AND c.field = m.key AND c.kind IN ('number', 'empty')
UNION ALL
SELECT c.report_id, c.field AS key, c.kind, c.value, false AS approx, 'correction' AS source,
       NULL AS tbl, NULL AS row_label, NULL AS col_label,
       CASE WHEN c.source IS NULL THEN '' ELSE c.source END AS provenance,
       NULL AS start_offset, NULL AS end_offset, NULL AS rule, NULL AS unit,
       true AS corrected, NULL AS extracted_kind, NULL AS extracted_value, c.why AS correction_why
FROM corrections_in_force c
WHERE c.kind IN ('number', 'empty')
  AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.report_id = c.report_id AND m.key = c.field);

-- The quality flags a reader has confirmed (the report really says so) or
-- marked as needing a fix, by report, rule and scope.
CREATE OR REPLACE VIEW confirmations AS
SELECT report_id,
       split_part(field, ':', 2) AS rule,
       CASE WHEN len(string_split(field, ':')) > 2
            THEN array_to_string(string_split(field, ':')[3:], ':') ELSE '' END AS scope,
       text_value AS verdict, who, "at", why
FROM corrections_in_force
WHERE kind = 'verdict';
