package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/exports/dataset"
	"github.com/xxgk/xxgk/queries"
)

// listFlag collects a repeatable string flag (--agency A --agency B).
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// yearsFlag collects a repeatable year flag (--year 2019 --year 2020).
type yearsFlag []int

func (y *yearsFlag) String() string {
	s := make([]string, len(*y))
	for i, v := range *y {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}

func (y *yearsFlag) Set(v string) error {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1900 || n > 2999 {
		return errors.New("want a four-digit year")
	}
	*y = append(*y, n)
	return nil
}

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "NAME [--format table|csv|json] [--bom] [--agency A]... [--year Y]... [--db FILE] [--corrections FILE] | --list",
		"Runs a named query (queries/*.sql) on the published snapshot of the database and prints its result.",
		"xxgk query yoy --agency 北京市东城区人民政府 --format csv")
	format := fs.String("format", queries.FormatTable, "output format: table, csv or json")
	dbPath := fs.String("db", defaultDB, "the DuckDB file written by ingest")
	cf := addCorrectionsFlag(fs)
	list := fs.Bool("list", false, "list the named queries, one per line: name, then description")
	bom := fs.Bool("bom", false, "with --format csv: start with the UTF-8 byte-order mark, so Excel on Windows reads the Chinese")
	var agencies listFlag
	var years yearsFlag
	fs.Var(&agencies, "agency", "keep only this agency (repeatable)")
	fs.Var(&years, "year", "keep only this year (repeatable)")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if *list {
		if len(pos) > 0 {
			return usagef("unexpected argument %q: --list takes no query name", pos[0])
		}
		for _, q := range queries.List() {
			fmt.Fprintf(e.stdout, "%s\t%s\n", q.Name, q.Description)
		}
		return nil
	}
	switch {
	case len(pos) == 0:
		return usagef("no query named: give one of `xxgk query --list`")
	case len(pos) > 1:
		return usagef("unexpected argument %q: query takes one name", pos[1])
	}
	name := pos[0]
	switch *format {
	case queries.FormatTable, queries.FormatCSV, queries.FormatJSON:
	default:
		return usagef("--format %q: want table, csv or json", *format)
	}
	if *bom && *format != queries.FormatCSV {
		return usagef("--bom applies to --format csv only, not %q", *format)
	}
	if _, ok := queries.Get(name); !ok {
		return usagef("%q is not a named query; `xxgk query --list` shows them", name)
	}
	// The published snapshot, read-only: never blocked by an ingest, and
	// a mistyped path creates nothing.
	st, err := openRead(ctx, canonical(*dbPath))
	if err != nil {
		return err
	}
	defer st.Close()
	// The snapshot cannot apply the corrections file: say when the result
	// lacks some of it.
	warnDrift(ctx, st, correctionsFile(*cf, canonical(*dbPath)), e.stderr)
	out := e.stdout
	if *bom {
		out = &bomWriter{w: out}
	}
	// Streamed: a whole national result (a million rows) is printed as it
	// is read, in constant memory, rather than held in memory first.
	if err := queries.Stream(ctx, st.DB(), name, queries.Filter{Agencies: agencies, Years: years}, out, *format); err != nil {
		return fail(err, "query %s on %s failed", name, *dbPath)
	}
	return nil
}

// bomWriter writes the UTF-8 byte-order mark before the first bytes, so a
// query that fails before printing anything prints nothing.
type bomWriter struct {
	w       io.Writer
	started bool
}

func (b *bomWriter) Write(p []byte) (int, error) {
	if !b.started {
		b.started = true
		if _, err := io.WriteString(b.w, dataset.BOM); err != nil {
			return 0, err
		}
	}
	return b.w.Write(p)
}
