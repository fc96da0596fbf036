-- The report AGENCY:YEAR names: the one preferred_reports would pick among
-- the reports as extracted (the agency as the parser read it).
SELECT id, level FROM reports
WHERE agency = ? AND year = ? AND period = ?
ORDER BY current DESC, published DESC NULLS LAST, n_figures DESC, ingested_at DESC, id
LIMIT 1
