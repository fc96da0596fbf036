-- Settings for the length of an ingest (etl/ingest sets them, and
-- reset_settings puts the defaults back before anything else, such as the
-- build of `xxgk run`, uses the connection pool).
-- threads = 1: the ingest's workers already keep every core busy parsing,
-- and the writer is one goroutine; DuckDB's own pool only contended with
-- them (measured on 2 cores, 10,000 reports: about 15% less CPU in total,
-- and no slower).
-- memory_limit: a ceiling on DuckDB's buffer pool, so that the database
-- side cannot grow without bound beside the two chunks of parsed reports
-- in Go's heap (it held under 100 MB at 100,000 reports; the default
-- ceiling is 80% of the machine's memory).
SET threads = 1;
SET memory_limit = '1GB';
