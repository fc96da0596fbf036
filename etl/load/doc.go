// Package load writes parsed reports into the DuckDB database and reads
// them back: schema migrations (queries/schema.sql is version 1, then
// queries/store/migrate_NNN.sql in order, each recorded in schema_version),
// batches written one transaction each with the Appender (reports, their
// texts and facts, metrics, checks, ambiguities, files, errors, change log,
// cross-year checks) — an ingest commits
// one batch per chunk of files under a runs row opened by StartRun — the
// run lock, and the history `xxgk status` prints. It does not parse,
// validate or render; the statements it runs live in queries/store.
//
// The path users name is a read-only snapshot: writers, holding the run
// lock, work on a working copy beside it (OpenWork, WorkPath) and publish
// it with Publish; readers open the snapshot with OpenReadOnly and never
// wait on a writer.
//
// The file is opened by name (connect: attached by its quoted path through
// duckdb.NewConnector, never as a DSN string). A schema version newer than
// the highest embedded migration is refused; an older database is backed
// up before it is migrated (under the published name). Taking the run lock
// removes what killed runs left beside the database (RemoveTemps); readers
// clean nothing.
//
// Each report is stored with what its agency's name says about it: its
// kind of body (AgencyKind, from the table of package kinds) and its
// 6-digit administrative division code (DivisionCode, from
// etl/detect/divisions; NULL when the place cannot be told). Opening a
// database for writing brings both up to the current rules
// (refreshKinds, refreshDivisions), so an older database gets them too.
package load
