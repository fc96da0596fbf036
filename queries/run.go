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
// The result comes from the named-query cache (cache.go) when the database
// can be written, and is computed directly otherwise; both give the same
// rows.
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

// each runs the named query with the filter and hands the columns, then
// every row (a fresh slice each time) to the callbacks.
func each(ctx context.Context, db *sql.DB, name string, f Filter, header func([]string) error, row func([]any) error) error {
	q, ok := Get(name)
	if !ok {
		if _, err := loadCatalog(); err != nil {
			return fmt.Errorf("query %q: %w", name, err)
		}
		return fmt.Errorf("query %q: no such query (try `xxgk query --list`)", name)
	}
	text, args := q.SQL, []any(nil)
	if !sources[name].noCache {
		table, err := ensureCached(ctx, db, name)
		if err == nil {
			text = "SELECT * FROM " + table
		} else if ctx.Err() != nil {
			return fmt.Errorf("query %q: %w", name, ctx.Err())
		}
	}
	if len(f.Agencies) > 0 || len(f.Years) > 0 {
		cols, err := columns(ctx, db, text)
		if err != nil {
			return fmt.Errorf("query %q: %w", name, err)
		}
		text, args = filtered(text, cols, f)
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
func columns(ctx context.Context, db *sql.DB, text string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM (\n"+text+"\n) AS q LIMIT 0")
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
