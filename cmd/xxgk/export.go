package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--db FILE] [--agency A] [--out FILE] [--format xlsx]",
		"Writes one workbook from the published snapshot of the database: an agency's, or without --agency the comparison. "+
			"It never waits for an ingest.",
		"xxgk export --agency 河南省司法厅 --out out/河南省司法厅.xlsx   # without --agency: the comparison workbook")
	dbFlag := fs.String("db", defaultDB, "the DuckDB file to read")
	agency := fs.String("agency", "", "the agency whose workbook to write, by its name as stored (xxgk query coverage lists them); without it, the comparison workbook")
	out := fs.String("out", "", "the file to write (default out/AGENCY.xlsx, or out/"+exports.ComparisonFile+" without --agency)")
	format := fs.String("format", "xlsx", "the file format: "+strings.Join(exportFormats, ", "))
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q: export takes only flags (--db, --agency, --out, --format)", pos[0])
	}
	known := false
	for _, f := range exportFormats {
		known = known || f == *format
	}
	if !known {
		return usagef("--format %q: the formats are %s", *format, strings.Join(exportFormats, ", "))
	}
	path := *out
	if path == "" {
		path = filepath.Join("out", exports.ComparisonFile)
		if *agency != "" {
			path = filepath.Join("out", exports.FileName(*agency)+"."+*format)
		}
	}
	dbPath, path := canonical(*dbFlag), canonical(path)
	// The published snapshot, read-only, like query and a build during an
	// ingest: one consistent state of the data, and never blocked by a writer.
	s, err := openRead(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fail(err, "cannot create the folder of %s", path)
	}
	run := queries.DB(s.DB())
	if *agency != "" {
		err = exports.ExportAgency(ctx, run, *agency, path)
		if errors.Is(err, exports.ErrNoAgency) {
			return &failure{msg: fmt.Sprintf("there is no agency %q in %s (`xxgk query coverage --db %s` lists the agencies)",
				*agency, dbPath, dbPath), err: err}
		}
	} else {
		err = exports.ExportComparison(ctx, run, path)
	}
	if err != nil {
		return fail(err, "cannot write the workbook %s", path)
	}
	fmt.Fprintln(e.stdout, "已写入：")
	printPaths(e.stdout, []string{path})
	return nil
}
