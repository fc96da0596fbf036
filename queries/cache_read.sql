-- The stamps of the cached named-query results (not a named query).
SELECT name, stamp FROM query_cache
