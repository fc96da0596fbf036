package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/xxgk/xxgk/charts"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/queries"
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
	return recordBuild(ctx, s, started, *outDir, paths, stdout)
}

// recordBuild records a build as a runs row, so `xxgk run` can tell whether
// the outputs are up to date, and prints the paths it wrote.
func recordBuild(ctx context.Context, s *load.Store, started time.Time, outDir string, paths []string, stdout io.Writer) error {
	note, err := json.Marshal(buildNote{Version: version, Output: outDir, Paths: paths})
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
	run, err := sharedResults(ctx, db, append(charts.Queries(), exports.Queries()...))
	if err != nil {
		return nil, err
	}
	t1 := time.Now()
	charts.Version = version
	site, err := charts.BuildWith(ctx, run, filepath.Join(outDir, "site"))
	if err != nil {
		return nil, fmt.Errorf("build site: %w", err)
	}
	t2 := time.Now()
	books, err := exports.BuildWith(ctx, run, outDir)
	if err != nil {
		return nil, fmt.Errorf("build workbooks: %w", err)
	}
	fmt.Fprintf(stderr, "xxgk build: queries %s, site %s, workbooks %s\n", t1.Sub(t0).Round(time.Millisecond),
		t2.Sub(t1).Round(time.Millisecond), time.Since(t2).Round(time.Millisecond))
	return append(site, books...), nil
}

// sharedResults runs each named query the outputs read whole once, a few
// at a time, so the site and the workbooks share the results; filtered
// calls (the per-agency batches of sources) go to queries.Run.
func sharedResults(ctx context.Context, db *sql.DB, names []string) (queries.RunFunc, error) {
	uniq := map[string]bool{}
	var todo []string
	for _, n := range names {
		if !uniq[n] {
			uniq[n] = true
			todo = append(todo, n)
		}
	}
	results := make(map[string]*queries.Result, len(todo))
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				r, err := queries.Run(ctx, db, n, queries.Filter{})
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				results[n] = r
				mu.Unlock()
			}
		}()
	}
	for _, n := range todo {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, fmt.Errorf("build: %w", firstErr)
	}
	return func(ctx context.Context, name string, f queries.Filter) (*queries.Result, error) {
		if r, ok := results[name]; ok && len(f.Agencies) == 0 && len(f.Years) == 0 {
			return r, nil
		}
		return queries.Run(ctx, db, name, f)
	}, nil
}
