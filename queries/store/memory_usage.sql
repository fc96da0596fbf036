-- The memory DuckDB's buffer manager holds (data, indexes, temporary
-- results), for the ingest log: the rest of the process is Go.
SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()
