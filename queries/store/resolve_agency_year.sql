-- The report AGENCY:YEAR names: the one preferred_reports would pick among
-- the reports as extracted (the agency as the parser read it), or else
-- among the reports as corrected by the lines applied before this one (a
-- reader may name a report by the agency an earlier line gave it).
SELECT id, level FROM (
    SELECT id, level, 1 AS pass, current, published, n_figures, ingested_at FROM reports
    WHERE agency = ? AND year = ? AND period = ?
    UNION ALL
    SELECT id, level, 2 AS pass, current, published, n_figures, ingested_at FROM corrected_reports
    WHERE agency = ? AND year = ? AND period = ?
)
ORDER BY pass, current DESC, published DESC NULLS LAST, n_figures DESC, ingested_at DESC, id
LIMIT 1
