-- Whether schema version 1 was ever applied (schema_version exists).
SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'
