package ingest

import (
	"context"
	"errors"
	"fmt"
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
	"github.com/xxgk/xxgk/etl/manifest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/internal/termtext"
)

// Options tune one ingest.
type Options struct {
	Workers int         // parallel readers; 0 means one per core
	Limits  read.Limits // size, decompressed size and time per file
	Kind    string      // the runs row kind: "ingest" (default) or "run"
	// Batch is how many files one chunk holds (0: DefaultBatch). Each chunk
	// is read on the worker pool and committed in its own transaction, and
	// its parsed reports are dropped once it is: memory grows with the
	// chunk, not with the corpus.
	Batch int
	// Log gets one Warn record per failed file (its message names the file
	// and the reason) and Info records for the phases of the run.
	Log *slog.Logger
	// Progress, when set, is told how many files need reading and when
	// each is done.
	Progress Progress
	// CrossYear evaluates the identities between consecutive years of an
	// agency; nil skips the cross-year checks.
	CrossYear func(prev, cur *report.Report) []report.Check
	// Committed, when set, is called after each chunk's transaction has
	// committed (not after the last, which finishes the run: the caller
	// goes on from there), between transactions. The command publishes
	// the read snapshot there, at most every so often; an error stops the
	// run like a failed commit.
	Committed func(ctx context.Context) error
	// Supplied, when set, returns what an operator supplied about a file
	// (a manifest row, a sidecar) before it is identified; an error fails
	// the file. Nil reads the file's sidecar (NAME.meta.json) alone.
	Supplied func(path string) (report.Supplied, error)
}

// DefaultBatch is the chunk size when Options.Batch is 0: about 2,000 files
// keep a few hundred MB of parsed reports in memory, and make the fixed cost
// of one transaction small beside reading them.
const DefaultBatch = 2000

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
	// OpenErrors counts the errors still open after the run under its
	// inputs: files whose latest content failed, this run or an earlier
	// one, and have not changed since. While there are any, the job has
	// not succeeded, even when this run had nothing new to fail.
	OpenErrors int
}

// Changed reports whether the batch stored, changed or removed anything.
func (s *Summary) Changed() bool { return s.Run.New+s.Run.Changed+s.Run.Removed > 0 }

// trustMargin is how much older than the start of the run that recorded it
// an mtime must be before a size+mtime match skips hashing. A file written
// in the same tick as that run read it could have changed with neither size
// nor mtime moving; an older mtime cannot hide such a write, and the margin
// covers file systems with coarse (up to 2 s) timestamps.
const trustMargin = 2 * time.Second

