-- name: source_pages
-- description: one row per stored report for its source page: who and when, the file, the report text and every stored figure with its span, as JSON
-- cache: no
-- filter: agency
--
-- Not cached: it holds every report's text. Read a batch of agencies at a
-- time. Revisions and duplicates are listed too (preferred tells which one
-- the other queries read).
--
-- page is one JSON object per report, ready for the site's source page:
-- the identity columns of reports, the text (NULL for a report loaded from
-- exchange records, which carry none) and figures, a list in key order of
--   k key, v value (NULL unless kind is number), kind, a approx,
--   s and e the byte offsets of the figure's sentence or cell in the text,
--   src table or prose, tbl, row and col (table cells), rule, unit (as
--   printed when converted), and p the sentence or cell as printed, given
--   only when the text or the span is missing (the page cuts it from the
--   text otherwise, which halves the site).
WITH r AS (
    SELECT * FROM reports WHERE TRUE /* filter: agency */
),
figs AS (
    SELECT m.report_id,
           list({'k': m.key, 'v': m.value, 'kind': m.kind, 'a': m.approx,
                 's': m.start_offset, 'e': m.end_offset, 'src': m.source, 'tbl': m.tbl,
                 'row': m.row_label, 'col': m.col_label, 'rule': m.rule, 'unit': m.unit,
                 'p': CASE WHEN t.report_id IS NULL OR m.start_offset IS NULL OR m.end_offset IS NULL
                                OR m.end_offset <= m.start_offset
                           THEN m.provenance END}
                ORDER BY m.key) AS figures
    FROM metrics m
    JOIN r ON r.id = m.report_id
    LEFT JOIN report_texts t ON t.report_id = m.report_id
    GROUP BY m.report_id
)
SELECT r.id AS report_id, r.agency, r.year, r.period, r.form, r.path,
       r.id IN (SELECT id FROM preferred_reports) AS preferred,
       t.report_id IS NOT NULL AS has_text,
       to_json({'id': r.id, 'path': r.path, 'format': r.format, 'size': r.size, 'agency': r.agency,
                'kind': r.agency_kind, 'level': r.level, 'province': r.province, 'city': r.city,
                'year': r.year, 'period': r.period, 'form': r.form, 'published': CAST(r.published AS VARCHAR),
                'current': r.current, 'n_figures': r.n_figures, 'text': t.text, 'figures': f.figures})::VARCHAR AS page
FROM r
LEFT JOIN report_texts t ON t.report_id = r.id
LEFT JOIN figs f ON f.report_id = r.id
ORDER BY r.agency, r.year, r.period, r.id
