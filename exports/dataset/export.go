package dataset

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/queries"
)

// The formats Write writes.
const (
	FormatCSV     = "csv"
	FormatParquet = "parquet"
	FormatXLSX    = "xlsx"
)

// Formats lists the formats Write knows, in the order it writes them.
var Formats = []string{FormatCSV, FormatParquet, FormatXLSX}

// The names of what Write puts in its folder. The dataset in Parquet is a
// folder partitioned by year (dataset/year=2020/data_0.parquet): the
// layout Spark, Trino, pandas (pyarrow), R (arrow) and DuckDB read as one
// table with a year column.
const (
	DatasetCSV     = "dataset.csv"
	ReportsCSV     = "reports.csv"
	ChecksCSV      = "checks.csv"
	DictionaryCSV  = "dictionary.csv"
	DatasetParquet = "dataset"
	ReportsParquet = "reports.parquet"
	ChecksParquet  = "checks.parquet"
	Workbook       = "dataset.xlsx"
	PackageFile    = "datapackage.json"
)

// table is one table of the dataset: the named query that fills it and
// its columns, in order.
type table struct {
	name    string // dataset, reports, checks
	query   string
	columns []column
}

var tables = []table{
	{"dataset", "dataset", datasetColumns},
	{"reports", "dataset_reports", reportsColumns},
	{"checks", "dataset_checks", checksColumns},
}

// Options say what Write writes.
type Options struct {
	// Formats are some of Formats; none means csv. The dictionary and
	// datapackage.json are written with any of them.
	Formats []string
	// Filter keeps some agencies and years (the dictionary is whole).
	Filter queries.Filter
	// Version is the xxgk version, recorded in datapackage.json.
	Version string
	// License is the licence of the compilation; the zero value is
	// DefaultLicense.
	License License
	// Now is the creation time recorded; the zero value is time.Now.
	Now time.Time
	// Sync makes every file durable before it is renamed into place: set
	// it when the folder is not itself swapped in whole (atomicout.Dir).
	Sync bool
}

