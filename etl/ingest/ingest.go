package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
)

// Options tune one ingest.
type Options struct {
	Workers int         // parallel readers; 0 means one per core
	Limits  read.Limits // size, decompressed size and time per file
	Kind    string      // the runs row kind: "ingest" (default) or "run"
	// Log gets one Warn record per failed file (its message names the file
	// and the reason) and Info records for the phases of the batch.
	Log *slog.Logger
	// Progress, when set, is told how many files need reading and when
	// each is done.
	Progress Progress
	// CrossYear evaluates the identities between consecutive years of an
	// agency; nil skips the cross-year checks.
	CrossYear func(prev, cur *report.Report) []report.Check
}

// Progress follows the reading phase, for a progress bar.
type Progress interface {
	Start(total int)
	Increment()
	Finish()
}

// Summary is what one ingest did.
type Summary struct {
	Run      load.Run // the counts and times, as recorded in the runs table
	Failures []load.Failure
}

// Changed reports whether the batch stored, changed or removed anything.
func (s *Summary) Changed() bool { return s.Run.New+s.Run.Changed+s.Run.Removed > 0 }

// trustMargin is how much older than the start of the run that recorded it
// an mtime must be before a size+mtime match skips hashing. A file written
// in the same tick as that run read it could have changed with neither size
// nor mtime moving; an older mtime cannot hide such a write, and the margin
// covers file systems with coarse (up to 2 s) timestamps.
const trustMargin = 2 * time.Second

// Run ingests the files under inputs into s: everything it finds is written
// in one batch, or nothing is. It returns an error only when the batch could
// not be written at all; failed files are in the summary.
func Run(ctx context.Context, s *load.Store, inputs []string, opt Options) (*Summary, error) {
	started := time.Now()
	if opt.Kind == "" {
		opt.Kind = "ingest"
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	// A missing input is fatal, not a failed file: an unmounted folder
	// must not mark everything under it as removed.
	for _, in := range inputs {
		if _, err := os.Stat(in); err != nil {
			return nil, fmt.Errorf("ingest: input %w", err)
		}
	}
	paths, err := read.Walk(inputs)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	paths = dedupe(paths)
	known, err := s.KnownFiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	stored, err := s.ReportIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	ex := examiner{known: known, stored: stored, lim: opt.Limits}
	outs := examineAll(ctx, paths, ex, opt)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	b, sum, err := assemble(ctx, s, inputs, paths, outs, known, opt)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	b.Run.Started, b.Run.Finished = started, time.Now()
	opt.Log.Info("writing batch", "reports", len(b.Reports), "files", len(b.Files), "errors", len(b.Errors))
	if err := s.Commit(ctx, b); err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	sum.Run = b.Run
	opt.Log.Info("batch committed", "run", b.Run.ID, "new", b.Run.New, "changed", b.Run.Changed,
		"skipped", b.Run.Skipped, "removed", b.Run.Removed, "failed", b.Run.Failed)
	return sum, nil
}

// verdict is what examining one file concluded.
type verdict int

const (
	unchanged verdict = iota // same size+mtime (trusted) or same content hash
	stored                   // content already in the database (a copy, a revert)
	parsed                   // new content, read and extracted
	failed
)

// outcome is the examination of one path.
type outcome struct {
	path    string
	size    int64
	mtimeNS int64
	hash    string
	verdict verdict
	rewrite bool           // unchanged, but the files row needs the new mtime
	read    bool           // read and extraction were attempted
	rep     *report.Report // parsed
	err     *report.FileError
}

type examiner struct {
	known  map[string]load.KnownFile
	stored map[string]bool
	lim    read.Limits
}

// examineAll examines every path on a pool of workers; results keep the
// order of paths.
func examineAll(ctx context.Context, paths []string, ex examiner, opt Options) []outcome {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if opt.Progress != nil {
		opt.Progress.Start(len(paths))
		defer opt.Progress.Finish()
	}
	outs := make([]outcome, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				outs[i] = ex.examine(ctx, paths[i])
				if opt.Progress != nil {
					opt.Progress.Increment()
				}
			}
		}()
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return outs
}

