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

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "--json FILE|DIR...",
		"xxgk extract --json examples/reports/*.txt > out.jsonl", stderr)
	asJSON := fs.Bool("json", true, "print one JSON object per report (the exchange format); false prints a summary line per report")
	workers := fs.Int("workers", runtime.NumCPU(), "files parsed at once")
	manifestFile := fs.String("manifest", "", "a CSV or JSON-lines file of path,url,title,agency,year,published for the reports (an agency or year given there overrides the text's)")
	lim := read.DefaultLimits()
	fs.Int64Var(&lim.MaxBytes, "max-size", lim.MaxBytes, "refuse files larger than this many bytes")
	fs.Int64Var(&lim.MaxDecompressed, "max-decompressed", lim.MaxDecompressed, "refuse docx/xlsx that unpack to more than this many bytes")
	fs.DurationVar(&lim.Timeout, "timeout", lim.Timeout, "time limit per file for external converters")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	m, err := loadManifest(*manifestFile)
	if err != nil {
		fmt.Fprintln(stderr, "xxgk extract:", err)
		return errUsage
	}
	paths, err := read.Walk(fs.Args())
	if err != nil {
		return err
	}
	// Extraction allocates many short-lived strings and keeps little: a
	// lazier collector saves about a fifth of its CPU for a few MB of heap.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	failed := 0
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
	extractAll(ctx, paths, lim, *workers, suppliedBy(m), render, func(line []byte, err error) {
		if werr != nil {
			return
		}
		if err != nil {
			fmt.Fprintln(stderr, "xxgk:", err)
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
		return fmt.Errorf("%d of %d files failed: %w", failed, len(paths), errPartial)
	}
	return nil
}

// extractAll parses and renders paths on a pool of workers and calls emit
// for each file in input order, so output is stable whatever the scheduling.
func extractAll(ctx context.Context, paths []string, lim read.Limits, workers int,
	supplied func(string) (report.Supplied, error),
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
				doc, err := read.File(ctx, paths[i], lim)
				if err != nil {
					slots[i] <- result{err: err}
					continue
				}
				if doc.Supplied, err = supplied(paths[i]); err != nil {
					slots[i] <- result{err: &report.FileError{Path: paths[i], Stage: report.StageRead, Err: err}}
					continue
				}
				rep, err := extract.Document(doc)
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
