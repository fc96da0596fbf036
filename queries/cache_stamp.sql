-- The data stamp of the named-query cache (not a named query): it changes
-- whenever a report is stored, superseded or re-parsed, its checks change,
-- or the kind of body or division code of a report is refreshed (etl/load,
-- when the table of kinds or the division rule changed). Metrics are not
-- read: they are written only with their report, whose id (content hash),
-- parser version and ingest time are in the stamp.
-- The run history (runs, changes, ingest_errors) is left out: the named
-- queries that read it (changes, ingest_errors, stamp) are not cached, so a
-- run that changed nothing, or a build recording itself, leaves every
-- cached result fresh (in the published snapshot too, which readers cannot
-- refresh). `xxgk build` records it as the data its outputs were made from.
SELECT concat(
    (SELECT concat(count(*), '/', sum(hash(id, current, parser_version, n_figures, published, ingested_at, agency, agency_kind, division_code, year, period)))
     FROM reports),
    '/',
    (SELECT concat(count(*), '/', sum(hash(report_id, rule, scope, status, expected, actual)))
     FROM checks),
    '/',
    -- the human corrections (etl/correct): applying the file changes results
    (SELECT concat(count(*), '/', sum(hash(seq, report_id, field, kind, value, text_value, agency_kind, division_code, why)))
     FROM corrections))