func (ex examiner) examine(ctx context.Context, path string) outcome {
	o := outcome{path: path}
	fail := func(stage report.Stage, err error) outcome {
		o.verdict = failed
		var fe *report.FileError
		if errors.As(err, &fe) {
			o.err = fe
		} else {
			o.err = &report.FileError{Path: path, Stage: stage, Err: err}
		}
		return o
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fail(report.StageRead, err)
	}
	if !fi.Mode().IsRegular() {
		return fail(report.StageRead, errors.New("not a regular file"))
	}
	o.size, o.mtimeNS = fi.Size(), fi.ModTime().UnixNano()
	k, seen := ex.known[path]
	if seen && !k.Removed && k.Size == o.size && k.MtimeNS == o.mtimeNS &&
		!k.RecordedAt.IsZero() && fi.ModTime().Before(k.RecordedAt.Add(-trustMargin)) {
		o.hash, o.verdict = k.Hash, unchanged
		return o
	}
	// The size limit is checked before a byte is read.
	if ex.lim.MaxBytes > 0 && o.size > ex.lim.MaxBytes {
		if seen && !k.Removed && k.Hash == "" && k.Size == o.size && k.MtimeNS == o.mtimeNS {
			// Refused unread before and untouched since: size and mtime
			// are all there is to compare, and its error stays open.
			o.verdict = failed
			return o
		}
		return fail(report.StageRead, fmt.Errorf("file is %s, over the %s limit (--max-size)",
			FormatSize(o.size), FormatSize(ex.lim.MaxBytes)))
	}
	o.hash, err = hashFile(path)
	if err != nil {
		return fail(report.StageRead, err)
	}
	if seen && k.Hash == o.hash && !k.Removed {
		// Touched but not changed; a content that failed before fails
		// again, and its error stays open.
		o.verdict = unchanged
		o.rewrite = k.MtimeNS != o.mtimeNS || k.Size != o.size || k.RecordedAt.IsZero() ||
			!fi.ModTime().Before(k.RecordedAt.Add(-trustMargin))
		if k.ReportID == "" {
			o.verdict = failed // already reported, and its error stays open
		}
		return o
	}
	if ex.stored[o.hash] {
		o.verdict = stored
		return o
	}
	if o.size == 0 {
		return fail(report.StageRead, errors.New("empty file"))
	}
	o.read = true
	rep, err := readAndExtract(ctx, path, ex.lim)
	if err != nil {
		return fail(report.StageExtract, err)
	}
	// The reader hashed the bytes it read: if the file changed since
	// hashFile, those bytes are the truth.
	o.hash, o.rep, o.verdict = rep.ID, rep, parsed
	return o
}

// The stages ingest calls, as variables so a test can make one panic or
// hang the way a broken parser would.
var (
	readFile        = read.File
	extractDocument = extract.Document
)

