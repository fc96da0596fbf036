package queries

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Run executes the named query with the filter applied. The filter becomes
// an outer WHERE over the query's result, with bound parameters: agencies
// apply when the result has an `agency` column, years when it has a `year`
// column; the query's own order is kept. Rows whose agency or year is NULL
// (group rows of `rates`) do not match a filter on that column.
//
// The result comes from the named-query cache (cache.go) when it is fresh.
// Otherwise a query whose file says `-- filter: agency` answers an agency
// filter from its text with the filter inside (pushFilter), so one agency
// costs one agency's reports even right after an ingest or on a read-only
// database; any other call refreshes the cache first (or, when the
// database cannot be written, computes the whole result from the text and
// filters it). Every path gives the same rows.
func Run(ctx context.Context, db *sql.DB, name string, f Filter) (*Result, error) {
	res := &Result{}
	err := each(ctx, db, name, f, func(cols []string) error {
		res.Columns = cols
		return nil
	}, func(vals []any) error {
		res.Rows = append(res.Rows, vals)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Stream runs the named query like Run and writes its result to w in the
// format WriteResult writes, row by row: CSV and JSON never hold the whole
// result in memory, so `xxgk query` prints a million rows in constant
// memory. The table format needs every row to size its columns and reads
// them all first.
func Stream(ctx context.Context, db *sql.DB, name string, f Filter, w io.Writer, format string) error {
	if format == FormatTable {
		res, err := Run(ctx, db, name, f)
		if err != nil {
			return err
		}
		return WriteResult(w, res, format)
	}
	var out rowWriter
	switch format {
	case FormatCSV:
		out = &csvRows{w: csv.NewWriter(w)}
	case FormatJSON:
		out = &jsonRows{w: bufio.NewWriterSize(w, 64<<10)}
	default:
		return fmt.Errorf("unknown format %q (want table, csv or json)", format)
	}
	if err := each(ctx, db, name, f, out.header, out.row); err != nil {
		return err
	}
	return out.end()
}

// Statement returns the SELECT that Run executes for the named query and
// filter, with its bound arguments: the same rows in the same order. It is
// for callers that hand the rows to DuckDB itself rather than to Go, such
// as `COPY (…) TO 'x.parquet'` (exports/dataset). The statement may read
// the named-query cache tables, so run it on the same database soon after.
func Statement(ctx context.Context, db *sql.DB, name string, f Filter) (string, []any, error) {
	q, ok := Get(name)
	if !ok {
		if _, err := loadCatalog(); err != nil {
			return "", nil, fmt.Errorf("query %q: %w", name, err)
		}
		return "", nil, fmt.Errorf("query %q: no such query (try `xxgk query --list`)", name)
	}
	text, args := q.SQL, []any(nil)
	// push: the agency filter can go inside the query, so one agency is
	// computed from that agency's reports alone.
	push := len(f.Agencies) > 0 && sources[name].pushAgency
	if !sources[name].noCache {
		// A fresh cache answers everything. A stale one (after an ingest)
		// is refreshed, unless the filter can go inside: then one agency
		// is answered directly, and the national refresh is left to the
		// next whole-result Run or to Refresh.
		table, err := ensureCached(ctx, db, name, !push)
		switch {
		case err == nil:
			text, push = "SELECT * FROM "+table, false
		case ctx.Err() != nil:
			return "", nil, fmt.Errorf("query %q: %w", name, ctx.Err())
		}
	} else if cached, err := usesCached(ctx, db, name, !push); err == nil && cached != "" {
		// Computed every time, but from the cached results of the queries
		// it uses when those are fresh, rather than from their text.
		text = cached
	} else if ctx.Err() != nil {
		return "", nil, fmt.Errorf("query %q: %w", name, err)
	}
	if push {
		text, args = pushFilter(text, f.Agencies)
	}
	if len(f.Agencies) > 0 || len(f.Years) > 0 {
		cols, err := columns(ctx, db, text, args)
		if err != nil {
			return "", nil, fmt.Errorf("query %q: %w", name, err)
		}
		var outer []any
		text, outer = filtered(text, cols, f)
		args = append(args, outer...)
	}
	return text, args, nil
}

// each runs the named query with the filter and hands the columns, then
// every row (a fresh slice each time) to the callbacks.
func each(ctx context.Context, db *sql.DB, name string, f Filter, header func([]string) error, row func([]any) error) error {
	text, args, err := Statement(ctx, db, name, f)
	if err != nil {
		return err
	}
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return fmt.Errorf("query %q: %w", name, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return fmt.Errorf("query %q: %w", name, err)
	}
	if err := header(cols); err != nil {
		return fmt.Errorf("query %q: %w", name, err)
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("query %q: %w", name, err)
		}
		if err := row(vals); err != nil {
			return fmt.Errorf("query %q: %w", name, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query %q: %w", name, err)
	}
	return nil
}

// columns returns the result columns of a query without running it: DuckDB
// plans a LIMIT 0 query and stops.
func columns(ctx context.Context, db *sql.DB, text string, args []any) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM (\n"+text+"\n) AS q LIMIT 0", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}

// filtered wraps text in an outer WHERE for the filter's agencies and years,
// on the columns the result has. Values are bound, never spliced in.
func filtered(text string, cols []string, f Filter) (string, []any) {
	var conds []string
	var args []any
	if len(f.Agencies) > 0 && slices.Contains(cols, "agency") {
		conds = append(conds, "agency IN ("+placeholders(len(f.Agencies))+")")
		for _, a := range f.Agencies {
			args = append(args, a)
		}
	}
	if len(f.Years) > 0 && slices.Contains(cols, "year") {
		conds = append(conds, "year IN ("+placeholders(len(f.Years))+")")
		for _, y := range f.Years {
			args = append(args, y)
		}
	}
	if len(conds) == 0 {
		return text, nil
	}
	return "SELECT * FROM (\n" + text + "\n) AS q WHERE " + strings.Join(conds, " AND "), args
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// agencyPlaceholder marks where a query of `-- filter: agency` may narrow
// its rows to the filtered agencies. Unreplaced it reads as TRUE, so the
// text stays a valid query of every agency for a researcher to paste.
const agencyPlaceholder = "TRUE /* filter: agency */"

// pushFilter replaces every agency placeholder of text by a test of the
// `agency` column against the agencies, bound as parameters. The outer
// filter still applies afterwards, so a placeholder only needs to be safe,
// not complete: it must sit where dropping other agencies' rows cannot
// change the filtered agencies' rows (partitions by agency, per-report
// figures), never under a ranking or a sum across agencies.
func pushFilter(text string, agencies []string) (string, []any) {
	n := strings.Count(text, agencyPlaceholder)
	if n == 0 {
		return text, nil
	}
	cond := "agency IN (" + placeholders(len(agencies)) + ")"
	args := make([]any, 0, n*len(agencies))
	for range n {
		for _, a := range agencies {
			args = append(args, a)
		}
	}
	return strings.ReplaceAll(text, agencyPlaceholder, cond), args
}
