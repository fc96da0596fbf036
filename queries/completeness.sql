-- name: completeness
-- description: per stored report: how many of the required parts and table cells are there, which parts and rows are missing or blank, and a completeness share
-- uses: form_cells
-- filter: agency
--
-- The summary of completeness_items (see there for the regimes and the
-- statuses; a test holds the two equal), computed in one pass over the
-- metrics, grouped by report, so that it stays cheap at national scale:
--   parts_required, parts_present, parts_heading_only, parts_missing,
--   parts_unknown; missing_parts lists the missing parts in the form's
--   order, heading_only_parts the table parts printed but unread;
--   cells_required (2019 on: 198 cells of the 2019 form, 200 of the 2021
--   form), cells_number, cells_blank, cells_prose, cells_missing,
--   cells_unread (a table's heading printed, none of its cells read) and
--   cells_unknown (no facts, no cell read); missing_rows, blank_rows and
--   prose_rows list the rows of those statuses in the form's order;
--   parts_share  = parts_present / parts required that are known
--   cells_share  = cells_number / (cells_required − cells_unread −
--                  cells_unknown): cells that hold a figure among those
--                  that could be assessed; NULL up to 2018 (no table
--                  required) and when no cell can be assessed
--   completeness = the mean of parts_share and cells_share, or
--                  parts_share alone when cells_share is NULL; NULL when
--                  nothing could be assessed.
-- A half-year report has no row. A blank cell is printed but holds no
-- figure: it counts in cells_blank, not in cells_number (blank is not zero).
WITH r AS (
    SELECT r.id, r.agency, r.agency_kind, r.level, r.year, r.period, r.form, r.path,
           r.id IN (SELECT id FROM preferred_reports) AS preferred,
           CASE WHEN r.year >= 2019 THEN 'form2019' ELSE 'art32_2008' END AS regime,
           CASE WHEN r.year < 2019 THEN NULL
                WHEN r.form IN ('table2019', 'table2021') THEN r.form
                WHEN r.year >= 2021 THEN 'table2021'
                ELSE 'table2019' END AS cells_form,
           g.report_id IS NOT NULL AS has_facts, g.parts, g.sub_parts
    FROM reports r
    LEFT JOIN report_grade g ON g.report_id = r.id
    WHERE r.period = 'year' AND TRUE /* filter: agency */
),
-- The rows of each form in its order (i: the row's place, from 0; a form
-- has fewer than 64 rows, so a set of rows is a bit mask), and its cells
-- per table.
form_rows AS (
    SELECT form, tbl, row, (row_number() OVER (PARTITION BY form ORDER BY ord) - 1)::INTEGER AS i
    FROM (SELECT form, tbl, row, min(ord) AS ord FROM form_cells GROUP BY form, tbl, row)
),
forms AS (
    SELECT o.form, o.rows, n.cells, n.cells_article20, n.cells_applications, n.cells_review
    FROM (SELECT form, list({'row': row, 'tbl': tbl, 'i': i} ORDER BY i) AS rows FROM form_rows GROUP BY form) o
    JOIN (SELECT form, count(*) AS cells,
                 count(*) FILTER (WHERE tbl = 'article20') AS cells_article20,
                 count(*) FILTER (WHERE tbl = 'applications') AS cells_applications,
                 count(*) FILTER (WHERE tbl = 'review') AS cells_review
          FROM form_cells GROUP BY form) n USING (form)
),
-- Each stored figure of a report, with its row of the form when it is a cell of it.
cells AS (
    SELECT m.report_id, m.key, m.kind, m.source, c.tbl AS form_tbl, (1::UBIGINT << w.i) AS bit
    FROM metrics m
    JOIN r ON r.id = m.report_id
    LEFT JOIN form_cells c ON c.form = r.cells_form AND c.key = m.key
    LEFT JOIN form_rows w ON w.form = c.form AND w.row = c.row
),
per_report AS (
    SELECT report_id,
           -- a table of the form is read when a cell of it is stored from a table
           count(*) FILTER (WHERE source = 'table' AND form_tbl = 'article20') AS read_article20,
           count(*) FILTER (WHERE source = 'table' AND form_tbl = 'applications') AS read_applications,
           count(*) FILTER (WHERE source = 'table' AND form_tbl = 'review') AS read_review,
           -- up to 2018 a part is there when the report states its figures
           bool_or(kind = 'number' AND (starts_with(key, 'proactive.') OR starts_with(key, 'legacy.')
                   OR starts_with(key, 'response.'))) AS stated_proactive,
           bool_or(kind = 'number' AND (starts_with(key, 'apps_') OR starts_with(key, 'granted.')
                   OR starts_with(key, 'partial.') OR starts_with(key, 'denied') OR starts_with(key, 'reply.')
                   OR starts_with(key, 'outcome_total.') OR starts_with(key, 'unavailable'))) AS stated_applications,
           bool_or(kind = 'number' AND starts_with(key, 'fees.')) AS stated_fees,
           bool_or(kind = 'number' AND (starts_with(key, 'review.') OR starts_with(key, 'litigation.'))) AS stated_review,
           count(*) FILTER (WHERE bit IS NOT NULL AND source = 'table' AND kind = 'number') AS cells_number,
           count(*) FILTER (WHERE bit IS NOT NULL AND source = 'table' AND kind <> 'number') AS cells_blank,
           count(*) FILTER (WHERE bit IS NOT NULL AND source <> 'table' AND kind = 'number') AS cells_prose,
           count(*) FILTER (WHERE form_tbl = 'article20' AND source <> 'table' AND kind = 'number') AS prose_article20,
           count(*) FILTER (WHERE form_tbl = 'applications' AND source <> 'table' AND kind = 'number') AS prose_applications,
           count(*) FILTER (WHERE form_tbl = 'review' AND source <> 'table' AND kind = 'number') AS prose_review,
           -- the rows with a figure in a cell, with any cell printed, with a figure in the prose
           bit_or(bit) FILTER (WHERE source = 'table' AND kind = 'number') AS number_rows,
           bit_or(bit) FILTER (WHERE source = 'table') AS printed_rows,
           bit_or(bit) FILTER (WHERE source <> 'table' AND kind = 'number') AS prose_rows
    FROM cells
    GROUP BY report_id
),
tables AS (
    SELECT r.*, p.* EXCLUDE (report_id), f.rows AS form_rows, f.cells AS form_cells_n,
           f.cells_article20, f.cells_applications, f.cells_review,
           -- the state of each table of the form: read (cells), unread (its heading only), missing, unknown (no facts)
           CASE WHEN p.read_article20 > 0 THEN 'read' WHEN list_contains(r.parts, 'proactive') THEN 'unread'
                WHEN r.has_facts THEN 'missing' ELSE 'unknown' END AS t_article20,
           CASE WHEN p.read_applications > 0 THEN 'read' WHEN list_contains(r.parts, 'applications') THEN 'unread'
                WHEN r.has_facts THEN 'missing' ELSE 'unknown' END AS t_applications,
           CASE WHEN p.read_review > 0 THEN 'read' WHEN list_contains(r.parts, 'review') THEN 'unread'
                WHEN r.has_facts THEN 'missing' ELSE 'unknown' END AS t_review,
           CASE r.regime WHEN 'form2019' THEN ['overview', 'proactive', 'applications', 'review', 'problems', 'other']
                ELSE ['proactive', 'applications', 'fees', 'review', 'problems', 'other'] END AS required
    FROM r
    LEFT JOIN per_report p ON p.report_id = r.id
    LEFT JOIN forms f ON f.form = r.cells_form
),
statuses AS (
    SELECT *,
           list_transform(required, lambda q: CASE
               WHEN regime = 'form2019' AND q IN ('proactive', 'applications', 'review') THEN CASE
                   WHEN (q = 'proactive' AND t_article20 = 'read') OR (q = 'applications' AND t_applications = 'read')
                        OR (q = 'review' AND t_review = 'read') THEN 'present'
                   WHEN list_contains(parts, q) THEN 'heading_only'
                   WHEN NOT has_facts THEN 'unknown'
                   ELSE 'missing' END
               WHEN list_contains(parts, q) OR list_contains(sub_parts, q) THEN 'present'
               WHEN regime = 'art32_2008' AND ((q = 'proactive' AND stated_proactive) OR (q = 'applications' AND stated_applications)
                    OR (q = 'fees' AND stated_fees) OR (q = 'review' AND stated_review)) THEN 'present'
               WHEN NOT has_facts THEN 'unknown'
               ELSE 'missing' END) AS part_status,
           list_transform(form_rows, lambda x: CASE
               WHEN (number_rows >> x.i) & 1 = 1 THEN 'number'
               WHEN (printed_rows >> x.i) & 1 = 1 THEN 'blank'
               WHEN (prose_rows >> x.i) & 1 = 1 THEN 'prose'
               ELSE CASE CASE x.tbl WHEN 'article20' THEN t_article20 WHEN 'applications' THEN t_applications ELSE t_review END
                        WHEN 'unread' THEN 'unread' WHEN 'unknown' THEN 'unknown' ELSE 'missing' END
               END) AS row_status,
           -- the cells of tables not read: those the prose states are prose cells, the rest unread or unknown
           CASE WHEN t_article20 = 'unread' THEN cells_article20 - prose_article20 ELSE 0 END
             + CASE WHEN t_applications = 'unread' THEN cells_applications - prose_applications ELSE 0 END
             + CASE WHEN t_review = 'unread' THEN cells_review - prose_review ELSE 0 END AS unread_cells,
           CASE WHEN t_article20 = 'unknown' THEN cells_article20 - prose_article20 ELSE 0 END
             + CASE WHEN t_applications = 'unknown' THEN cells_applications - prose_applications ELSE 0 END
             + CASE WHEN t_review = 'unknown' THEN cells_review - prose_review ELSE 0 END AS unknown_cells
    FROM tables
),
summed AS (
    SELECT agency, agency_kind, level, year, period, form, id AS report_id, path, preferred, regime, cells_form,
           len(required) AS parts_required,
           len(list_filter(part_status, lambda s: s = 'present')) AS parts_present,
           len(list_filter(part_status, lambda s: s = 'heading_only')) AS parts_heading_only,
           len(list_filter(part_status, lambda s: s = 'missing')) AS parts_missing,
           len(list_filter(part_status, lambda s: s = 'unknown')) AS parts_unknown,
           list_filter(required, lambda q, i: part_status[i] = 'missing') AS missing_parts,
           list_filter(required, lambda q, i: part_status[i] = 'heading_only') AS heading_only_parts,
           form_cells_n AS cells_required,
           -- counts of the form's cells, not report figures: a report with no stored cell of it has none
           CASE WHEN cells_form IS NOT NULL THEN coalesce(cells_number, 0) END AS cells_number, -- lint:allow-coalesce
           CASE WHEN cells_form IS NOT NULL THEN coalesce(cells_blank, 0) END AS cells_blank, -- lint:allow-coalesce
           CASE WHEN cells_form IS NOT NULL THEN coalesce(cells_prose, 0) END AS cells_prose, -- lint:allow-coalesce
           CASE WHEN cells_form IS NOT NULL THEN coalesce(unread_cells, 0) END AS cells_unread, -- lint:allow-coalesce
           CASE WHEN cells_form IS NOT NULL THEN coalesce(unknown_cells, 0) END AS cells_unknown, -- lint:allow-coalesce
           list_transform(list_filter(form_rows, lambda x, i: row_status[i] = 'missing'), lambda x: x.row) AS missing_rows,
           list_transform(list_filter(form_rows, lambda x, i: row_status[i] = 'blank'), lambda x: x.row) AS blank_rows,
           list_transform(list_filter(form_rows, lambda x, i: row_status[i] = 'prose'), lambda x: x.row) AS prose_rows
    FROM statuses
),
shares AS (
    SELECT *,
           cells_required - cells_number - cells_blank - cells_prose - cells_unread - cells_unknown AS cells_missing,
           parts_present / NULLIF(parts_required - parts_unknown, 0) AS parts_share,
           cells_number / NULLIF(cells_required - cells_unread - cells_unknown, 0) AS cells_share
    FROM summed
)
SELECT agency, agency_kind, level, year, period, form, report_id, path, preferred, regime, cells_form,
       parts_required, parts_present, parts_heading_only, parts_missing, parts_unknown, missing_parts, heading_only_parts,
       cells_required, cells_number, cells_blank, cells_prose, cells_missing, cells_unread, cells_unknown,
       missing_rows, blank_rows, prose_rows, parts_share, cells_share,
       CASE WHEN cells_share IS NULL THEN parts_share ELSE (parts_share + cells_share) / 2 END AS completeness
FROM shares
ORDER BY agency, year, period, preferred DESC, report_id
