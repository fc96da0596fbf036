-- The latest build recorded by `xxgk run`, and the latest run that changed
-- the data: outputs are rebuilt only when the data changed since.
SELECT (SELECT max(id) FROM runs WHERE kind = 'build'),
       (SELECT note FROM runs WHERE kind = 'build' ORDER BY id DESC LIMIT 1),
       (SELECT max(id) FROM runs WHERE kind IN ('ingest', 'run', 'load') AND new + changed + removed > 0)
