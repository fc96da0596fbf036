// Package load writes parsed reports into the DuckDB database and reads
// them back: schema migrations (queries/schema.sql is version 1, then
// queries/store/migrate_NNN.sql in order, each recorded in schema_version),
// batches written one transaction each with the Appender (reports and their
// facts, metrics, checks, files, errors, change log, cross-year checks) — an ingest commits
// one batch per chunk of files under a runs row opened by StartRun — the
// run lock, and the history `xxgk status` prints. It does not parse,
// validate or render; the statements it runs live in queries/store.
package load