// Run ingests the files under inputs into s, in chunks of opt.Batch files
// in path order. The runs row is written first, unfinished; every chunk is
// one transaction (its reports, files rows, errors, change log, cross-year
// checks of the agencies it touched, and the run's counts so far); the last
// transaction records the removed paths and finishes the run. A crash
// leaves whole chunks and an unfinished run, and the next run carries on
// where it stopped (what was committed is unchanged, so it is skipped). It
// returns an error only when a chunk could not be written; failed files are
// in the summary.
func Run(ctx context.Context, s *load.Store, inputs []string, opt Options) (*Summary, error) {
	started := time.Now()
	if opt.Kind == "" {
		opt.Kind = "ingest"
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Batch <= 0 {
		opt.Batch = DefaultBatch
	}
	// A missing input is fatal, not a failed file: an unmounted folder
	// must not mark everything under it as removed.
	for _, in := range inputs {
		if _, err := os.Stat(in); err != nil {
			return nil, fmt.Errorf("ingest: input %w", err)
		}
	}
	paths, unlisted := read.Walk(inputs)
	paths = dedupe(paths)
	if testHook != nil {
		testHook("walked", "")
	}
	known, err := s.KnownFiles(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	stored, err := s.ReportIDs(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	reset, err := s.TuneForIngest(ctx)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	defer reset()
	w, err := startWriter(ctx, s, opt, known, load.Run{Kind: opt.Kind, Started: started, FilesSeen: len(paths)})
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	// The examiner reads the next chunk while the writer commits this one;
	// on a write error it is cancelled and drained.
	exCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	ex := examiner{known: known, stored: stored, lim: opt.Limits, supplied: opt.Supplied}
	chunks := examineChunks(exCtx, paths, ex, opt)
	var werr error
	for outs := range chunks {
		if werr != nil {
			continue // draining
		}
		if err := ctx.Err(); err != nil {
			werr = err
		} else if werr = w.commitChunk(ctx, outs); werr == nil && opt.Committed != nil {
			werr = opt.Committed(ctx)
		}
		if werr != nil {
			cancel()
		}
	}
	if werr == nil {
		werr = ctx.Err()
	}
	if werr == nil && len(unlisted) > 0 {
		// A folder that could not be listed is one error row, written
		// with the files; the files known under it are not removed.
		werr = w.commitChunk(ctx, unlistedOutcomes(unlisted))
	}
	if werr == nil {
		werr = w.finish(ctx, paths, inputs, unlisted)
	}
	if werr != nil {
		return nil, fmt.Errorf("ingest: %w", werr)
	}
	w.sum.Run = w.run
	if w.sum.OpenErrors, err = openErrorsUnder(ctx, s, inputs); err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	opt.Log.Info("run finished", "run", w.run.ID, "new", w.run.New, "changed", w.run.Changed,
		"skipped", w.run.Skipped, "removed", w.run.Removed, "failed", w.run.Failed)
	return w.sum, nil
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
	known    map[string]load.KnownFile
	stored   map[string]bool
	lim      read.Limits
	supplied func(string) (report.Supplied, error)
}

// examineChunks examines the paths on a pool of workers, opt.Batch paths at
// a time, and sends each chunk's outcomes (in path order) once all are in.
// The workers read chunk k+1 while the receiver writes chunk k, and start
// chunk k+2 only when the receiver takes k+1: at most two chunks of parsed
// reports are alive at once.
func examineChunks(ctx context.Context, paths []string, ex examiner, opt Options) <-chan []outcome {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		outs []outcome
		i    int
		done *sync.WaitGroup
	}
	out := make(chan []outcome)
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.outs[j.i] = ex.examine(ctx, j.outs[j.i].path)
				if opt.Progress != nil {
					opt.Progress.Increment()
				}
				j.done.Done()
			}
		})
	}
	if opt.Progress != nil {
		opt.Progress.Start(len(paths))
	}
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			if opt.Progress != nil {
				opt.Progress.Finish()
			}
			close(out)
		}()
		for lo := 0; lo < len(paths); lo += opt.Batch {
			chunk := paths[lo:min(lo+opt.Batch, len(paths))]
			outs := make([]outcome, len(chunk))
			var done sync.WaitGroup
			for i, p := range chunk {
				if ctx.Err() != nil {
					done.Wait()
					return
				}
				outs[i].path = p
				done.Add(1)
				jobs <- job{outs, i, &done}
			}
			done.Wait()
			select {
			case out <- outs:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// examine examines one path within the file's time limit, from its first
// stat to its last read: stat, open, hash, read and extraction all count,
// and a path that takes longer (a hung mount, a converter that never ends)
// is reported and abandoned. The batch goes on either way.
func (ex examiner) examine(ctx context.Context, path string) outcome {
	if ex.lim.Timeout <= 0 {
		return ex.examineFile(ctx, ctx, path)
	}
	fctx, cancel := context.WithTimeout(ctx, ex.lim.Timeout)
	defer cancel()
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{path: path, verdict: failed, err: &report.FileError{Path: path, Stage: report.StageRead,
					Err: fmt.Errorf("panic: %v\n%s", p, debug.Stack())}}
			}
		}()
		done <- ex.examineFile(ctx, fctx, path)
	}()
	select {
	case o := <-done:
		return o
	case <-fctx.Done():
	}
	// Everything below the examination stops on fctx; give it a moment
	// to do so, so that its temporaries are gone before the next file.
	select {
	case o := <-done:
		return o
	case <-time.After(readerGrace):
	}
	if ctx.Err() != nil {
		return outcome{path: path, verdict: failed, err: &report.FileError{Path: path, Stage: report.StageRead, Err: ctx.Err()}}
	}
	return outcome{path: path, verdict: failed, err: &report.FileError{Path: path, Stage: report.StageRead,
		Err: fmt.Errorf("took longer than %v (--timeout)", ex.lim.Timeout)}}
}

