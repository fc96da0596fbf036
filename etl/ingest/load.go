package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"path/filepath"
	"regexp"
	"time"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
)

// Input is one line of an exchange stream for Load: a record, or the reason
// the line is not one.
type Input struct {
	Record *report.Record
	Where  string // FILE.jsonl:LINE, for messages
	Err    error  // the line is not JSON or not a record
}

// LoadSummary is what one Load did: the run, and the lines it refused.
type LoadSummary struct {
	Summary
	Rejected int // lines that were not valid records (named in the log)
}

// Load stores exchange records produced elsewhere (`xxgk extract --json
// --errors` on any machine) the way Run stores the files it reads: the same
// incremental identity (a record whose content hash the path already has is
// unchanged, a hash already stored is linked without storing it again), the
// same chunks and transactions, change log, error rows and cross-year
// checks, under a runs row of kind "load". The within-report checks are the
// extractor's, which is why a record must come from the same parser version.
// Records carry no mtime (extraction is a function of the content), so the
// files rows Load writes have none, and the next ingest of those files
// hashes them once. Load never marks a path removed: only an ingest of the
// folder knows what is gone.
//
// A line that is not a valid record (not JSON, no content hash, an unknown
// metric key, another parser version, a path given twice) is refused with a
// log line naming it and counted in Rejected; the rest is stored.
func Load(ctx context.Context, s *load.Store, inputs iter.Seq[Input], opt Options) (*LoadSummary, error) {
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	known, err := s.KnownFiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	stored, err := s.ReportIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	reset, err := s.TuneForIngest(ctx)
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	defer reset()
	w, err := startWriter(ctx, s, opt, known, load.Run{Kind: "load", Started: time.Now()})
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	sum := &LoadSummary{}
	seen := map[string]string{} // path -> where it was first given
	var chunk []outcome
	commit := func() error {
		if len(chunk) == 0 {
			return nil
		}
		w.run.FilesSeen += len(chunk)
		if err := w.commitChunk(ctx, chunk); err != nil {
			return err
		}
		chunk = chunk[:0]
		if opt.Committed != nil {
			return opt.Committed(ctx)
		}
		return nil
	}
	for in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("load: %w", err)
		}
		if in.Err == nil {
			in.Err = checkRecord(in.Record)
		}
		if in.Err == nil {
			if first, dup := seen[in.Record.Path]; dup {
				in.Err = fmt.Errorf("path %q was given before, at %s; the first record is kept", in.Record.Path, first)
			} else {
				seen[in.Record.Path] = in.Where
			}
		}
		if in.Err != nil {
			sum.Rejected++
			opt.Log.Warn(fmt.Sprintf("%s is not an exchange record xxgk can load: %v", in.Where, in.Err),
				"where", in.Where, "reason", in.Err.Error())
			continue
		}
		chunk = append(chunk, judge(in.Record, known, stored))
		if len(chunk) >= opt.Batch {
			if err := commit(); err != nil {
				return nil, fmt.Errorf("load: %w", err)
			}
		}
	}
	if err := commit(); err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	if err := w.finish(ctx, nil, nil, nil); err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	w.sum.Run = w.run
	sum.Summary = *w.sum
	opt.Log.Info("load finished", "run", w.run.ID, "new", w.run.New, "changed", w.run.Changed,
		"skipped", w.run.Skipped, "failed", w.run.Failed, "rejected", sum.Rejected)
	return sum, nil
}

// Reason is the cause of a file error as an error row stores it: without
// the stage and path its message repeats, and without a panic's stack.
func Reason(fe *report.FileError) string { return reason(fe) }

// judge is examine for a record: the same verdicts from the same facts,
// except that the record was read and extracted elsewhere.
func judge(x *report.Record, known map[string]load.KnownFile, storedIDs map[string]bool) outcome {
	o := outcome{path: x.Path, size: x.Size, hash: x.ID}
	k, seen := known[x.Path]
	if seen && !k.Removed && k.Hash == x.ID {
		// Unchanged: keep what the files row knows (its mtime above all).
		o.mtimeNS, o.verdict = k.MtimeNS, unchanged
		if k.ReportID == "" {
			o.verdict = failed // already reported, and its error stays open
		}
		return o
	}
	if x.Error != nil {
		o.verdict, o.read = failed, true
		o.err = &report.FileError{Path: x.Path, Stage: x.Error.Stage, Err: errors.New(x.Error.Message)}
		return o
	}
	if x.Year == 0 {
		// A record of a report whose year nothing gives: stored as the
		// error ingest records for the file, never as year 0.
		o.verdict, o.read = failed, true
		o.err = report.NoYear(x.Path)
		return o
	}
	if storedIDs[x.ID] {
		o.verdict = stored
		return o
	}
	o.read, o.rep, o.verdict = true, x.Report(), parsed
	return o
}

var hashRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// checkRecord refuses what could not have come from `xxgk extract` of this
// version, so a stored record means what an ingested report means.
func checkRecord(x *report.Record) error {
	switch {
	case x == nil:
		return errors.New("empty record")
	case !hashRE.MatchString(x.ID):
		return fmt.Errorf("id %q is not a SHA-256 content hash (64 hex digits)", x.ID)
	case x.Path == "" || !filepath.IsAbs(x.Path):
		return fmt.Errorf("path %q is not an absolute file name", x.Path)
	case x.Size < 0:
		return fmt.Errorf("size %d is negative", x.Size)
	}
	if x.Error != nil {
		if x.Error.Message == "" {
			return errors.New("error without a message")
		}
		switch x.Error.Stage {
		case report.StageRead, report.StageIdentify, report.StageExtract, report.StageLoad:
			return nil
		}
		return fmt.Errorf("error stage %q is not read, identify, extract or load", x.Error.Stage)
	}
	if x.ParserVersion != report.ParserVersion {
		return fmt.Errorf("made by parser version %q, this xxgk has %q: extract it again with this version", x.ParserVersion, report.ParserVersion)
	}
	switch {
	case x.Agency == "":
		return errors.New("no agency")
	case x.Year == 0 && x.YearSource != report.SourceUnknown:
		return fmt.Errorf("year null with year_source %q: a record without a year has year_source %q", x.YearSource, report.SourceUnknown)
	case x.Year != 0 && (x.Year < 1900 || x.Year > 2999):
		return fmt.Errorf("year %d is not a four-digit year", x.Year)
	}
	switch x.Period {
	case report.PeriodYear, report.PeriodH1:
	default:
		return fmt.Errorf("period %q is not year or h1", x.Period)
	}
	switch x.Form {
	case report.FormTable2021, report.FormTable2019, report.FormLegacy, report.FormNarrative:
	default:
		return fmt.Errorf("form %q is not table2021, table2019, legacy or narrative", x.Form)
	}
	if len(x.Cells) == 0 && len(x.Metrics) > 0 {
		return errors.New(`figures without "cells": the record was cut to the scoring fields`)
	}
	for _, m := range x.Cells {
		if _, ok := report.LookupKey(m.Key); !ok {
			return fmt.Errorf("metric key %q is not in metrics.tsv", m.Key)
		}
		switch m.Kind {
		case report.KindNumber, report.KindEmpty, report.KindNotApplicable:
		default:
			return fmt.Errorf("metric %q has kind %q (want number, empty or not_applicable)", m.Key, m.Kind)
		}
	}
	return nil
}
