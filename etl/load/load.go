package load

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // the DuckDB driver

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
)

// Store is an open xxgk database.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens (creating if needed) the DuckDB file at path and applies the schema.
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
	return s, nil
}

// DB is the underlying connection pool, for queries.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, queries.Schema()); err != nil {
		return fmt.Errorf("apply schema: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_version WHERE version = 1`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version VALUES (1, now())`); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SaveReports stores reports, their metrics and checks in one transaction.
// A report already stored (same content hash) is left as it is.
func (s *Store) SaveReports(ctx context.Context, reps []*report.Report) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().UTC()
	for _, r := range reps {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE id = ?`, r.ID).Scan(&exists); err != nil {
			return err
		}
		if exists > 0 {
			continue
		}
		// An older content at the same path is no longer current.
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET current = false WHERE path = ? AND id <> ?`, r.Path, r.ID); err != nil {
			return err
		}
		n := 0
		for _, m := range r.Metrics {
			if m.IsNumber() {
				n++
			}
		}
		var pub any
		if r.Published != "" {
			pub = r.Published
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,true,?,?)`,
			r.ID, r.Path, r.Format, r.Encoding, r.Size, r.Agency, AgencyKind(r.Agency), r.Level, r.Province, r.City,
			r.Year, string(r.Period), string(r.Form), pub, n, report.ParserVersion, now); err != nil {
			return fmt.Errorf("store report %q: %w", r.Path, err)
		}
		for _, m := range r.Metrics {
			var v any
			if m.IsNumber() {
				v = m.Value
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO metrics VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
				r.ID, m.Key, string(m.Kind), v, m.Approx, m.Prov.Source, m.Prov.Table, m.Prov.Row, m.Prov.Col,
				m.Prov.Text, m.Prov.Start, m.Prov.End, m.Prov.Rule, m.Prov.Unit); err != nil {
				return fmt.Errorf("store metric %s of %q: %w", m.Key, r.Path, err)
			}
		}
		for _, c := range r.Checks {
			var ok any
			if c.Status != report.NotAssessable {
				ok = c.Status == report.Pass
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO checks VALUES (?,?,?,?,?,?,?,?)`,
				r.ID, c.Rule, c.Scope, c.Expected, c.Actual, string(c.Status), ok, c.Detail); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}
