-- Whether the bookkeeping table of the named-query cache exists (not a
-- named query): a database no query has cached into has none.
SELECT count(*) FROM duckdb_tables() WHERE table_name = 'query_cache'