// readAndExtract reads and extracts one file within the time limit. A
// parser that overruns is abandoned (a goroutine cannot be stopped) and the
// file is reported; the batch goes on.
func readAndExtract(ctx context.Context, path string, lim read.Limits) (*report.Report, error) {
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	type result struct {
		rep *report.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		// extract.Document recovers its own panics; this also catches a
		// reader's, so no input can stop the batch.
		defer func() {
			if p := recover(); p != nil {
				done <- result{nil, &report.FileError{Path: path, Stage: report.StageRead,
					Err: fmt.Errorf("reader panic: %v\n%s", p, debug.Stack())}}
			}
		}()
		doc, err := readFile(ctx, path, lim)
		if err != nil {
			done <- result{nil, err}
			return
		}
		rep, err := extractDocument(doc)
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &report.FileError{Path: path, Stage: report.StageExtract,
				Err: fmt.Errorf("took longer than %v (--timeout)", lim.Timeout)}
		}
		return nil, ctx.Err()
	}
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hash: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// assemble turns the outcomes into the batch: files rows, reports, errors
// and the change log, in path order.
func assemble(ctx context.Context, s *load.Store, inputs, paths []string, outs []outcome,
	known map[string]load.KnownFile, opt Options) (*load.Batch, *Summary, error) {
	b := &load.Batch{Run: load.Run{Kind: opt.Kind, FilesSeen: len(paths)}, CrossYear: opt.CrossYear}
	sum := &Summary{}
	seen := make(map[string]bool, len(paths))
	inBatch := map[string]*report.Report{} // contents this batch stores
	for _, o := range outs {
		seen[o.path] = true
		rec := load.FileRecord{Path: o.path, Size: o.size, MtimeNS: o.mtimeNS, Hash: o.hash}
		k, wasKnown := known[o.path]
		if o.read {
			b.Run.Parsed++
		}
		switch o.verdict {
		case unchanged:
			b.Run.Skipped++
			if o.rewrite {
				rec.ReportID = k.ReportID
				b.Files = append(b.Files, rec)
			}
		case failed:
			if o.err == nil { // failed before, unchanged since
				b.Run.Skipped++
				if o.rewrite {
					b.Files = append(b.Files, rec)
				}
				continue
			}
			b.Run.Failed++
			f := load.Failure{Path: o.path, Hash: o.hash, Stage: o.err.Stage, Message: reason(o.err)}
			b.Errors = append(b.Errors, f)
			sum.Failures = append(sum.Failures, f)
			rec.Settled = true
			b.Files = append(b.Files, rec)
			b.Changes = append(b.Changes, load.Change{Path: o.path, Kind: load.ChangeFailed,
				Detail: string(f.Stage) + ": " + f.Message})
			// One line, like FileError's message but without a panic's
			// stack, which the json format keeps in "error".
			opt.Log.Warn(fmt.Sprintf("%s %q: %s", f.Stage, o.path, f.Message),
				"path", o.path, "stage", string(f.Stage), "reason", f.Message, "hash", o.hash, "error", o.err.Error())
		case stored, parsed:
			if first, ok := inBatch[o.hash]; ok && o.verdict == parsed {
				// The same new content at a second path: stored once.
				o.verdict, o.rep = stored, first
			}
			if o.rep != nil {
				inBatch[o.hash] = o.rep
			}
			rec.ReportID, rec.Settled = o.hash, true
			b.Files = append(b.Files, rec)
			if o.verdict == parsed {
				b.Reports = append(b.Reports, o.rep)
			}
			switch {
			case wasKnown && k.ReportID != "" && k.ReportID != o.hash:
				b.Run.Changed++
				chs, agency, err := changed(ctx, s, o, k.ReportID)
				if err != nil {
					return nil, nil, err
				}
				b.Changes = append(b.Changes, chs...)
				b.Agencies = append(b.Agencies, agency)
			case o.verdict == parsed:
				b.Run.New++
				b.Changes = append(b.Changes, load.Change{Path: o.path, Kind: load.ChangeNew, ReportID: o.hash,
					Detail: fmt.Sprintf("%s %d %s, %d figures", o.rep.Agency, o.rep.Year, o.rep.Period, countFigures(o.rep))})
			default:
				// A new path for content already stored (a copy): nothing new.
				b.Run.Skipped++
			}
		}
	}
	for _, k := range sortedKnown(known) {
		if seen[k.Path] || k.Removed || !under(k.Path, inputs) {
			continue
		}
		b.Run.Removed++
		b.Files = append(b.Files, load.FileRecord{Path: k.Path, Size: k.Size, MtimeNS: k.MtimeNS, Hash: k.Hash,
			ReportID: k.ReportID, Removed: true, Settled: true})
		b.Changes = append(b.Changes, load.Change{Path: k.Path, Kind: load.ChangeRemoved, ReportID: k.ReportID,
			Detail: "gone from the inputs; its data is kept"})
	}
	return b, sum, nil
}

