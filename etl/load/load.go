package load

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/store"
)

// Store is an open xxgk database.
type Store struct {
	db        *sql.DB
	path      string
	published string // where Publish copies the working copy (OpenWork)
	readOnly  bool   // opened by OpenReadOnly
}

// Open opens (creating if needed) the DuckDB file at path and brings its
// schema up to the latest version. The path is a file name, whatever
// characters it holds (see connect). A database written by a newer xxgk
// (a schema version this binary does not know) is refused, untouched; an
// older one is copied to a backup beside it before it is migrated.
func Open(ctx context.Context, path string) (*Store, error) { return open(ctx, path, "") }

// open is Open of a file that is published at published ("" when it is not
// a working copy), so a backup before a migration is named after the
// database users know.
func open(ctx context.Context, path, published string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open database %q: %w", path, err)
		}
	}
	db, err := openDB(ctx, path, false)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	s := &Store{db: db, path: path, published: published}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	if err := s.refreshKinds(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	if err := s.refreshDivisions(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	return s, nil
}

// DB is the underlying connection pool, for queries.
func (s *Store) DB() *sql.DB { return s.db }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// NewerSchemaError says a database was written by a newer xxgk: its schema
// version is past the highest this binary carries.
type NewerSchemaError struct {
	Path         string
	Version, Max int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("schema version %d is newer than this xxgk knows (up to %d): "+
		"it was written by a newer xxgk; use that version, or a copy of the database made before it",
		e.Version, e.Max)
}

// steps are every schema version this binary carries: version 1 is
// queries/schema.sql, then the numbered migrations.
func steps() []store.Migration {
	return append([]store.Migration{{Version: 1, SQL: queries.Schema()}}, store.Migrations()...)
}

// versions reads the schema versions applied to the database (none for a
// new one) and refuses one newer than steps knows.
func (s *Store) versions(ctx context.Context) (applied map[int]bool, newest int, err error) {
	var hasSchema int
	if err := s.db.QueryRowContext(ctx, store.SQL("has_schema")).Scan(&hasSchema); err != nil {
		return nil, 0, fmt.Errorf("read schema version: %w", err)
	}
	applied = map[int]bool{}
	if hasSchema == 0 {
		return applied, 0, nil
	}
	rows, err := s.db.QueryContext(ctx, store.SQL("schema_version"))
	if err != nil {
		return nil, 0, fmt.Errorf("read schema version: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, 0, fmt.Errorf("read schema version: %w", err)
		}
		applied[v] = true
		newest = max(newest, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read schema version: %w", err)
	}
	all := steps()
	if known := all[len(all)-1].Version; newest > known {
		return nil, 0, &NewerSchemaError{Path: s.path, Version: newest, Max: known}
	}
	return applied, newest, nil
}

// migrate applies schema version 1 (queries/schema.sql) and then every
// numbered migration not yet recorded, in order, in one transaction, so a
// crash leaves the database at the old version or the new one. A database
// that holds data is first copied to a backup (see backup).
func (s *Store) migrate(ctx context.Context) error {
	applied, newest, err := s.versions(ctx)
	if err != nil {
		return err
	}
	var pending []store.Migration
	for _, m := range steps() {
		if !applied[m.Version] {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	if newest > 0 {
		if err := s.backup(ctx, newest); err != nil {
			return err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, m := range pending {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("apply schema version %d: %w", m.Version, err)
		}
		if _, err := tx.ExecContext(ctx, store.SQL("record_version"), m.Version); err != nil {
			return fmt.Errorf("record schema version %d: %w", m.Version, err)
		}
	}
	return tx.Commit()
}

// SaveReports stores reports, their metrics and checks in one transaction,
// each as the current content of its path. A report already stored (same
// content hash) is left as it is. It is the short way to fill a database
// (test fixtures); ingest writes a whole Batch with its change log.
func (s *Store) SaveReports(ctx context.Context, reps []*report.Report) error {
	b := &Batch{Reports: reps}
	// One files row per path, the last report given for it: an earlier one
	// at the same path is stored as superseded. A report without a path
	// has no files row and stays current.
	last := map[string]int{}
	for _, r := range reps {
		if r.Path == "" {
			continue
		}
		rec := FileRecord{Path: r.Path, Size: r.Size, Hash: r.ID, ReportID: r.ID, Settled: true}
		if i, ok := last[r.Path]; ok {
			b.Files[i] = rec
			continue
		}
		last[r.Path] = len(b.Files)
		b.Files = append(b.Files, rec)
	}
	return s.Commit(ctx, b)
}

// TuneForIngest applies the settings of a long ingest (queries/store/
// ingest_settings.sql: DuckDB single-threaded beside the parsing workers,
// a ceiling on its buffer pool) and returns the function that puts the
// defaults back.
func (s *Store) TuneForIngest(ctx context.Context) (reset func() error, err error) {
	if _, err := s.db.ExecContext(ctx, store.SQL("ingest_settings")); err != nil {
		return nil, fmt.Errorf("ingest settings: %w", err)
	}
	return func() error {
		if _, err := s.db.ExecContext(context.WithoutCancel(ctx), store.SQL("reset_settings")); err != nil {
			return fmt.Errorf("reset settings: %w", err)
		}
		return nil
	}, nil
}
