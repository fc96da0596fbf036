package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/xxgk/xxgk/etl/ingest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/internal/termtext"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "--json FILE|DIR...",
		"xxgk extract --json examples/reports/*.txt > out.jsonl", stderr)
	asJSON := fs.Bool("json", true, "print one JSON object per report (the exchange format); false prints a summary line per report")
	workers := fs.Int("workers", runtime.NumCPU(), "files parsed at once")
	lf := addLimitFlags(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	lim := lf.limits()
	paths, unlisted := read.Walk(fs.Args())
	// A folder that cannot be listed is a failed input, like a file that
	// cannot be read: named, counted, and the rest goes on.
	for _, fe := range unlisted {
		fmt.Fprintln(stderr, "xxgk:", termtext.Escape(fe.Error()))
	}
	failed := len(unlisted)
	// Extraction allocates many short-lived strings and keeps little: a
	// lazier collector saves about a fifth of its CPU for a few MB of heap.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	var werr error
	// Workers render each report's line too, so encoding runs on every core;
	// lines are written in input order.
	render := func(p string, rep *report.Report) ([]byte, error) {
		if *asJSON {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			err := enc.Encode(rep.ToExchange())
			return buf.Bytes(), err
		}
		return fmt.Appendf(nil, "%s\t%s\t%d\t%s\t%s\t%d figures\n", p, rep.Agency, rep.Year, rep.Period, rep.Form, len(rep.Metrics)), nil
	}
	extractAll(ctx, paths, lim, *workers, render, func(line []byte, err error) {
		if werr != nil {
			return
		}
		if err != nil {
			fmt.Fprintln(stderr, "xxgk:", termtext.Escape(err.Error()))
			failed++
			return
		}
		_, werr = stdout.Write(line)
	})
	if werr != nil {
		return fmt.Errorf("write: %w", werr)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed: %w", failed, len(paths)+len(unlisted), errPartial)
	}
	return nil
}

// extractAll parses and renders paths on a pool of workers and calls emit
// for each file in input order, so output is stable whatever the scheduling.
func extractAll(ctx context.Context, paths []string, lim read.Limits, workers int,
	render func(string, *report.Report) ([]byte, error), emit func([]byte, error)) {
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
				rep, err := ingest.Parse(ctx, paths[i], lim)
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
			emit(r.line, r.err)
		case <-ctx.Done():
			wg.Wait()
			return
		}
	}
	wg.Wait()
}
