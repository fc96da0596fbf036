-- Records that query_cache_NAME now holds the result for a stamp (not a
-- named query). Parameters: name, stamp.
INSERT OR REPLACE INTO query_cache VALUES (?, ?, now())
