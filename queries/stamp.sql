-- name: stamp
-- description: the data stamp that pages and workbooks cite: when the data last changed, by which run, how many reports and agencies, and a fingerprint of the stored reports
-- cache: no
--
-- Not cached: it reads the run history, which the cache stamp leaves out.
--
-- changed_at is the end of the last ingest, run or load (NULL in a database
-- filled without runs); fingerprint is the first 12 hex digits of an MD5
-- over the stored report ids and their current flags, so two databases with
-- the same reports have the same one; text_bytes is the size of the stored
-- report texts (what the site's source pages carry).
SELECT (SELECT max(finished_at) FROM runs WHERE kind IN ('ingest', 'run', 'load')) AS changed_at,
       (SELECT max(id) FROM runs WHERE kind IN ('ingest', 'run', 'load')) AS run_id,
       (SELECT count(*) FROM reports) AS n_reports,
       (SELECT count(*) FROM preferred_reports) AS n_preferred,
       (SELECT count(DISTINCT agency) FROM reports) AS n_agencies,
       substr(md5(CAST((SELECT sum(hash(id, current)) FROM reports) AS VARCHAR)), 1, 12) AS fingerprint,
       (SELECT sum(strlen(text)) FROM report_texts) AS text_bytes
