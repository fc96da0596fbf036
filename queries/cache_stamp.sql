-- The data stamp of the named-query cache (not a named query): it changes
-- whenever a report is stored, superseded or re-parsed, its checks change,
-- or an ingest records a run, changes or errors, or the kind of body of a
-- report is refreshed (etl/load, when the table of kinds changed). Metrics
-- are not read:
-- they are written only with their report, whose id (content hash), parser
-- version and ingest time are in the stamp.
SELECT concat(
    (SELECT concat(count(*), '/', sum(hash(id, current, parser_version, n_figures, published, ingested_at, agency, agency_kind, year, period)))
     FROM reports),
    '/',
    (SELECT concat(count(*), '/', sum(hash(report_id, rule, scope, status, expected, actual)))
     FROM checks),
    '/',
    (SELECT concat(count(*), '/', max(id), '/', max(finished_at)) FROM runs),
    '/',
    (SELECT count(*) FROM changes),
    '/',
    (SELECT concat(count(*), '/', count(*) FILTER (WHERE resolved)) FROM ingest_errors))
