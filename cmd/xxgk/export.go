package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xxgk/xxgk/exports/dataset"
	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/queries"
)

// The export command registers itself, so it adds one entry to the
// command table and touches no other command; the work is in
// exports/dataset.
func init() {
	commands["export"] = command{"write the whole dataset as CSV, Parquet or one workbook, with its dictionary", runExport}
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--format csv|parquet|xlsx] [--out DIR] [--agency A]... [--years A-B] [--db FILE] [--license ID]",
		"Writes the harmonised dataset in long form (dataset), the stored reports and the identity checks, with "+
			"dictionary.csv and datapackage.json, into DIR. Files of other names in DIR are left alone.",
		"xxgk export --format csv,parquet --out out/data --years 2019-2023")
	format := fs.String("format", dataset.FormatCSV, "csv, parquet or xlsx, or several separated by commas")
	outDir := fs.String("out", "out/data", "the folder to write into")
	dbPath := fs.String("db", defaultDB, "the DuckDB file to read")
	license := fs.String("license", "", "the licence of the compilation recorded in datapackage.json (an SPDX id such as CC-BY-4.0; default NOASSERTION)")
	var agencies listFlag
	var years yearRange
	fs.Var(&agencies, "agency", "keep only this agency, by its name as stored (repeatable)")
	fs.Var(&years, "years", "keep only these years: A-B, or one year")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q: export takes only flags", pos[0])
	}
	var formats []string
	for _, f := range strings.Split(*format, ",") {
		if f = strings.TrimSpace(f); f != "" {
			formats = append(formats, f)
		}
	}
	for _, f := range formats {
		if !slices.Contains(dataset.Formats, f) {
			return usagef("--format %q: want %s, or several separated by commas", f, strings.Join(dataset.Formats, ", "))
		}
	}
	st, err := openRead(ctx, canonical(*dbPath))
	if err != nil {
		return err
	}
	defer st.Close()
	dir := canonical(*outDir)
	opts := dataset.Options{Formats: formats, Filter: queries.Filter{Agencies: agencies, Years: years},
		Version: version, License: dataset.License{Name: *license}, Sync: true}
	paths, err := dataset.Write(ctx, st.DB(), dir, opts)
	if err != nil {
		return fail(err, "cannot write the dataset into %s", dir)
	}
	fmt.Fprintln(e.stdout, "wrote:")
	printPaths(e.stdout, paths)
	return nil
}

// dataDir is the folder of the dataset release under a build's output.
const dataDir = "data"

// writeRelease writes the dataset release of a build, OUT/data/: the
// dataset as CSV and Parquet, its dictionary and datapackage.json, built
// beside the old folder and swapped in whole. It returns the folder.
func writeRelease(ctx context.Context, db *sql.DB, outDir string, lic dataset.License) (string, error) {
	dir := filepath.Join(outDir, dataDir)
	now := time.Now()
	err := atomicout.Dir(dir, dataDir, now, func(tmp string) error {
		_, err := dataset.Write(ctx, db, tmp, dataset.Options{Formats: []string{dataset.FormatCSV, dataset.FormatParquet},
			Version: version, License: lic, Now: now})
		return err
	})
	if err != nil {
		return "", fail(err, "cannot write the dataset under %s", dir)
	}
	return dir, nil
}

// yearRange is --years: A-B, or one year.
type yearRange []int

func (y *yearRange) String() string {
	if len(*y) == 0 {
		return ""
	}
	return fmt.Sprintf("%d-%d", (*y)[0], (*y)[len(*y)-1])
}

func (y *yearRange) Set(v string) error {
	from, to, ok := strings.Cut(strings.TrimSpace(v), "-")
	if !ok {
		to = from
	}
	var a, b yearsFlag
	if a.Set(from) != nil || b.Set(to) != nil || b[0] < a[0] {
		return fmt.Errorf("want A-B with four-digit years, A ≤ B (or one year)")
	}
	*y = (*y)[:0]
	for n := a[0]; n <= b[0]; n++ {
		*y = append(*y, n)
	}
	return nil
}
