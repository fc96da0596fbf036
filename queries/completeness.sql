-- name: completeness
-- description: per stored report: how many of the required parts and table cells are there, which parts and rows are missing or blank, and a completeness share
-- uses: completeness_items
-- filter: agency
--
-- From completeness_items (see there for the regimes and statuses):
--   parts_required, parts_present, parts_heading_only, parts_missing,
--   parts_unknown; missing_parts lists the missing parts in the form's
--   order, heading_only_parts the table parts printed but unread;
--   cells_required (2019 on: 198 cells of the 2019 form, 200 of the 2021
--   form), cells_number, cells_blank, cells_prose, cells_missing,
--   cells_unread (the table's heading printed, no cell read) and
--   cells_unknown; missing_rows and blank_rows list the rows absent or
--   printed blank;
--   parts_share  = parts_present / parts required that are known
--   cells_share  = cells_number / (cells_required − cells_unread −
--                  cells_unknown): cells that hold a figure among those
--                  that could be assessed; NULL up to 2018 (no table
--                  required) and when no cell can be assessed
--   completeness = the mean of parts_share and cells_share, or
--                  parts_share alone when cells_share is NULL; NULL when
--                  nothing could be assessed (a half-year report, a report
--                  without facts).
-- A blank cell is printed but holds no figure: it counts in cells_blank,
-- not in cells_number (blank is not zero).
WITH parts AS (
    SELECT report_id,
           count(*) AS parts_required,
           count(*) FILTER (WHERE status = 'present') AS parts_present,
           count(*) FILTER (WHERE status = 'heading_only') AS parts_heading_only,
           count(*) FILTER (WHERE status = 'missing') AS parts_missing,
           count(*) FILTER (WHERE status = 'unknown') AS parts_unknown,
           list(item ORDER BY ord) FILTER (WHERE status = 'missing') AS missing_parts,
           list(item ORDER BY ord) FILTER (WHERE status = 'heading_only') AS heading_only_parts
    FROM completeness_items
    WHERE item_kind = 'part'
    GROUP BY report_id
),
cells AS (
    SELECT report_id,
           sum(cells) AS cells_required,
           sum(cells_number) AS cells_number,
           sum(cells_blank) AS cells_blank,
           sum(cells_prose) AS cells_prose,
           sum(cells_missing) AS cells_missing,
           sum(cells) FILTER (WHERE status = 'unread') AS cells_unread,
           sum(cells) FILTER (WHERE status = 'unknown') AS cells_unknown,
           list(item ORDER BY ord) FILTER (WHERE status = 'missing') AS missing_rows,
           list(item ORDER BY ord) FILTER (WHERE status = 'blank') AS blank_rows
    FROM completeness_items
    WHERE item_kind = 'row'
    GROUP BY report_id
),
reps AS (
    SELECT DISTINCT agency, agency_kind, level, year, period, form, report_id, path, preferred, regime, cells_form
    FROM completeness_items
),
shares AS (
    SELECT r.*, p.parts_required, p.parts_present, p.parts_heading_only, p.parts_missing, p.parts_unknown,
           p.missing_parts, p.heading_only_parts,
           c.cells_required, c.cells_number, c.cells_blank, c.cells_prose, c.cells_missing,
           -- counts of cells of the form, not report figures: none unread is 0
           coalesce(c.cells_unread, 0) AS cells_unread, -- lint:allow-coalesce
           coalesce(c.cells_unknown, 0) AS cells_unknown, -- lint:allow-coalesce
           c.missing_rows, c.blank_rows,
           p.parts_present / NULLIF(p.parts_required - p.parts_unknown, 0) AS parts_share
    FROM reps r
    JOIN parts p USING (report_id)
    LEFT JOIN cells c USING (report_id)
)
SELECT agency, agency_kind, level, year, period, form, report_id, path, preferred, regime, cells_form,
       parts_required, parts_present, parts_heading_only, parts_missing, parts_unknown, missing_parts, heading_only_parts,
       cells_required, cells_number, cells_blank, cells_prose, cells_missing, cells_unread, cells_unknown,
       missing_rows, blank_rows, parts_share,
       cells_number / NULLIF(cells_required - cells_unread - cells_unknown, 0) AS cells_share,
       CASE WHEN cells_number / NULLIF(cells_required - cells_unread - cells_unknown, 0) IS NULL THEN parts_share
            ELSE (parts_share + cells_number / NULLIF(cells_required - cells_unread - cells_unknown, 0)) / 2 END AS completeness
FROM shares
ORDER BY agency, year, period, preferred DESC, report_id