// readerGrace is how long an examination past its time limit is waited
// for: readers stop on their context within a block or a row, and this is
// what closing and removing their temporaries may take.
const readerGrace = 2 * time.Second

// examineFile does the work of examine: ctx is the run's, fctx the file's
// (its time limit). Every open of path is non-blocking and checked to be a
// regular file on the open descriptor (read.OpenRegular): a path swapped
// for a FIFO after the walk is an error row, not a hang.
func (ex examiner) examineFile(ctx, fctx context.Context, path string) outcome {
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
	if testHook != nil {
		testHook("stat", path)
	}
	o.size, o.mtimeNS = fi.Size(), fi.ModTime().UnixNano()
	k, seen := ex.known[path]
	// A content that failed before is read again when an operator now
	// supplies something about it: the refusal of a year-less report asks
	// for a sidecar or a manifest row, and giving one must take effect.
	retry := seen && !k.Removed && k.ReportID == "" && k.Hash != "" && ex.suppliesSomething(path)
	if !retry && seen && !k.Removed && k.Size == o.size && k.MtimeNS == o.mtimeNS &&
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
			read.FormatSize(o.size), read.FormatSize(ex.lim.MaxBytes)))
	}
	// A path never seen, into a database holding no report yet (a first
	// ingest), cannot be unchanged or a copy of stored content: it is read
	// at once, and the reader's hash of the bytes it parses is the only one
	// taken. Every other file is hashed first, to skip what is stored.
	hashFirst := seen || len(ex.stored) > 0
	if hashFirst {
		if o.hash, err = read.Hash(fctx, path); err != nil {
			return fail(report.StageRead, timedOut(fctx, ex.lim, err))
		}
	}
	if hashFirst && seen && k.Hash == o.hash && !k.Removed && !retry {
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
	if hashFirst && ex.stored[o.hash] {
		o.verdict = stored
		return o
	}
	if o.size == 0 {
		if o.hash == "" {
			o.hash, _ = read.Hash(fctx, path)
		}
		return fail(report.StageRead, errors.New("empty file"))
	}
	o.read = true
	rep, err := readAndExtract(fctx, path, ex.lim, ex.supplied)
	if err != nil {
		if o.hash == "" && ctx.Err() == nil {
			// The files row keeps the hash of a failed content, so an
			// unchanged bad file is not read and reported again. The
			// file's own time may be up: hashing gets a time of its own.
			hctx, cancel := context.WithTimeout(ctx, hashTime(ex.lim))
			o.hash, _ = read.Hash(hctx, path)
			cancel()
		}
		return fail(report.StageExtract, err)
	}
	// The reader hashed the bytes it read: if the file changed since
	// it was hashed, those bytes are the truth.
	o.hash = rep.ID
	if rep.Year == 0 {
		// Nothing gives the year: an error row naming what would, never a
		// report filed under year 0.
		return fail(report.StageIdentify, report.NoYear(path))
	}
	o.rep, o.verdict = rep, parsed
	return o
}

// suppliesSomething reports whether an operator supplies anything about
// path (a sidecar, a manifest row); an unreadable sidecar counts, so that
// its error is reported.
func (ex examiner) suppliesSomething(path string) bool {
	supplied := ex.supplied
	if supplied == nil {
		supplied = sidecarOnly
	}
	s, err := supplied(path)
	return err != nil || !s.IsZero()
}

// hashTime is the time a failed file's hash may take after its read: the
// file's limit again, or a minute without one.
func hashTime(lim read.Limits) time.Duration {
	if lim.Timeout > 0 {
		return lim.Timeout
	}
	return time.Minute
}

// timedOut names the time limit when err is the file's context running out.
func timedOut(fctx context.Context, lim read.Limits, err error) error {
	if errors.Is(fctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("took longer than %v (--timeout)", lim.Timeout)
	}
	return err
}

// testHook, when a test sets it, is called at the steps of a run where a
// test changes the inputs under it: "walked" once the inputs are listed,
// "stat" after each path's stat, before it is opened.
var testHook func(step, path string)

