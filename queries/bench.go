package queries

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/report"
)

// BenchFill fills db with n synthetic reports for the query benchmark (the
// script bench_synthetic.sql): one per agency × year over 2014–2023, in the
// forms of their era, carrying every metric key their form has, with blank
// cells, revisions and checks. db must have the schema applied (open it
// with load.Open on a fresh file). Filling 100,000 reports takes a few
// seconds and some 12 million metric rows.
func BenchFill(ctx context.Context, db *sql.DB, n int) error {
	script, err := files.ReadFile("bench_synthetic.sql")
	if err != nil {
		return fmt.Errorf("bench fill: %w", err)
	}
	// The script reads its parameters from temp tables, which live on one
	// connection.
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("bench fill: %w", err)
	}
	defer conn.Close()
	setup := []struct {
		sql  string
		args []any
	}{
		{"CREATE OR REPLACE TEMP TABLE bench_params (n_reports BIGINT)", nil},
		{"INSERT INTO bench_params VALUES (?)", []any{n}},
		{"CREATE OR REPLACE TEMP TABLE bench_keys (key VARCHAR, forms VARCHAR[])", nil},
	}
	for _, k := range report.Keys() {
		setup = append(setup, struct {
			sql  string
			args []any
		}{"INSERT INTO bench_keys VALUES (?, string_split(?, ','))", []any{k.Key, strings.Join(k.Forms, ",")}})
	}
	for _, s := range setup {
		if _, err := conn.ExecContext(ctx, s.sql, s.args...); err != nil {
			return fmt.Errorf("bench fill: %w", err)
		}
	}
	if _, err := conn.ExecContext(ctx, string(script)); err != nil {
		return fmt.Errorf("bench fill: %w", err)
	}
	return nil
}

// Timing is how long one named query took on the benchmark database.
// What "answers" means for the 500 ms target: the chart site, the
// workbooks and people at `xxgk query NAME --agency A` ask for one agency
// (Filtered; the benchmark's command-line row adds process start), and a
// whole-country result is computed once per data change and then read
// from the cache (Cached). Direct is the cost of computing it from the
// text, which a refresh after an ingest pays once (BenchRefresh).
type Timing struct {
	Name string
	// Rows is the size of the whole result.
	Rows int64
	// Direct is the time DuckDB takes to compute the whole result from the
	// query text, every column of every row, without the cache and without
	// sending rows to Go: what a read-only database pays on every Run.
	Direct time.Duration
	// Cached is the time DuckDB takes to read the whole result of a fresh
	// cache, every column of every row (hashed, so no column is skipped),
	// without sending rows to Go. For an uncached query it is Direct.
	Cached time.Duration
	// Filtered is the time of Run with one agency, as a chart page or a
	// workbook of one agency calls it, the cache fresh, rows scanned into Go.
	Filtered time.Duration
	// FilteredRows is the size of the filtered result.
	FilteredRows int
	// Full is the time of Run with no filter, the cache fresh, every row
	// scanned into Go; 0 when the result has more than FullLimit rows.
	Full time.Duration
}

// FullLimit is the largest result BenchQuery scans whole into Go.
const FullLimit = 200_000

// BenchAgency returns the agency BenchQueries filters on: the one with the
// most preferred reports (bench_agency.sql).
func BenchAgency(ctx context.Context, db *sql.DB) (string, error) {
	var agency string
	if err := db.QueryRowContext(ctx, script("bench_agency.sql")).Scan(&agency); err != nil {
		return "", fmt.Errorf("bench agency: %w", err)
	}
	return agency, nil
}

// BenchQueries times every named query on db (filled by BenchFill or a
// real ingest) with BenchQuery. The target is under 500 ms each at 100,000
// reports.
func BenchQueries(ctx context.Context, db *sql.DB, agency string) ([]Timing, error) {
	var out []Timing
	for _, q := range List() {
		t, err := BenchQuery(ctx, db, q.Name, agency)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// BenchQuery times one named query: the engine time of its whole result
// computed from the text, the cache brought up to date (not timed), the
// engine time of its whole result read from the cache, then Run filtered
// to agency and Run unfiltered.
func BenchQuery(ctx context.Context, db *sql.DB, name, agency string) (Timing, error) {
	q, ok := Get(name)
	if !ok {
		return Timing{}, fmt.Errorf("bench %s: no such query", name)
	}
	t := Timing{Name: name}
	var err error
	if t.Direct, err = engineTime(ctx, db, q.SQL, &t.Rows); err != nil {
		return Timing{}, fmt.Errorf("bench %s: %w", name, err)
	}
	t.Cached = t.Direct
	if !sources[name].noCache {
		table, err := ensureCached(ctx, db, name, true)
		if err != nil {
			return Timing{}, fmt.Errorf("bench %s: %w", name, err)
		}
		if t.Cached, err = engineTime(ctx, db, "SELECT * FROM "+table, &t.Rows); err != nil {
			return Timing{}, fmt.Errorf("bench %s: %w", name, err)
		}
	}
	start := time.Now()
	res, err := Run(ctx, db, name, Filter{Agencies: []string{agency}})
	if err != nil {
		return Timing{}, fmt.Errorf("bench %s: %w", name, err)
	}
	t.Filtered, t.FilteredRows = time.Since(start), len(res.Rows)
	if t.Rows <= FullLimit {
		start = time.Now()
		if _, err := Run(ctx, db, name, Filter{}); err != nil {
			return Timing{}, fmt.Errorf("bench %s: %w", name, err)
		}
		t.Full = time.Since(start)
	}
	return t, nil
}

// engineTime runs text inside DuckDB down to one row: the count of its rows
// and a hash over every column of every row, so nothing can be pruned away
// and nothing is sent to Go.
func engineTime(ctx context.Context, db *sql.DB, text string, rows *int64) (time.Duration, error) {
	start := time.Now()
	var sum sql.NullString
	err := db.QueryRowContext(ctx, "SELECT count(*), CAST(bit_xor(hash(q)) AS VARCHAR) FROM (\n"+text+"\n) AS q").Scan(rows, &sum)
	return time.Since(start), err
}

// BenchRefresh times the refresh of every cached named query, as the first
// Runs after an ingest pay it: the cache is marked stale first.
func BenchRefresh(ctx context.Context, db *sql.DB) (time.Duration, error) {
	if err := BenchForget(ctx, db); err != nil {
		return 0, err
	}
	start := time.Now()
	if err := Refresh(ctx, db); err != nil {
		return 0, fmt.Errorf("bench: %w", err)
	}
	return time.Since(start), nil
}

// BenchForget marks every cached result stale, as an ingest does, so the
// next Run of each query meets the cache as the first query after an
// ingest does.
func BenchForget(ctx context.Context, db *sql.DB) error {
	if _, err := ensureCached(ctx, db, "crosswalk", true); err != nil { // creates the bookkeeping table
		return fmt.Errorf("bench: %w", err)
	}
	if _, err := db.ExecContext(ctx, script("cache_forget.sql")); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	return nil
}
