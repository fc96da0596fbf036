package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/xxgk/xxgk/etl/ingest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/internal/termtext"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "FILE|DIR... [--json] [--errors] [flags]",
		"Parses the files (folders recursively) and prints one exchange record (a JSON object) per report on stdout; "+
			"nothing is stored, so it runs anywhere, and `xxgk load` stores its output.",
		"xxgk extract --json --errors examples/reports > out/reports.jsonl")
	asJSON := fs.Bool("json", true, "print one JSON object per report (the exchange format); --json=false prints a summary line per report")
	withErrors := fs.Bool("errors", false, "also print one record per failed file (\"error\": stage and message), so `xxgk load` records the failure as ingest would")
	workers := fs.Int("workers", runtime.NumCPU(), "files parsed at once")
	manifestFile := fs.String("manifest", "", "a CSV or JSON-lines file of path,url,title,agency,year,published for the reports (an agency or year given there overrides the text's)")
	lf := addLimitFlags(fs)
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no input given: name the files or folders to extract")
	}
	if *workers < 1 {
		return usagef("--workers %d: want at least 1", *workers)
	}
	inputs, err := inputPaths(pos)
	if err != nil {
		return err
	}
	m, err := loadManifest(*manifestFile)
	if err != nil {
		return err
	}
	lim := lf.limits()
	paths, unlisted := read.Walk(inputs)
	// A folder that cannot be listed is a failed input, like a file that
	// cannot be read: named, counted, and the rest goes on.
	for _, fe := range unlisted {
		fmt.Fprintln(e.stderr, "xxgk:", termtext.Escape(fe.Error()))
	}
	failed := len(unlisted)
	// Extraction allocates many short-lived strings and keeps little: a
	// lazier collector saves about a fifth of its CPU for a few MB of heap.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	var werr error
	// Workers render each report's line too, so encoding runs on every core;
	// lines are written in input order.
	encode := func(v any) ([]byte, error) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		err := enc.Encode(v)
		return buf.Bytes(), err
	}
	render := func(p string, rep *report.Report) ([]byte, error) {
		if *asJSON {
			return encode(rep.ToRecord())
		}
		// The summary line is for people: the path and the agency are
		// escaped (the JSON record keeps them exact).
		return fmt.Appendf(nil, "%s\t%s\t%d\t%s\t%s\t%d figures\n", termtext.Escape(p), termtext.Escape(rep.Agency),
			rep.Year, rep.Period, rep.Form, len(rep.Metrics)), nil
	}
	extractAll(ctx, paths, lim, *workers, suppliedBy(m), render, func(p string, line []byte, err error) {
		if werr != nil {
			return
		}
		if err != nil {
			fmt.Fprintln(e.stderr, "xxgk:", termtext.Escape(err.Error()))
			failed++
			if !*asJSON || !*withErrors {
				return
			}
			if line, err = encode(errorRecord(ctx, p, err, lim)); err != nil {
				werr = err
				return
			}
		}
		_, werr = e.stdout.Write(line)
	})
	if werr != nil {
		return fail(werr, "cannot write the records")
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 {
		return partial(failed, len(paths)+len(unlisted), "files", "the others were printed")
	}
	return nil
}

// errorRecord is the exchange line of a file that failed: its identity
// as a file and the failure, which `xxgk load` stores as an error row.
// The hash is taken within the file's time limit, as ingest takes it.
func errorRecord(ctx context.Context, path string, err error, lim read.Limits) report.Record {
	x := report.Record{Path: path, Error: &report.RecordError{Stage: report.StageRead, Message: err.Error()}}
	x.File = filepath.Base(path)
	x.Metrics, x.Approx, x.Provenance, x.Checks = map[string]float64{}, []string{}, map[string]string{}, []report.Check{}
	var fe *report.FileError
	if errors.As(err, &fe) {
		x.Error.Stage, x.Error.Message = fe.Stage, ingest.Reason(fe)
	}
	if fi, serr := os.Stat(path); serr == nil {
		x.Size = fi.Size()
	}
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	if h, herr := read.Hash(ctx, path); herr == nil {
		x.ID = h
	}
	return x
}

// extractAll parses and renders paths on a pool of workers and calls emit
// for each file in input order, so output is stable whatever the scheduling.
func extractAll(ctx context.Context, paths []string, lim read.Limits, workers int,
	supplied func(string) (report.Supplied, error),
	render func(string, *report.Report) ([]byte, error), emit func(string, []byte, error)) {
	if workers < 1 {
		workers = 1
	}
	type result struct {
		line []byte
		err  error
	}
	slots := make([]chan result, len(paths))
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				// The file's time limit covers reading and extraction, as
				// in ingest.
				rep, err := ingest.Parse(ctx, paths[i], lim, supplied)
				if err != nil {
					slots[i] <- result{err: err}
					continue
				}
				line, err := render(paths[i], rep)
				slots[i] <- result{line, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range paths {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := range paths {
		select {
		case r := <-slots[i]:
			emit(paths[i], r.line, r.err)
		case <-ctx.Done():
			wg.Wait()
			return
		}
	}
	wg.Wait()
}