// changed builds the change-log rows of a path whose content changed: one
// row for the report and one per figure that differs, old -> new.
func changed(ctx context.Context, s *load.Store, o outcome, oldID string) ([]load.Change, string, error) {
	old, ok, err := s.Report(ctx, oldID)
	if err != nil {
		return nil, "", err
	}
	nw := o.rep
	if nw == nil { // content stored by an earlier run (a revert): compare with that
		if nw, _, err = s.Report(ctx, o.hash); err != nil {
			return nil, "", err
		}
	}
	if !ok || nw == nil {
		return []load.Change{{Path: o.path, Kind: load.ChangeChanged, ReportID: o.hash, OldID: oldID}}, "", nil
	}
	figs := Diff(old, nw)
	head := load.Change{Path: o.path, Kind: load.ChangeChanged, ReportID: o.hash, OldID: oldID,
		Detail: describeIdentity(old, nw, len(figs))}
	for i := range figs {
		figs[i].Path, figs[i].Kind, figs[i].ReportID, figs[i].OldID = o.path, load.ChangeChanged, o.hash, oldID
	}
	return append([]load.Change{head}, figs...), old.Agency, nil
}

func describeIdentity(old, nw *report.Report, n int) string {
	var parts []string
	if old.Agency != nw.Agency {
		parts = append(parts, fmt.Sprintf("agency %s → %s", old.Agency, nw.Agency))
	}
	if old.Year != nw.Year || old.Period != nw.Period {
		parts = append(parts, fmt.Sprintf("year %d %s → %d %s", old.Year, old.Period, nw.Year, nw.Period))
	}
	if old.Form != nw.Form {
		parts = append(parts, fmt.Sprintf("form %s → %s", old.Form, nw.Form))
	}
	parts = append(parts, fmt.Sprintf("%d figures changed", n))
	return strings.Join(parts, "; ")
}

// Diff lists the figures that differ between two versions of a report, by
// key: a figure that appears, disappears, changes value or changes kind (a
// number that became blank is a change, not a zero).
func Diff(old, nw *report.Report) []load.Change {
	keys := map[string]bool{}
	for _, m := range old.Metrics {
		keys[m.Key] = true
	}
	for _, m := range nw.Metrics {
		keys[m.Key] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var out []load.Change
	for _, k := range sorted {
		om, oOK := old.Metric(k)
		nm, nOK := nw.Metric(k)
		if oOK == nOK && om.Kind == nm.Kind && (!om.IsNumber() || om.Value == nm.Value) {
			continue
		}
		c := load.Change{Key: k, Detail: kindOf(om, oOK) + " → " + kindOf(nm, nOK)}
		if oOK && om.IsNumber() {
			v := om.Value
			c.Old = &v
		}
		if nOK && nm.IsNumber() {
			v := nm.Value
			c.New = &v
		}
		out = append(out, c)
	}
	return out
}

func kindOf(m report.Metric, ok bool) string {
	if !ok {
		return "missing"
	}
	return string(m.Kind)
}

func countFigures(r *report.Report) int {
	n := 0
	for _, m := range r.Metrics {
		if m.IsNumber() {
			n++
		}
	}
	return n
}

// reason is the cause of a file error without the stage and path the
// FileError message repeats.
func reason(fe *report.FileError) string {
	if fe.Err == nil {
		return "unknown error"
	}
	msg := fe.Err.Error()
	// A parser panic carries its stack; the row keeps the first line and
	// the log keeps it all.
	if first, _, ok := strings.Cut(msg, "\n"); ok {
		return first
	}
	return msg
}

func dedupe(paths []string) []string {
	seen := make(map[string]bool, len(paths))
	out := paths[:0:0]
	for _, p := range paths {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func sortedKnown(known map[string]load.KnownFile) []load.KnownFile {
	out := make([]load.KnownFile, 0, len(known))
	for _, k := range known {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// under reports whether path is one of the inputs or inside an input folder:
// only those paths can be "removed" by this run; paths another ingest brought
// in from elsewhere are not this run's business.
func under(path string, inputs []string) bool {
	for _, in := range inputs {
		in = filepath.Clean(in)
		if path == in || in == "." && !filepath.IsAbs(path) ||
			strings.HasPrefix(path, strings.TrimSuffix(in, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// FormatSize prints a byte count the way the limits are written (50MB).
func FormatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%.4gMB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.4gKB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%dB", n)
}
