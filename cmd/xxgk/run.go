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
	"github.com/xxgk/xxgk/exports/dataset"
	"github.com/xxgk/xxgk/internal/termtext"
	"github.com/xxgk/xxgk/queries"
)

func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "[--config FILE]",
		"Ingests every input of the config, then rebuilds the site and workbooks when the data changed or an output is missing.",
		"xxgk run --config xxgk.toml")
	cfgPath := fs.String("config", "xxgk.toml", "the job's TOML file: inputs, database, output, workers, batch, [limits]")
	var logFormat string
	addLogFlag(fs, &logFormat)
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q: run takes only flags (the inputs are in the config)", pos[0])
	}
	log, err := newLogger(logFormat, e.stderr)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	for _, in := range cfg.Inputs {
		if _, err := os.Stat(in); err != nil {
			return fail(err, "input %q of %s cannot be read", in, *cfgPath)
		}
	}
	job := ingestJob{db: cfg.Database, inputs: cfg.Inputs, workers: cfg.Workers, batch: cfg.Batch, limits: cfg.limits(),
		kind: "run", log: log, progress: logFormat == "text", corrections: cfg.corrections()}
	sum, err := job.run(ctx, e, func(w *writer, sum *ingest.Summary) error {
		return buildIfNeeded(ctx, w, cfg.Output, cfg.license(), e.stdout, e.stderr)
	})
	if err != nil {
		return err
	}
	return failedFiles(sum, "the rest were stored and built")
}

// buildNote is what a build run records, to decide whether the next run
// must build again. Paths are canonical, so a run started from another
// folder (cron, systemd, by hand) compares the same names.
type buildNote struct {
	Version string   `json:"version"`
	Output  string   `json:"output"`
	Paths   []string `json:"paths"`
	Data    string   `json:"data"` // the data stamp (queries.DataStamp) of what was built
}

// buildIfNeeded builds the outputs unless the last build is still good: it
// was made by this version into the same folder from the same data (equal
// data stamps), and every path it wrote still exists. A build is recorded
// as a runs row. It prints the paths of the outputs either way.
func buildIfNeeded(ctx context.Context, w *writer, outDir string, lic dataset.License, stdout, stderr io.Writer) error {
	raw, built, _, err := w.s.LastBuild(ctx)
	if err != nil {
		return fail(err, "cannot read the last build from %s", w.path)
	}
	stamp, err := queries.DataStamp(ctx, w.s.DB())
	if err != nil {
		return fail(err, "cannot read the data stamp of %s", w.path)
	}
	var last buildNote
	if built && json.Unmarshal([]byte(raw), &last) == nil && last.Data == stamp &&
		last.Version == version && last.Output == outDir && len(last.Paths) > 0 &&
		!slices.ContainsFunc(last.Paths, missing) {
		// Up to date, and yet what a killed build left goes.
		if err := cleanOutputsLocked(ctx, outDir, stderr); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "输出已是最新（数据和版本与上次生成时相同）：")
		printPaths(stdout, last.Paths)
		return nil
	}
	started := time.Now()
	paths, err := buildOutputs(ctx, w.s.DB(), outDir, lic, stderr)
	if err != nil {
		return err
	}
	return recordBuild(ctx, w, started, outDir, paths, stdout, nil)
}

func missing(path string) bool {
	_, err := os.Stat(path)
	return err != nil
}

func printPaths(w io.Writer, paths []string) {
	for _, p := range paths {
		fmt.Fprintln(w, " ", termtext.Escape(p))
	}
}