// The stages ingest calls, as variables so a test can make one panic or
// hang the way a broken parser would.
var (
	readFile        = read.File
	extractDocument = extract.Document
)

// readAndExtract reads and extracts one file within the time limit of ctx.
// A parser that overruns is abandoned (a goroutine cannot be stopped) and
// the file is reported; the batch goes on. A reader stops on the context
// by itself, and is waited for a moment so that it has removed its
// temporaries when the file is reported. supplied gives what an operator
// supplied about the file (a manifest row, a sidecar); nil reads its
// sidecar alone.
func readAndExtract(ctx context.Context, path string, lim read.Limits, supplied func(string) (report.Supplied, error)) (*report.Report, error) {
	type result struct {
		rep *report.Report
		err error
	}
	done := make(chan result, 1)
	readDone := make(chan struct{})
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
		close(readDone)
		if err != nil {
			done <- result{nil, err}
			return
		}
		if supplied == nil {
			supplied = sidecarOnly
		}
		if doc.Supplied, err = supplied(path); err != nil {
			done <- result{nil, &report.FileError{Path: path, Stage: report.StageRead, Err: err}}
			return
		}
		rep, err := extractDocument(doc)
		if rep != nil {
			rep.Text = doc.Text // for the source pages, where the offsets point
		}
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.err
	case <-ctx.Done():
		select {
		case <-readDone:
		case <-time.After(readerGrace):
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &report.FileError{Path: path, Stage: report.StageExtract,
				Err: fmt.Errorf("took longer than %v (--timeout)", lim.Timeout)}
		}
		return nil, ctx.Err()
	}
}

// sidecarOnly is what an operator supplied when no manifest is given: the
// file's sidecar, if it has one.
func sidecarOnly(path string) (report.Supplied, error) { return manifest.For(nil, path) }

// Parse reads and extracts one file within lim.Timeout, as ingest does for
// each new content: `xxgk extract` calls it for the same per-file limits.
// supplied, when set, gives what an operator supplied about the file.
func Parse(ctx context.Context, path string, lim read.Limits, supplied func(string) (report.Supplied, error)) (*report.Report, error) {
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	return readAndExtract(ctx, path, lim, supplied)
}

// unlistedOutcomes turns the folders the walk could not list into failed
// outcomes: one error row each.
func unlistedOutcomes(errs []*report.FileError) []outcome {
	outs := make([]outcome, len(errs))
	for i, fe := range errs {
		outs[i] = outcome{path: fe.Path, verdict: failed, err: fe}
	}
	return outs
}

