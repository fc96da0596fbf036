package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/xxgk/xxgk/etl/ingest"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
)

func runLoad(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "FILE.jsonl|-... [--db FILE] [--batch N]",
		"Stores exchange records (the JSON lines of `xxgk extract --json --errors`, made on any machine) the way "+
			"ingest stores files: same checks, content-hash identity, change log and error rows; - reads stdin.",
		"xxgk extract --json --errors examples/reports | xxgk load - --db out/xxgk.duckdb")
	db := fs.String("db", defaultDB, "the DuckDB file (the published snapshot; the working copy is a dot file beside it)")
	cf := addCorrectionsFlag(fs)
	batch := fs.Int("batch", ingest.DefaultBatch, "records per chunk: each chunk is committed on its own")
	var logFormat string
	addLogFlag(fs, &logFormat)
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no input given: name the .jsonl files to load, or - for stdin")
	}
	if *batch < 1 {
		return usagef("--batch %d: want at least 1 record per chunk", *batch)
	}
	log, err := newLogger(logFormat, e.stderr)
	if err != nil {
		return err
	}
	for _, p := range pos {
		if p == "-" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return fail(err, "input %q cannot be read", p)
		}
	}
	path := canonical(*db)
	w, err := openWrite(ctx, path)
	if err != nil {
		return err
	}
	defer func() { w.close(err) }()
	var readErr error
	recs := func(yield func(ingest.Input) bool) {
		for _, p := range pos {
			if readErr = readRecords(p, yield); readErr != nil {
				return
			}
		}
	}
	sum, err := ingest.Load(ctx, w.s, recs, ingest.Options{Batch: *batch, Log: log, CrossYear: validate.CrossYear,
		Committed: w.committed})
	if err == nil && readErr != nil {
		err = readErr
	}
	if err != nil {
		return fail(err, "the load into %s stopped", path)
	}
	printSummary(e.stdout, &sum.Summary, path)
	res, err := applyCorrections(ctx, w, correctionsFile(*cf, path), e.stderr)
	if err != nil {
		return err
	}
	if err = recordCorrections(ctx, w, sum.Run.ID, res); err != nil {
		return err
	}
	if err = w.publishAfter(ctx, true, sum.Changed() || sum.Run.Failed > 0 || len(res.Changes) > 0); err != nil {
		return err
	}
	if sum.Rejected > 0 {
		fmt.Fprintf(e.stdout, "%d 行不是可以载入的记录（已在上方逐行列出）\n", sum.Rejected)
	}
	if n := sum.Run.Failed + sum.Rejected; n > 0 {
		return partial(n, sum.Run.FilesSeen+sum.Rejected, "records", "the rest were stored")
	}
	return nil
}

// readRecords yields the lines of one exchange file (or stdin for "-").
func readRecords(path string, yield func(ingest.Input) bool) error {
	var r io.Reader = os.Stdin
	name := "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fail(err, "cannot read %s", path)
		}
		defer f.Close()
		r, name = f, path
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20) // one record is one line: a report's cells with their sentences
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		in := ingest.Input{Where: fmt.Sprintf("%s:%d", name, n)}
		var x report.Record
		if err := json.Unmarshal(line, &x); err != nil {
			in.Err = fmt.Errorf("not JSON: %w", err)
		} else {
			in.Record = &x
		}
		if !yield(in) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return fail(err, "cannot read %s", name)
	}
	return nil
}
