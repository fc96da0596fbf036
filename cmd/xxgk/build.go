package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/xxgk/xxgk/charts"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/exports"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[--db FILE] [--out DIR]",
		"xxgk build --db out/xxgk.duckdb --out out   # writes out/site/index.html, out/xxgk-comparison.xlsx, out/workbooks/", stderr)
	dbPath := fs.String("db", defaultDB, "the DuckDB file to read")
	outDir := fs.String("out", "out", "the output folder: site/, "+exports.ComparisonFile+" and "+exports.AgencyDir+"/ go here")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("build: no database at %q (run xxgk ingest first): %w", *dbPath, err)
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
	started := time.Now()
	paths, err := buildOutputs(ctx, s.DB(), *outDir, stderr)
	if err != nil {
		return err
	}
	note, err := json.Marshal(buildNote{Version: version, Output: *outDir, Paths: paths})
	if err != nil {
		return err
	}
	if err := s.RecordRun(ctx, &load.Run{Kind: "build", Started: started, Finished: time.Now(), Note: string(note)}); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "wrote:")
	printPaths(stdout, paths)
	return nil
}

// buildOutputs writes the site and the workbooks under outDir from db and
// returns the paths it wrote. run calls it after ingest. Each output is
// built beside its target and swapped in by rename, so a failed or
// interrupted build leaves the previous outputs as they were.
func buildOutputs(ctx context.Context, db *sql.DB, outDir string, stderr io.Writer) ([]string, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("build %q: %w", outDir, err)
	}
	t0 := time.Now()
	site, err := charts.Build(ctx, db, filepath.Join(outDir, "site"))
	if err != nil {
		return nil, fmt.Errorf("build site: %w", err)
	}
	t1 := time.Now()
	books, err := exports.Build(ctx, db, outDir)
	if err != nil {
		return nil, fmt.Errorf("build workbooks: %w", err)
	}
	fmt.Fprintf(stderr, "xxgk build: site %s, workbooks %s\n", t1.Sub(t0).Round(time.Millisecond), time.Since(t1).Round(time.Millisecond))
	return append(site, books...), nil
}