// openErrorsUnder counts the open errors of paths under inputs.
func openErrorsUnder(ctx context.Context, s *load.Store, inputs []string) (int, error) {
	errs, err := s.OpenErrors(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range errs {
		if under(e.Path, inputs) {
			n++
		}
	}
	return n, nil
}

// writer turns the chunks of outcomes into batches and commits them, and
// keeps what must hold across chunks: the run's counts, the failures, and
// the contents stored so far.
type writer struct {
	s     *load.Store
	opt   Options
	known map[string]load.KnownFile
	// storedNow holds the contents this run has committed: the same new
	// content at a path of a later chunk is a copy, stored once.
	storedNow map[string]bool
	run       load.Run
	sum       *Summary
	chunks    int
}

// startWriter writes the run's first row, unfinished, and returns the writer
// that commits its chunks.
func startWriter(ctx context.Context, s *load.Store, opt Options, known map[string]load.KnownFile, run load.Run) (*writer, error) {
	w := &writer{s: s, opt: opt, known: known, storedNow: map[string]bool{}, sum: &Summary{}, run: run}
	if err := s.StartRun(ctx, &w.run); err != nil {
		return nil, err
	}
	return w, nil
}

// commitChunk writes one chunk's files rows, reports, errors and change log
// in one transaction, with the run's counts so far.
func (w *writer) commitChunk(ctx context.Context, outs []outcome) error {
	w.chunks++
	b, err := w.assemble(ctx, outs)
	if err != nil {
		return err
	}
	b.Run.Unfinished = true // until finish
	w.opt.Log.Info("writing chunk", "chunk", w.chunks, "files", len(outs), "reports", len(b.Reports),
		"errors", len(b.Errors))
	if err := w.s.Commit(ctx, b); err != nil {
		return fmt.Errorf("chunk %d: %w", w.chunks, err)
	}
	for _, r := range b.Reports {
		w.storedNow[r.ID] = true
	}
	// Memory after the chunk, DuckDB's and Go's apart, so a log shows
	// which side grows with the corpus (neither should).
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	duck, err := w.s.MemoryUsage(ctx)
	if err != nil {
		return err
	}
	w.opt.Log.Info("chunk committed", "chunk", w.chunks, "run", w.run.ID, "new", w.run.New,
		"changed", w.run.Changed, "failed", w.run.Failed,
		"duckdb_mb", duck>>20, "go_heap_mb", ms.HeapInuse>>20, "go_sys_mb", ms.Sys>>20)
	return nil
}

// finish records the paths gone from the inputs and finishes the runs row.
// The files under a folder the walk could not list are not gone: their
// folder is the error.
func (w *writer) finish(ctx context.Context, paths, inputs []string, unlisted []*report.FileError) error {
	seen := make(map[string]bool, len(paths)+len(unlisted))
	for _, p := range paths {
		seen[p] = true
	}
	var dark []string
	for _, fe := range unlisted {
		seen[fe.Path] = true
		dark = append(dark, fe.Path)
	}
	b := w.batch()
	for _, k := range sortedKnown(w.known) {
		if seen[k.Path] || k.Removed || !under(k.Path, inputs) || under(k.Path, dark) {
			continue
		}
		if fi, err := os.Stat(k.Path); err == nil && fi.IsDir() && k.ReportID == "" {
			// A folder that could not be listed before and can now: its
			// error is settled, and nothing was removed.
			b.Files = append(b.Files, load.FileRecord{Path: k.Path, Removed: true, Settled: true})
			continue
		}
		b.Run.Removed++
		b.Files = append(b.Files, load.FileRecord{Path: k.Path, Size: k.Size, MtimeNS: k.MtimeNS, Hash: k.Hash,
			ReportID: k.ReportID, Removed: true, Settled: true})
		b.Changes = append(b.Changes, load.Change{Path: k.Path, Kind: load.ChangeRemoved, ReportID: k.ReportID,
			Detail: "gone from the inputs; its data is kept"})
	}
	w.run.Removed = b.Run.Removed
	if err := w.s.Commit(ctx, b); err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	w.run.Finished = b.Run.Finished
	return nil
}

// batch starts a batch of the run, carrying its counts so far.
func (w *writer) batch() *load.Batch {
	w.run.Finished = time.Now()
	return &load.Batch{Run: w.run, Fresh: true, CrossYear: w.opt.CrossYear}
}

// assemble turns one chunk's outcomes into its batch: files rows, reports,
// errors and the change log, in path order, and adds them to the run's
// counts.
func (w *writer) assemble(ctx context.Context, outs []outcome) (*load.Batch, error) {
	run := &w.run
	var b load.Batch
	inChunk := map[string]*report.Report{} // contents this chunk stores
	type pending struct {
		o     outcome
		oldID string
		at    int // index of the change row to expand
	}
	var changedPaths []pending
	for _, o := range outs {
		rec := load.FileRecord{Path: o.path, Size: o.size, MtimeNS: o.mtimeNS, Hash: o.hash}
		k, wasKnown := w.known[o.path]
		if o.read {
			run.Parsed++
		}
		switch o.verdict {
		case unchanged:
			run.Skipped++
			if o.rewrite {
				rec.ReportID = k.ReportID
				b.Files = append(b.Files, rec)
			}
		case failed:
			if o.err == nil { // failed before, unchanged since
				run.Skipped++
				if o.rewrite {
					b.Files = append(b.Files, rec)
				}
				continue
			}
			run.Failed++
			f := load.Failure{Path: o.path, Hash: o.hash, Stage: o.err.Stage, Message: reason(o.err)}
			b.Errors = append(b.Errors, f)
			w.sum.Failures = append(w.sum.Failures, f)
			rec.Settled = true
			b.Files = append(b.Files, rec)
			b.Changes = append(b.Changes, load.Change{Path: o.path, Kind: load.ChangeFailed,
				Detail: string(f.Stage) + ": " + f.Message})
			// One line, like FileError's message but without a panic's
			// stack, which the json format keeps in "error".
			w.opt.Log.Warn(fmt.Sprintf("%s %q: %s", f.Stage, o.path, termtext.Escape(f.Message)),
				"path", o.path, "stage", string(f.Stage), "reason", f.Message, "hash", o.hash, "error", o.err.Error())
		case stored, parsed:
			if o.verdict == parsed {
				if first, ok := inChunk[o.hash]; ok {
					// The same new content at a second path: stored once.
					o.verdict, o.rep = stored, first
				} else if w.storedNow[o.hash] {
					// Stored by an earlier chunk: compared from the database.
					o.verdict, o.rep = stored, nil
				}
			}
			if o.rep != nil {
				inChunk[o.hash] = o.rep
			}
			rec.ReportID, rec.Settled = o.hash, true
			b.Files = append(b.Files, rec)
			if o.verdict == parsed {
				b.Reports = append(b.Reports, o.rep)
			}
			switch {
			case wasKnown && k.ReportID != "" && k.ReportID != o.hash:
				run.Changed++
				changedPaths = append(changedPaths, pending{o, k.ReportID, len(b.Changes)})
				b.Changes = append(b.Changes, load.Change{}) // filled below
			case o.verdict == parsed:
				run.New++
				b.Changes = append(b.Changes, load.Change{Path: o.path, Kind: load.ChangeNew, ReportID: o.hash,
					Detail: fmt.Sprintf("%s %d %s, %d figures", o.rep.Agency, o.rep.Year, o.rep.Period, countFigures(o.rep))})
			default:
				// A new path for content already stored (a copy): nothing new.
				run.Skipped++
			}
		}
	}
	if len(changedPaths) > 0 {
		// The old versions (and the new ones stored before, for a revert)
		// are read back in one go, not one query per file.
		var ids []string
		for _, p := range changedPaths {
			ids = append(ids, p.oldID)
			if p.o.rep == nil {
				ids = append(ids, p.o.hash)
			}
		}
		old, err := w.s.ReportFigures(ctx, ids)
		if err != nil {
			return nil, err
		}
		// Each changed path's placeholder row becomes its head row followed
		// by its figure rows.
		expanded := make([]load.Change, 0, len(b.Changes))
		next := 0
		for _, p := range changedPaths {
			expanded = append(expanded, b.Changes[next:p.at]...)
			nw := p.o.rep
			if nw == nil { // content stored before (a revert): compare with that
				nw = old[p.o.hash]
			}
			chs, agency := changed(p.o.path, p.o.hash, p.oldID, old[p.oldID], nw)
			expanded = append(expanded, chs...)
			if agency != "" {
				b.Agencies = append(b.Agencies, agency)
			}
			next = p.at + 1
		}
		b.Changes = append(expanded, b.Changes[next:]...)
	}
	nb := w.batch()
	nb.Reports, nb.Files, nb.Errors, nb.Changes, nb.Agencies = b.Reports, b.Files, b.Errors, b.Changes, b.Agencies
	return nb, nil
}

// changed builds the change-log rows of a path whose content changed: one
// row for the report and one per figure that differs, old -> new. It returns
// the old report's agency, whose cross-year checks may change with it.
func changed(path, id, oldID string, old, nw *report.Report) ([]load.Change, string) {
	if old == nil || nw == nil {
		return []load.Change{{Path: path, Kind: load.ChangeChanged, ReportID: id, OldID: oldID}}, ""
	}
	figs := Diff(old, nw)
	head := load.Change{Path: path, Kind: load.ChangeChanged, ReportID: id, OldID: oldID,
		Detail: describeIdentity(old, nw, len(figs))}
	for i := range figs {
		figs[i].Path, figs[i].Kind, figs[i].ReportID, figs[i].OldID = path, load.ChangeChanged, id, oldID
	}
	return append([]load.Change{head}, figs...), old.Agency
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
