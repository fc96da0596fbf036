-- name: completeness_items
-- description: per stored report, each part the regulations require and each row of the form's tables: present, blank, stated only in prose, or missing
-- uses: form_cells
-- cache: no
-- filter: agency
--
-- Not cached: about 40 rows per report. Ask for a few agencies at a time
-- (their reports alone are read); completeness is the summary of every
-- report.
-- What is required depends on the year reported on:
--   regime form2019   (2019 on) the six parts of the 2019 and 2021 forms
--                     (Art. 50 of the 2019 text): overview (总体情况),
--                     proactive (the Article 20 table), applications (the
--                     收到和处理申请 table), review (the 复议诉讼 table),
--                     problems (主要问题及改进), other (其他需要报告的事项);
--                     and every cell of the form's three tables (form_cells):
--                     the report's own form when it follows a national one,
--                     else the form of its year (2021 on: table2021).
--   regime art32_2008 (up to 2018) the six contents Art. 32 of the 2008
--                     text names: proactive, applications (依申请公开和不予
--                     公开), fees (收费及减免), review, problems, other. No table.
-- A half-year report has no required parts (no row).
--
-- item_kind part: status
--   present      a table part whose table has cells read; a part whose
--                heading the text prints (one level down counts, except
--                for the tables); up to 2018, also a part whose figures the
--                report states (a fees sentence, a review count)
--   heading_only a table part whose heading is printed but none of whose
--                cells was read: the table may be there unread, so it is
--                not called missing
--   missing      none of that, in a report whose text was read
--   unknown      the report has no facts (stored before schema version 7,
--                or from exchange records): nothing can be said
-- item_kind row (2019 on: a row of a table, e.g. granted, review, rules):
--   cells, and how many of them hold a figure (number), are printed blank
--   (blank: an empty cell or "/", stored as empty or not applicable), give
--   a figure only in the prose (prose), or are absent (missing: the table
--   was read and the row is not in it, or the table is missing; unread: the
--   table's heading is printed and no cell of it was read; unknown: no
--   facts; each counted in cells_missing, cells_unread, cells_unknown).
--   A table is read when any of its cells is stored from a table.
--   status is the row's: number when any cell has a figure, else
--   blank, prose, missing, unread or unknown, in that order.
-- Truncated texts cannot be told from reports that lack a part: missing
-- means absent from the text as stored, nothing more.
WITH r AS (
    SELECT r.*, r.id IN (SELECT id FROM preferred_reports) AS preferred,
           CASE WHEN r.period <> 'year' THEN NULL WHEN r.year >= 2019 THEN 'form2019' ELSE 'art32_2008' END AS regime,
           CASE WHEN r.period <> 'year' OR r.year < 2019 THEN NULL
                WHEN r.form IN ('table2019', 'table2021') THEN r.form
                WHEN r.year >= 2021 THEN 'table2021'
                ELSE 'table2019' END AS cells_form
    FROM reports r
    WHERE TRUE /* filter: agency */
),
required(regime, part, ord, tbl) AS (VALUES
    ('form2019', 'overview', 1, NULL),
    ('form2019', 'proactive', 2, 'article20'),
    ('form2019', 'applications', 3, 'applications'),
    ('form2019', 'review', 4, 'review'),
    ('form2019', 'problems', 5, NULL),
    ('form2019', 'other', 6, NULL),
    ('art32_2008', 'proactive', 1, NULL),
    ('art32_2008', 'applications', 2, NULL),
    ('art32_2008', 'fees', 3, NULL),
    ('art32_2008', 'review', 4, NULL),
    ('art32_2008', 'problems', 5, NULL),
    ('art32_2008', 'other', 6, NULL)
),
m AS (
    SELECT report_id, key, kind, source, tbl
    FROM metrics
    WHERE report_id IN (SELECT id FROM r WHERE regime IS NOT NULL)
),
-- A table of the form is read when a cell of it is stored from a table.
read_tables AS (
    SELECT m.report_id, c.tbl, count(*) AS n
    FROM m
    JOIN r ON r.id = m.report_id
    JOIN form_cells c ON c.form = r.cells_form AND c.key = m.key
    WHERE m.source = 'table'
    GROUP BY m.report_id, c.tbl
),
-- Up to 2018 a part is there when the report states its figures.
stated AS (
    SELECT report_id,
           bool_or(key LIKE 'proactive.%' OR key LIKE 'legacy.%' OR key LIKE 'response.%') AS proactive,
           bool_or(key LIKE 'apps_%' OR key LIKE 'granted.%' OR key LIKE 'partial.%' OR key LIKE 'denied%'
                   OR key LIKE 'reply.%' OR key LIKE 'outcome_total.%' OR key LIKE 'unavailable%') AS applications,
           bool_or(key LIKE 'fees.%') AS fees,
           bool_or(key LIKE 'review.%' OR key LIKE 'litigation.%') AS review
    FROM m
    WHERE kind = 'number'
    GROUP BY report_id
),
parts AS (
    SELECT r.id AS report_id, 'part' AS item_kind, q.part AS item, NULL::VARCHAR AS tbl, q.ord,
           CASE
               WHEN q.tbl IS NOT NULL AND t.n > 0 THEN 'present'
               WHEN q.tbl IS NULL AND (list_contains(g.parts, q.part) OR list_contains(g.sub_parts, q.part)) THEN 'present'
               WHEN r.regime = 'art32_2008' AND ((q.part = 'proactive' AND s.proactive) OR (q.part = 'applications' AND s.applications)
                    OR (q.part = 'fees' AND s.fees) OR (q.part = 'review' AND s.review)) THEN 'present'
               WHEN q.tbl IS NOT NULL AND list_contains(g.parts, q.part) THEN 'heading_only'
               WHEN g.report_id IS NULL THEN 'unknown'
               ELSE 'missing'
           END AS status,
           NULL::INTEGER AS cells, NULL::INTEGER AS cells_number, NULL::INTEGER AS cells_blank,
           NULL::INTEGER AS cells_prose, NULL::INTEGER AS cells_missing, NULL::INTEGER AS cells_unread,
           NULL::INTEGER AS cells_unknown
    FROM r
    JOIN required q ON q.regime = r.regime
    LEFT JOIN report_grade g ON g.report_id = r.id
    LEFT JOIN read_tables t ON t.report_id = r.id AND t.tbl = q.tbl
    LEFT JOIN stated s ON s.report_id = r.id
),
cell_status AS (
    SELECT r.id AS report_id, c.tbl, c.row, c.ord,
           CASE
               WHEN x.source = 'table' AND x.kind = 'number' THEN 'number'
               WHEN x.source = 'table' THEN 'blank'
               WHEN x.kind = 'number' THEN 'prose'
               WHEN t.n > 0 THEN 'missing'
               WHEN list_contains(g.parts, q.part) THEN 'unread'
               WHEN g.report_id IS NULL THEN 'unknown'
               ELSE 'missing'
           END AS status
    FROM r
    JOIN form_cells c ON c.form = r.cells_form
    JOIN required q ON q.regime = 'form2019' AND q.tbl = c.tbl
    LEFT JOIN m x ON x.report_id = r.id AND x.key = c.key
    LEFT JOIN report_grade g ON g.report_id = r.id
    LEFT JOIN read_tables t ON t.report_id = r.id AND t.tbl = c.tbl
),
rows AS (
    SELECT report_id, 'row' AS item_kind, row AS item, tbl, min(ord) AS ord,
           CASE
               WHEN bool_or(status = 'number') THEN 'number'
               WHEN bool_or(status = 'blank') THEN 'blank'
               WHEN bool_or(status = 'prose') THEN 'prose'
               WHEN bool_or(status = 'missing') THEN 'missing'
               WHEN bool_or(status = 'unread') THEN 'unread'
               ELSE 'unknown'
           END AS status,
           count(*)::INTEGER AS cells,
           count(*) FILTER (WHERE status = 'number')::INTEGER AS cells_number,
           count(*) FILTER (WHERE status = 'blank')::INTEGER AS cells_blank,
           count(*) FILTER (WHERE status = 'prose')::INTEGER AS cells_prose,
           count(*) FILTER (WHERE status = 'missing')::INTEGER AS cells_missing,
           count(*) FILTER (WHERE status = 'unread')::INTEGER AS cells_unread,
           count(*) FILTER (WHERE status = 'unknown')::INTEGER AS cells_unknown
    FROM cell_status
    GROUP BY report_id, tbl, row
)
SELECT r.agency, r.agency_kind, r.level, r.year, r.period, r.form, r.id AS report_id, r.path, r.preferred,
       r.regime, r.cells_form, i.item_kind, i.item, i.tbl, i.status,
       i.cells, i.cells_number, i.cells_blank, i.cells_prose, i.cells_missing, i.cells_unread, i.cells_unknown, i.ord
FROM (SELECT * FROM parts UNION ALL SELECT * FROM rows) i
JOIN r ON r.id = i.report_id
ORDER BY r.agency, r.year, r.period, r.preferred DESC, r.id, i.item_kind, i.ord