// Write writes the dataset into dir (created if need be) and returns the
// paths it wrote, dir's own files only: each file is written beside its
// name and renamed into place, so a failure leaves the previous file, and
// nothing else in dir is touched. It reads db through the named queries
// dataset, dataset_reports and dataset_checks (their Statement, so the
// files hold exactly the rows `xxgk query` prints), dataset_metrics and
// crosswalk for the dictionary.
func Write(ctx context.Context, db *sql.DB, dir string, o Options) ([]string, error) {
	formats, err := normalise(o.Formats)
	if err != nil {
		return nil, err
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.License.Name == "" {
		o.License = DefaultLicense
	}
	if o.License.Title == "" {
		o.License.Title = o.License.Name
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("dataset folder %q: %w", dir, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer conn.Close()
	w := &writer{ctx: ctx, db: db, conn: conn, dir: dir, o: o, temp: map[string]string{}}
	defer w.dropTemp()
	if len(formats) > 1 {
		// Several formats read each table: compute it once, into memory,
		// rather than join and sort it again per format.
		for _, t := range tables {
			if err := w.materialise(t); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range formats {
		switch f {
		case FormatCSV:
			err = w.csv()
		case FormatParquet:
			err = w.parquet()
		case FormatXLSX:
			err = w.xlsx()
		}
		if err != nil {
			return nil, err
		}
	}
	if err := w.dictionary(); err != nil {
		return nil, err
	}
	if err := w.pkg(); err != nil {
		return nil, err
	}
	return w.paths, nil
}

// normalise checks the formats and puts them in the order of Formats.
func normalise(formats []string) ([]string, error) {
	if len(formats) == 0 {
		return []string{FormatCSV}, nil
	}
	var out []string
	for _, f := range formats {
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("format %q: want %s", f, strings.Join(Formats, ", "))
		}
	}
	for _, f := range Formats {
		if slices.Contains(formats, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// writer is one Write: where it writes and what it wrote.
type writer struct {
	ctx context.Context
	db  *sql.DB
	// conn runs every statement of the tables: their temporary copies
	// live on it.
	conn  *sql.Conn
	temp  map[string]string // table name → its temporary copy, when materialised
	dir   string
	o     Options
	paths []string
	// written lists the resources of datapackage.json, in order.
	written []resource
	dict    [][]string // the dictionary's rows, once computed
}

func (w *writer) path(name string) string { return filepath.Join(w.dir, name) }

// file writes one file of dir atomically and records its path.
func (w *writer) file(name string, fill func(io.Writer) error) error {
	p := w.path(name)
	if err := atomicout.File(p, w.o.Sync, fill); err != nil {
		return fmt.Errorf("write %q: %w", p, err)
	}
	w.paths = append(w.paths, p)
	return nil
}

// statement is the SELECT that gives a table's rows: its temporary copy
// when materialised, else its named query with the filter.
func (w *writer) statement(t table) (string, []any, error) {
	if tmp, ok := w.temp[t.name]; ok {
		return "SELECT * FROM " + tmp, nil, nil
	}
	text, args, err := queries.Statement(w.ctx, w.db, t.query, w.o.Filter)
	if err != nil {
		return "", nil, err
	}
	// The files promise the columns of columns.go (datapackage.json):
	// check the query still returns them, in order, before writing.
	rs, err := w.conn.QueryContext(w.ctx, "SELECT * FROM ("+text+") AS q LIMIT 0", args...)
	if err != nil {
		return "", nil, fmt.Errorf("query %q: %w", t.query, err)
	}
	cols, err := rs.Columns()
	rs.Close()
	if err != nil {
		return "", nil, fmt.Errorf("query %q: %w", t.query, err)
	}
	if want := names(t.columns); !slices.Equal(cols, want) {
		return "", nil, fmt.Errorf("query %q returns columns %v, want %v (exports/dataset/columns.go)", t.query, cols, want)
	}
	return text, args, nil
}

// materialise computes a table once into a temporary table of the
// connection (in memory, so a read-only database can hold it too); the
// order of its rows is kept.
func (w *writer) materialise(t table) error {
	text, args, err := w.statement(t)
	if err != nil {
		return err
	}
	tmp := "xxgk_export_" + t.name
	if _, err := w.conn.ExecContext(w.ctx, "CREATE OR REPLACE TEMP TABLE "+tmp+" AS\n"+text, args...); err != nil {
		return fmt.Errorf("query %q: %w", t.query, err)
	}
	w.temp[t.name] = tmp
	return nil
}

func (w *writer) dropTemp() {
	for _, tmp := range w.temp {
		w.conn.ExecContext(context.WithoutCancel(w.ctx), "DROP TABLE IF EXISTS "+tmp)
	}
}

// rows runs a table's query and hands each row to fn.
func (w *writer) rows(t table, fn func([]any) error) error {
	text, args, err := w.statement(t)
	if err != nil {
		return err
	}
	rs, err := w.conn.QueryContext(w.ctx, text, args...)
	if err != nil {
		return fmt.Errorf("query %q: %w", t.query, err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return fmt.Errorf("query %q: %w", t.query, err)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rs.Next() {
		if err := rs.Scan(ptrs...); err != nil {
			return fmt.Errorf("query %q: %w", t.query, err)
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	if err := rs.Err(); err != nil {
		return fmt.Errorf("query %q: %w", t.query, err)
	}
	return nil
}

func names(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
	}
	return out
}

// csv writes each table as CSV with DuckDB's writer (COPY), which is many
// times faster than scanning every value into Go: the header Chinese, the
// first name carrying the byte-order mark (so the file starts with it),
// text escaped and numbers written as the CSV writer of this package
// writes them (csvSelect).
func (w *writer) csv() error {
	for _, t := range tables {
		text, args, err := w.statement(t)
		if err != nil {
			return err
		}
		name := t.name + ".csv"
		q := "COPY (SELECT " + csvSelect(t.columns) + " FROM (" + text + ") AS t) TO %s " +
			"(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')"
		if err := w.copyFile(name, q, args); err != nil {
			return fmt.Errorf("write %q: %w", w.path(name), err)
		}
		w.paths = append(w.paths, w.path(name))
		w.written = append(w.written, csvResource(t.name, name, t.columns))
	}
	return nil
}

// csvSelect is the select list that writes cols the way Cell does: a text
// that starts like a formula (or with an apostrophe) gets an apostrophe in
// front, a whole number has no decimal point, NULL stays empty; the names
// are the Chinese headers, the first prefixed with the byte-order mark.
// Other numbers take DuckDB's shortest form, which is Cell's for every
// figure a report prints (an exponent would need one below 0.0001).
func csvSelect(cols []column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		col := ident(c.name)
		expr := col
		switch c.typ {
		case "string":
			expr = fmt.Sprintf("CASE WHEN left(%[1]s, 1) IN ('=', '+', '-', '@', chr(9), chr(13), '''') THEN '''' || %[1]s ELSE %[1]s END", col)
		case "number":
			expr = fmt.Sprintf("CASE WHEN %[1]s = trunc(%[1]s) AND abs(%[1]s) < 1e15 THEN CAST(CAST(%[1]s AS BIGINT) AS VARCHAR) "+
				"ELSE CAST(%[1]s AS VARCHAR) END", col)
		}
		title := c.title()
		if i == 0 {
			title = BOM + title
		}
		parts[i] = expr + " AS " + ident(title)
	}
	return strings.Join(parts, ", ")
}

// ident quotes an SQL identifier.
func ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
