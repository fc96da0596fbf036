-- name: source_pages
-- description: one row per stored report for its source page: who and when, the file, the report text and every stored figure with its span
-- cache: no
-- filter: agency
--
-- Not cached: it holds every report's text. Read a batch of agencies at a
-- time. Revisions and duplicates are listed too (preferred tells which one
-- the other queries read).
--
-- text is NULL for a report loaded from exchange records, which carry none.
-- figures is a JSON array with one array per stored figure, compact because
-- the site writes one per report (millions of figures at national scale):
--   [key, value, start, end, how, rule, unit, printed]
-- value is null unless the figure is a number; start and end are the byte
-- offsets of its sentence or cell in the text; how is "t" (a table cell),
-- "p" (a sentence), or "e" / "n" for a cell printed empty or not
-- applicable; rule is the reading rule (null for most table cells); unit is
-- the unit as printed when it was converted; printed is the sentence or
-- cell as printed, given only when the span is missing (the page cuts it
-- from the text otherwise). The figures are in no particular order. Keys
-- and rules are codes of letters, digits, dots and underscores; unit and
-- printed are JSON-escaped.
WITH r AS (
    SELECT * FROM reports WHERE TRUE /* filter: agency */
),
figs AS (
    SELECT m.report_id,
           '[' || string_agg(
               '["' || m.key || '",' ||
               CASE WHEN m.kind = 'number' AND m.value IS NOT NULL THEN CAST(m.value AS VARCHAR) ELSE 'null' END || ',' ||
               CASE WHEN m.start_offset IS NOT NULL AND m.end_offset > m.start_offset
                    THEN CAST(m.start_offset AS VARCHAR) || ',' || CAST(m.end_offset AS VARCHAR) ELSE 'null,null' END || ',"' ||
               CASE WHEN m.kind = 'empty' THEN 'e' WHEN m.kind = 'not_applicable' THEN 'n'
                    WHEN m.source = 'prose' THEN 'p' ELSE 't' END || '",' ||
               CASE WHEN m.rule IS NULL THEN 'null' ELSE '"' || m.rule || '"' END || ',' ||
               CASE WHEN m.unit IS NULL THEN 'null' ELSE CAST(to_json(m.unit) AS VARCHAR) END || ',' ||
               CASE WHEN m.start_offset IS NULL OR m.end_offset IS NULL OR m.end_offset <= m.start_offset
                    THEN CAST(to_json(m.provenance) AS VARCHAR) ELSE 'null' END || ']',
               ',') || ']' AS figures
    FROM metrics m
    JOIN r ON r.id = m.report_id
    GROUP BY m.report_id
)
SELECT r.id AS report_id, r.agency, r.agency_kind, r.level, r.province, r.city, r.year, r.period, r.form,
       CAST(r.published AS VARCHAR) AS published, r.path, r.format, r.size, r.current, r.n_figures,
       r.id IN (SELECT id FROM preferred_reports) AS preferred,
       t.text, f.figures
FROM r
LEFT JOIN report_texts t ON t.report_id = r.id
LEFT JOIN figs f ON f.report_id = r.id
ORDER BY r.agency, r.year, r.period, r.id
