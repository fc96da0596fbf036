-- name: corrections
-- description: the human corrections and confirmations (corrections.csv), each with the extracted value beside it and whether it has gone stale
-- cache: no
--
-- One row per line of the corrections file that was accepted, in file
-- order. in_force is false for a line a later line for the same report and
-- field supersedes. stale says why a line in force no longer does anything:
--   gone        no stored report has that content hash (or agency × year)
--   superseded  the report's file now holds a revised content; the line
--               names the old one (write it again for the new one)
--   equal       the extracted value now equals the correction
--   flag_gone   the confirmed flag is no longer raised
-- extracted_kind / extracted_value are what the parser read (NULL kind:
-- it read nothing); extracted_text is the report field a report-level
-- correction replaces.
WITH lines AS (
    -- a line whose report is gone stays in force (and stale) by its reference
    SELECT c.*,
           row_number() OVER (PARTITION BY CASE WHEN c.report_id IS NULL THEN 'ref:' || c.report_ref ELSE c.report_id END,
                                           c.field ORDER BY c.seq DESC) = 1 AS in_force
    FROM corrections c
)
SELECT c.seq AS line, c.report_ref, c.report_id, r.agency, r.year, r.period,
       c.field AS key, c.kind, c.value AS corrected_value, c.text_value AS corrected_text,
       m.kind AS extracted_kind, m.value AS extracted_value,
       CASE c.field WHEN 'agency' THEN r.agency WHEN 'year' THEN CAST(r.year AS VARCHAR)
                    WHEN 'period' THEN r.period WHEN 'form' THEN r.form
                    WHEN 'not_a_report' THEN 'false' END AS extracted_text,
       c.who, c."at", c.why, c.source, c.in_force,
       CASE WHEN NOT c.in_force THEN NULL
            WHEN r.id IS NULL THEN 'gone'
            WHEN NOT r.current THEN 'superseded'
            WHEN c.kind = 'number' AND m.kind = 'number' AND m.value = c.value THEN 'equal'
            WHEN c.kind = 'empty' AND m.kind IS NOT NULL AND m.kind <> 'number' THEN 'equal'
            WHEN c.kind = 'text' AND c.text_value = CASE c.field
                     WHEN 'agency' THEN r.agency WHEN 'year' THEN CAST(r.year AS VARCHAR)
                     WHEN 'period' THEN r.period WHEN 'form' THEN r.form
                     WHEN 'not_a_report' THEN 'false' END THEN 'equal'
            WHEN c.kind = 'verdict' AND split_part(c.field, ':', 2) NOT LIKE 'yoy.%'
                 AND NOT EXISTS (SELECT 1 FROM checks k
                                 WHERE k.report_id = c.report_id AND k.status = 'FAIL'
                                   AND c.field = 'flag:' || k.rule || ':' || k.scope)
                 AND NOT EXISTS (SELECT 1 FROM ambiguities a
                                 WHERE a.report_id = c.report_id
                                   AND c.field = 'flag:' || a.reason || ':' || a.key) THEN 'flag_gone'
            END AS stale
FROM lines c
LEFT JOIN reports r ON r.id = c.report_id
LEFT JOIN metrics m ON m.report_id = c.report_id AND m.key = c.field
ORDER BY c.seq
