package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/read"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "--json FILE|DIR...",
		"xxgk extract --json examples/reports/*.txt > out.jsonl", stderr)
	asJSON := fs.Bool("json", true, "print one JSON object per report (the exchange format)")
	maxSize := fs.Int64("max-size", read.DefaultLimits().MaxBytes, "skip files larger than this many bytes")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	paths, err := read.Walk(fs.Args())
	if err != nil {
		return err
	}
	lim := read.DefaultLimits()
	lim.MaxBytes = *maxSize
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, p := range paths {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		doc, err := read.File(ctx, p, lim)
		if err != nil {
			fmt.Fprintln(stderr, "xxgk:", err)
			failed++
			continue
		}
		rep, err := extract.Document(doc)
		if err != nil {
			fmt.Fprintln(stderr, "xxgk:", err)
			failed++
			continue
		}
		if *asJSON {
			if err := enc.Encode(rep.ToExchange()); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		} else {
			fmt.Fprintf(stdout, "%s\t%s\t%d\t%s\t%s\t%d figures\n", p, rep.Agency, rep.Year, rep.Period, rep.Form, len(rep.Metrics))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed: %w", failed, len(paths), errPartial)
	}
	return nil
}
