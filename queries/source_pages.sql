-- name: source_pages
-- description: one row per stored report for its source page: who and when, the file, the report text and every stored figure with its span
-- cache: no
-- filter: agency
--
-- Not cached: it holds every report's text. Read a batch of agencies at a
-- time. Revisions and duplicates are listed too (preferred tells which one
-- the other queries read).
--
-- corrections is a JSON array of the human corrections of the report's
-- figures (etl/correct), [key, corrected, extracted, why], null for a
-- blank; NULL when there are none. A corrected report field (agency,
-- year, period, form) comes first, its two sides strings.
-- text is NULL for a report loaded from exchange records, which carry none.
-- figures is a JSON array, compact because the site writes one per report
-- (millions of figures at national scale): one array per table row (the
-- key up to its last dot), [row, cell, cell, …], each cell
--   [column, value, start, length, how, rule, unit, printed]
-- or, for the common case of a table cell with a figure and its span, just
-- [column, value, start, length]. The key is row.column; value is null
-- unless the figure is a number; start and length give the byte span of
-- its sentence or cell in the text; how is "t" (a table cell, the
-- default), "p" (a sentence), or "e" / "n" for a cell printed empty or not
-- applicable; rule is the reading rule; unit is the unit as printed when it
-- was converted; printed is the sentence or cell as printed, given only
-- when the span is missing (the page cuts it from the text otherwise).
-- Rows are in key order, cells in column order, so a build is reproducible. Keys and rules are codes of
-- letters, digits, dots and underscores; unit and printed are JSON-escaped.
WITH r AS (
    SELECT * FROM corrected_reports WHERE TRUE /* filter: agency */
),
cells AS (
    SELECT m.report_id,
           regexp_extract(m.key, '^(.*)\.([^.]*)$', 1) AS row_key,
           '["' || regexp_extract(m.key, '^(.*)\.([^.]*)$', 2) || '",' ||
           CASE WHEN m.kind <> 'number' OR m.value IS NULL THEN 'null'
                WHEN m.value = trunc(m.value) AND abs(m.value) < 1e15 THEN CAST(CAST(m.value AS BIGINT) AS VARCHAR)
                ELSE CAST(m.value AS VARCHAR) END || ',' ||
           CASE WHEN m.start_offset IS NOT NULL AND m.end_offset > m.start_offset
                THEN CAST(m.start_offset AS VARCHAR) || ',' || CAST(m.end_offset - m.start_offset AS VARCHAR) ELSE 'null,null' END ||
           -- the common case, a table cell with a figure and its span,
           -- stops here: how defaults to "t"
           CASE WHEN m.kind = 'number' AND m.source <> 'prose' AND m.rule IS NULL AND m.unit IS NULL
                     AND m.start_offset IS NOT NULL AND m.end_offset > m.start_offset THEN ''
           ELSE ',"' ||
           CASE WHEN m.kind = 'empty' THEN 'e' WHEN m.kind = 'not_applicable' THEN 'n'
                WHEN m.source = 'prose' THEN 'p' ELSE 't' END || '",' ||
           CASE WHEN m.rule IS NULL THEN 'null' ELSE '"' || m.rule || '"' END || ',' ||
           CASE WHEN m.unit IS NULL THEN 'null' ELSE CAST(to_json(m.unit) AS VARCHAR) END || ',' ||
           CASE WHEN m.start_offset IS NULL OR m.end_offset IS NULL OR m.end_offset <= m.start_offset
                THEN CAST(to_json(m.provenance) AS VARCHAR) ELSE 'null' END END || ']' AS cell
    FROM metrics m
    JOIN r ON r.id = m.report_id
),
rows_ AS (
    SELECT report_id, row_key, '["' || row_key || '",' || string_agg(cell, ',' ORDER BY cell) || ']' AS row_json
    FROM cells
    GROUP BY report_id, row_key
),
-- The human corrections of each report (corrected_metrics): key, the
-- corrected value (null: blank), the extracted one (null: none or blank),
-- and the reason, JSON-escaped.
-- A report field a reader corrected (agency, year, period, form) comes
-- first, as [field, corrected, as read, why] with both sides JSON strings.
fix_items AS (
    SELECT m.report_id, 1 AS part, m.key AS sort_key,
           '[' || CAST(to_json(m.key) AS VARCHAR) || ',' ||
                  CASE WHEN m.kind = 'number' THEN CAST(m.value AS VARCHAR) ELSE 'null' END || ',' ||
                  CASE WHEN m.extracted_kind = 'number' THEN CAST(m.extracted_value AS VARCHAR) ELSE 'null' END || ',' ||
                  CAST(to_json(m.correction_why) AS VARCHAR) || ']' AS item
    FROM corrected_metrics m
    JOIN r ON r.id = m.report_id
    WHERE m.corrected
    UNION ALL
    SELECT c.report_id, 0 AS part, c.field AS sort_key,
           '[' || CAST(to_json(c.field) AS VARCHAR) || ',' || CAST(to_json(c.text_value) AS VARCHAR) || ',' ||
                  CAST(to_json(CASE c.field WHEN 'agency' THEN o.agency WHEN 'year' THEN CAST(o.year AS VARCHAR)
                                            WHEN 'period' THEN o.period ELSE o.form END) AS VARCHAR) || ',' ||
                  CAST(to_json(c.why) AS VARCHAR) || ']' AS item
    FROM corrections_in_force c
    JOIN r ON r.id = c.report_id
    JOIN reports o ON o.id = c.report_id
    WHERE c.kind = 'text' AND c.field IN ('agency', 'year', 'period', 'form')
),
fixes AS (
    SELECT report_id, '[' || string_agg(item, ',' ORDER BY part, sort_key) || ']' AS fixes
    FROM fix_items
    GROUP BY report_id
),
figs AS (
    SELECT report_id, '[' || string_agg(row_json, ',' ORDER BY row_key) || ']' AS figures
    FROM rows_
    GROUP BY report_id
)
SELECT r.id AS report_id, r.agency, r.agency_kind, r.level, r.province, r.city, r.year, r.period, r.form,
       CAST(r.published AS VARCHAR) AS published, r.path, r.format, r.size, r.current, r.n_figures,
       r.id IN (SELECT id FROM preferred_reports) AS preferred,
       t.text, f.figures, x.fixes AS corrections
FROM r
LEFT JOIN report_texts t ON t.report_id = r.id
LEFT JOIN figs f ON f.report_id = r.id
LEFT JOIN fixes x ON x.report_id = r.id
ORDER BY r.agency, r.year, r.period, r.id
