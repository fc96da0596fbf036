package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/xxgk/xxgk/etl/ingest"
	"github.com/xxgk/xxgk/etl/load"
)

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("run", "[--config FILE]", "xxgk run --config xxgk.toml", stderr)
	cfgPath := fs.String("config", "xxgk.toml", "the job's TOML file: inputs, database, output, workers, batch, [limits]")
	logFormat := fs.String("log-format", "text", "text or json (structured log records, log/slog)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	log, err := newLogger(*logFormat, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "xxgk run:", err)
		return errUsage
	}
	job := ingestJob{db: cfg.Database, inputs: cfg.Inputs, workers: cfg.Workers, batch: cfg.Batch, limits: cfg.limits(),
		kind: "run", log: log, progress: *logFormat == "text"}
	sum, err := job.run(ctx, stdout, stderr, func(s *load.Store, sum *ingest.Summary) error {
		return buildIfNeeded(ctx, s, sum, cfg.Output, stdout, stderr)
	})
	if err != nil {
		return err
	}
	return failedFiles(sum)
}

// buildNote is what a build run records, to decide whether the next run
// must build again.
type buildNote struct {
	Version string   `json:"version"`
	Output  string   `json:"output"`
	Paths   []string `json:"paths"`
}

// buildIfNeeded builds the outputs unless the last build is still good: it
// was made by this version into the same folder, no ingest changed the data
// since, and every path it wrote still exists. A build is recorded as a
// runs row. It prints the paths of the outputs either way.
func buildIfNeeded(ctx context.Context, s *load.Store, sum *ingest.Summary, outDir string, stdout, stderr io.Writer) error {
	// Up to date or not, what a killed build left goes.
	if err := cleanOutputs(outDir); err != nil {
		return err
	}
	raw, built, stale, err := s.LastBuild(ctx)
	if err != nil {
		return err
	}
	var last buildNote
	if built && !stale && !sum.Changed() && json.Unmarshal([]byte(raw), &last) == nil &&
		last.Version == version && last.Output == outDir && len(last.Paths) > 0 &&
		!slices.ContainsFunc(last.Paths, missing) {
		fmt.Fprintln(stdout, "outputs up to date:")
		printPaths(stdout, last.Paths)
		return nil
	}
	started := time.Now()
	paths, err := buildOutputs(ctx, s.DB(), outDir, stderr)
	if err != nil {
		return err
	}
	return recordBuild(ctx, s, started, outDir, paths, stdout)
}

func missing(path string) bool {
	_, err := os.Stat(path)
	return err != nil
}

func printPaths(w io.Writer, paths []string) {
	for _, p := range paths {
		fmt.Fprintln(w, " ", p)
	}
}
