package load

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/duckdb/duckdb-go/v2" // the DuckDB driver

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/store"
)

// Store is an open xxgk database.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the DuckDB file at path and brings its
// schema up to the latest version.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open database %q: %w", path, err)
		}
	}
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	if err := s.refreshKinds(ctx); err != nil {
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

// migrate applies schema version 1 (queries/schema.sql) and then every
// numbered migration not yet recorded, in order, in one transaction, so a
// crash leaves the database at the old version or the new one.
func (s *Store) migrate(ctx context.Context) error {
	var hasSchema int
	if err := s.db.QueryRowContext(ctx, store.SQL("has_schema")).Scan(&hasSchema); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	applied := map[int]bool{}
	if hasSchema > 0 {
		rows, err := s.db.QueryContext(ctx, store.SQL("schema_version"))
		if err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return fmt.Errorf("read schema version: %w", err)
			}
			applied[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
	}
	steps := append([]store.Migration{{Version: 1, SQL: queries.Schema()}}, store.Migrations()...)
	pending := steps[:0:0]
	for _, m := range steps {
		if !applied[m.Version] {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
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
