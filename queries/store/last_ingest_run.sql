-- The latest run that ingested (ingest or run), for `xxgk status --changes`.
SELECT max(id) FROM runs WHERE kind IN ('ingest', 'run', 'load')
