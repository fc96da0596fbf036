package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/queries"
)

// The export command lives in its own file and registers itself, so that
// it adds one entry to the command table and touches no other command.
func init() {
	commands["export"] = command{"write one workbook from the database: an agency's (--agency) or the comparison", runExport}
	if version != "dev" {
		// The workbooks name their creator; a release build knows its version.
		exports.Version = version
	}
}

// exportFormats are the formats export writes. A format is a way of
// writing the same workbook content; csv and parquet are to come.
var exportFormats = []string{"xlsx"}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "[--db FILE] [--agency A] [--out FILE] [--format xlsx]",
		"xxgk export --agency 河南省司法厅 --out out/河南省司法厅.xlsx   # without --agency: the comparison workbook", stderr)
	dbPath := fs.String("db", defaultDB, "the DuckDB file to read")
	agency := fs.String("agency", "", "the agency whose workbook to write, by its name as stored (xxgk query coverage lists them); without it, the comparison workbook")
	out := fs.String("out", "", "the file to write (default out/AGENCY.xlsx, or out/"+exports.ComparisonFile+" without --agency)")
	format := fs.String("format", "xlsx", "the file format: xlsx")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	known := false
	for _, f := range exportFormats {
		known = known || f == *format
	}
	if !known {
		fmt.Fprintf(stderr, "xxgk export: --format %q: the formats are %v\n", *format, exportFormats)
		return errUsage
	}
	path := *out
	if path == "" {
		path = filepath.Join("out", exports.ComparisonFile)
		if *agency != "" {
			path = filepath.Join("out", exports.FileName(*agency)+"."+*format)
		}
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("export: no database at %q (run xxgk ingest first): %w", *dbPath, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("export %q: %w", path, err)
	}
	// The run lock keeps an ingest from changing the data halfway through.
	lock, err := load.Lock(*dbPath)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	s, err := load.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	run := queries.DB(s.DB())
	if *agency != "" {
		err = exports.ExportAgency(ctx, run, *agency, path)
		if errors.Is(err, exports.ErrNoAgency) {
			return fmt.Errorf("export: no agency %q in %s (xxgk query coverage --db %s lists the agencies)", *agency, *dbPath, *dbPath)
		}
	} else {
		err = exports.ExportComparison(ctx, run, path)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "wrote:")
	printPaths(stdout, []string{path})
	return nil
}
