-- The versions already applied to this database.
SELECT version FROM schema_version ORDER BY version
