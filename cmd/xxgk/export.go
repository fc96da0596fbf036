package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/exports/dataset"
	"github.com/xxgk/xxgk/internal/atomicout"
	"github.com/xxgk/xxgk/queries"
)

// The export command lives in its own file and registers itself, so that
// it adds one entry to the command table and touches no other command.
func init() {
	commands["export"] = command{"write workbooks (--format xlsx, the default) or the whole dataset as CSV or Parquet with its dictionary", runExport}
	if version != "dev" {
		// The workbooks name their creator; a release build knows its version.
		exports.Version = version
	}
}

// formatXLSX is the workbooks of package exports, the same the build
// writes; the other formats write the dataset of package dataset. The
// dataset's own one-workbook dump (dataset.FormatXLSX) is not offered
// here: on the command line xlsx means the workbooks.
const formatXLSX = "xlsx"

// exportFormats are the values --format takes, xlsx first (the default).
var exportFormats = []string{formatXLSX, dataset.FormatCSV, dataset.FormatParquet}

// exportDataDir is where the dataset goes without --out.
var exportDataDir = filepath.Join("out", dataDir)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--format xlsx|csv|parquet] [--out FILE|DIR] [--agency A]... [--years A-B] [--license ID] [--db FILE]",
		"Writes from the published snapshot of the database (it never waits for an ingest). "+
			"--format xlsx (the default) writes workbooks as the build does: with one --agency that agency's workbook, --out being the file; "+
			"with several, one each into the folder --out; without --agency the comparison workbook into the folder --out. "+
			"--format csv, parquet or csv,parquet writes the harmonised dataset in long form (dataset), the stored reports and the "+
			"identity checks, with dictionary.csv and datapackage.json, into the folder --out; files of other names there are left alone.",
		"xxgk export --agency 河南省司法厅 --out out/河南省司法厅.xlsx   # or: xxgk export --format csv,parquet --out out/data --years 2019-2023")
	format := fs.String("format", formatXLSX, "xlsx (workbooks), csv or parquet (the dataset); csv,parquet writes both")
	out := fs.String("out", "", "with --format xlsx and one --agency: the workbook file (default out/AGENCY.xlsx); "+
		"otherwise the folder to write into (default out for workbooks, "+exportDataDir+" for the dataset)")
	dbPath := fs.String("db", defaultDB, "the DuckDB file to read")
	license := fs.String("license", "", "the dataset only: the licence of the compilation recorded in datapackage.json (an SPDX id such as CC-BY-4.0; default NOASSERTION)")
	var agencies listFlag
	var years yearRange
	fs.Var(&agencies, "agency", "only this agency, by its name as stored (`xxgk query coverage` lists them); repeatable")
	fs.Var(&years, "years", "the dataset only: keep only these years, A-B or one year")
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q: export takes only flags (--format, --out, --agency, --years, --license, --db)", pos[0])
	}
	formats, err := parseFormats(*format)
	if err != nil {
		return err
	}
	for _, a := range agencies {
		if strings.TrimSpace(a) == "" {
			return usagef("--agency %q: an empty name; give the agency's name as stored (`xxgk query coverage` lists them)", a)
		}
	}
	if formats[0] == formatXLSX {
		if len(years) > 0 {
			return usagef("--years %s: the workbooks hold every year; --years keeps years of the dataset (--format csv or parquet)", years.String())
		}
		if *license != "" {
			return usagef("--license %q: the licence is recorded in the dataset's datapackage.json (--format csv or parquet), not in workbooks", *license)
		}
	}
	target, err := exportTarget(formats[0] == formatXLSX, len(agencies), *out)
	if err != nil {
		return err
	}
	if formats[0] == formatXLSX && len(agencies) == 1 && target == "" {
		target = filepath.Join("out", exports.FileName(agencies[0])+".xlsx")
	}
	db, target := canonical(*dbPath), canonical(target)
	// The published snapshot, read-only, like query and a build during an
	// ingest: one consistent state of the data, and never blocked by a writer.
	s, err := openRead(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := checkAgencies(ctx, s.DB(), db, agencies); err != nil {
		return err
	}
	var paths []string
	if formats[0] == formatXLSX {
		paths, err = exportWorkbooks(ctx, s.DB(), db, agencies, target)
	} else {
		paths, err = exportDataset(ctx, s.DB(), formats, queries.Filter{Agencies: agencies, Years: years}, *license, target)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "已写入：")
	printPaths(e.stdout, paths)
	return nil
}

