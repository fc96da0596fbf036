package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/load"
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
		return fmt.Errorf("year %q: want a four-digit year", v)
	}
	*y = append(*y, n)
	return nil
}

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", "NAME [--format table|csv|json] [--agency A]... [--year Y]... [--db FILE] | --list",
		"xxgk query yoy --agency 无锡市司法局 --year 2022 --format csv", stderr)
	format := fs.String("format", queries.FormatTable, "output format: table, csv or json")
	dbPath := fs.String("db", "out/xxgk.duckdb", "the DuckDB file written by ingest")
	list := fs.Bool("list", false, "list the named queries, one per line: name, then description")
	var agencies listFlag
	var years yearsFlag
	fs.Var(&agencies, "agency", "keep only this agency (repeatable)")
	fs.Var(&years, "year", "keep only this year (repeatable)")
	// Flags may follow the query name, as in the usage line.
	name, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, rest = args[0], args[1:]
	}
	if help, err := parseFlags(fs, rest); help || err != nil {
		return err
	}
	if *list {
		for _, q := range queries.List() {
			fmt.Fprintf(stdout, "%s\t%s\n", q.Name, q.Description)
		}
		return nil
	}
	if name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
	}
	if name == "" || fs.NArg() > 1 || (fs.NArg() == 1 && fs.Arg(0) != name) {
		fs.Usage()
		return errUsage
	}
	switch *format {
	case queries.FormatTable, queries.FormatCSV, queries.FormatJSON:
	default:
		fmt.Fprintf(stderr, "xxgk query: unknown format %q (want table, csv or json)\n", *format)
		return errUsage
	}
	if _, ok := queries.Get(name); !ok {
		fmt.Fprintf(stderr, "xxgk query: no query named %q; `xxgk query --list` shows them\n", name)
		return errUsage
	}
	// Querying must not create an empty database where a path is mistyped.
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("query %s: database %q: %w (run `xxgk ingest` first)", name, *dbPath, err)
	}
	st, err := load.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	// Streamed: a whole national result (a million rows) is printed as it
	// is read, in constant memory, rather than held in memory first.
	return queries.Stream(ctx, st.DB(), name, queries.Filter{Agencies: agencies, Years: years}, stdout, *format)
}
