-- Forgets every cached named-query result (not a named query), as new data
-- would: the next Run of each query finds its stamp stale. The cache
-- tables stay until the refresh replaces them. Used by the benchmark.
DELETE FROM query_cache