// parseFormats reads --format: xlsx alone, or csv and parquet (one or
// both, separated by commas), in the order of exportFormats.
func parseFormats(v string) ([]string, error) {
	var got []string
	for _, f := range strings.Split(v, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !slices.Contains(exportFormats, f) {
			return nil, usagef("--format %q: the formats are xlsx (workbooks, the default), csv and parquet (the dataset; csv,parquet writes both)", f)
		}
		if !slices.Contains(got, f) {
			got = append(got, f)
		}
	}
	if len(got) == 0 {
		return nil, usagef("--format %q: name a format: xlsx, csv or parquet", v)
	}
	if len(got) > 1 && slices.Contains(got, formatXLSX) {
		return nil, usagef("--format %q: xlsx writes the workbooks and csv, parquet the dataset, into different places; run export once for each", v)
	}
	slices.SortFunc(got, func(a, b string) int { return slices.Index(exportFormats, a) - slices.Index(exportFormats, b) })
	return got, nil
}

// exportTarget checks --out against what will be written and returns it,
// or the default folder: a file ending in .xlsx for one agency's workbook,
// a folder for everything else. "" means the default file of an agency,
// which needs its name.
func exportTarget(workbooks bool, agencies int, out string) (string, error) {
	if workbooks && agencies == 1 {
		if out == "" {
			return "", nil
		}
		if info, err := os.Stat(out); err == nil && info.IsDir() {
			return "", usagef("--out %q is a folder: with one --agency, --out is the workbook file (ending in .xlsx)", out)
		}
		if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
			return "", usagef("--out %q: with one --agency, --out is the workbook file and ends in .xlsx", out)
		}
		return out, nil
	}
	what := "the dataset is a folder of files"
	switch {
	case workbooks && agencies == 0:
		what = "without --agency the comparison workbook is written into the folder --out as " + exports.ComparisonFile
	case workbooks:
		what = "with several --agency, one workbook each is written into the folder --out"
	}
	if out == "" {
		if workbooks {
			return "out", nil
		}
		return exportDataDir, nil
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".xlsx", ".csv", ".parquet", ".json":
		return "", usagef("--out %q names a file: %s", out, what)
	}
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return "", usagef("--out %q is a file: %s", out, what)
	}
	return out, nil
}

// exportWorkbooks writes the workbooks of package exports: one agency's
// to the file target, several agencies' into the folder target, or the
// comparison into the folder target.
func exportWorkbooks(ctx context.Context, db *sql.DB, dbPath string, agencies []string, target string) ([]string, error) {
	run := queries.DB(db)
	dir := target
	if len(agencies) == 1 {
		dir = filepath.Dir(target)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fail(err, "cannot create the folder %s", dir)
	}
	var err error
	paths := []string{target}
	switch len(agencies) {
	case 0:
		paths[0] = filepath.Join(target, exports.ComparisonFile)
		err = exports.ExportComparison(ctx, run, paths[0])
	case 1:
		err = exports.ExportAgency(ctx, run, agencies[0], target)
	default:
		paths, err = exports.ExportAgencies(ctx, run, agencies, target)
	}
	if errors.Is(err, exports.ErrNoAgency) { // checked before; the database changed since
		return nil, &failure{msg: fmt.Sprintf("an agency asked for is no longer in %s", dbPath), err: err}
	}
	if err != nil {
		return nil, fail(err, "cannot write the workbooks into %s", dir)
	}
	return paths, nil
}

// exportDataset writes the dataset in formats into the folder dir.
func exportDataset(ctx context.Context, db *sql.DB, formats []string, f queries.Filter, license, dir string) ([]string, error) {
	paths, err := dataset.Write(ctx, db, dir, dataset.Options{Formats: formats, Filter: f,
		Version: version, License: dataset.License{Name: license}, Sync: true})
	if err != nil {
		return nil, fail(err, "cannot write the dataset into %s", dir)
	}
	return paths, nil
}

// checkAgencies fails on the first agency of names that has no stored
// report: a misspelt name would otherwise give empty dataset files, or
// an error only after every workbook's data were read.
func checkAgencies(ctx context.Context, db *sql.DB, dbPath string, names []string) error {
	for _, a := range names {
		res, err := queries.Run(ctx, db, "dataset_reports", queries.Filter{Agencies: []string{a}})
		if err != nil {
			return fail(err, "cannot read the reports of %q in %s", a, dbPath)
		}
		if len(res.Rows) == 0 {
			return &failure{msg: fmt.Sprintf("there is no agency %q in %s (`xxgk query coverage --db %s` lists the agencies)",
				a, dbPath, dbPath), err: exports.ErrNoAgency}
		}
	}
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
