-- The bookkeeping of the named-query cache (not a named query): which
-- named query's result is stored in table query_cache_NAME, for which data
-- stamp and query text. Created on first use; dropping it (and the
-- query_cache_* tables) is always safe.
CREATE TABLE IF NOT EXISTS query_cache (
    name         VARCHAR PRIMARY KEY,
    stamp        VARCHAR NOT NULL,
    refreshed_at TIMESTAMP NOT NULL
)
