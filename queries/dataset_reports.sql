-- name: dataset_reports
-- description: every stored report for the dataset (xxgk export): agency, year, period, form, publication date, figures, whether the figures come from it, and its file
-- cache: no
-- filter: agency
--
-- Revisions and copies are listed too; preferred marks the one report of
-- each agency × year × period that `harmonised` and `dataset` read. file
-- is the file's name without its folder: the folder names the machine the
-- corpus was stored on, not the report. The time of ingest is left out:
-- it says when this database read the file, not anything of the report.
SELECT r.id AS report_id, left(sha256(r.agency), 12) AS agency_id, r.agency, NULLIF(r.agency_kind, '') AS agency_kind,
       r.level, r.province, r.city, r.year, r.period, r.form, r.published, r.n_figures,
       p.id IS NOT NULL AS preferred, r.current, r.format, r.encoding, r.size,
       regexp_replace(r.path, '^.*[/\\]', '') AS file, r.parser_version
FROM (SELECT * FROM reports WHERE TRUE /* filter: agency */) r
LEFT JOIN (SELECT id FROM preferred_reports) p ON p.id = r.id
ORDER BY r.agency, r.year, r.period, p.id IS NULL, r.ingested_at, r.id
