package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/xxgk/xxgk/etl/ingest"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/manifest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
	"github.com/xxgk/xxgk/internal/termtext"
	"github.com/xxgk/xxgk/queries/labels"
)

const defaultDB = "out/xxgk.duckdb"

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "FILE|DIR... [--db FILE] [flags]",
		"Parses the files (folders recursively) into the DuckDB file and publishes its read snapshot; unchanged files are skipped.",
		"xxgk ingest examples/reports --db out/xxgk.duckdb")
	db := fs.String("db", defaultDB, "the DuckDB file (the published snapshot; the working copy is a dot file beside it)")
	cf := addCorrectionsFlag(fs)
	manifestFile := fs.String("manifest", "", "a CSV or JSON-lines file of path,url,title,agency,year,published for the reports (an agency or year given there overrides the text's)")
	jf := addJobFlags(fs)
	pos, err := parseArgs(e, fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no input given: name the files or folders to ingest")
	}
	if err := jf.check(e); err != nil {
		return err
	}
	inputs, err := inputPaths(pos)
	if err != nil {
		return err
	}
	m, err := loadManifest(*manifestFile)
	if err != nil {
		return err
	}
	job := ingestJob{db: canonical(*db), inputs: inputs, workers: jf.workers, batch: jf.batch, limits: jf.limits(),
		kind: "ingest", log: jf.log, progress: jf.logFormat == "text", manifest: m,
		corrections: correctionsFile(*cf, canonical(*db))}
	sum, err := job.run(ctx, e, nil)
	if err != nil {
		return err
	}
	return failedFiles(sum, "the rest were stored")
}

// failedFiles is the error of a run that stored what it could but left
// files failed: those of this run, or open errors of earlier runs whose
// files have not changed since (exit 1 until they are fixed).
// rest says what became of the others.
func failedFiles(sum *ingest.Summary, rest string) error {
	switch {
	case sum.Run.Failed > 0:
		return partial(sum.Run.Failed, sum.Run.FilesSeen, "files", rest)
	case sum.OpenErrors > 0:
		n := fmt.Sprintf("%d open errors remain", sum.OpenErrors)
		if sum.OpenErrors == 1 {
			n = "1 open error remains"
		}
		return fmt.Errorf("%s (`xxgk status` lists them): %w", n, errPartial)
	}
	return nil
}

// openErrors says how many open errors remain, in a sentence of the
// summary.
func openErrors(n int) string {
	return fmt.Sprintf("仍有 %d 个未解决的读取错误：读取失败、此后没有改动过的文件（`xxgk status` 列出它们）", n)
}

// inputPaths checks that every input exists (a missing one is fatal, not a
// failed file: an unmounted folder must not mark everything under it as
// removed) and returns their canonical names, so the files table has one
// name per file whatever the working directory.
func inputPaths(args []string) ([]string, error) {
	out := make([]string, len(args))
	for i, a := range args {
		if _, err := os.Stat(a); err != nil {
			return nil, fail(err, "input %q cannot be read", a)
		}
		out[i] = canonical(a)
	}
	return out, nil
}

// loadManifest reads the --manifest file; "" is none. A manifest that
// cannot be read or has a bad row is the operator's mistake: a usage error
// naming the file and the row. Its folder is taken canonically, as the
// inputs are, so its relative paths name the same files.
func loadManifest(path string) (*manifest.Manifest, error) {
	if path == "" {
		return nil, nil
	}
	m, err := manifest.Load(canonical(path))
	if err != nil {
		return nil, usagef("--manifest: %v", err)
	}
	return m, nil
}

// suppliedBy returns what an operator supplied about a path: its sidecar
// and its manifest row.
func suppliedBy(m *manifest.Manifest) func(string) (report.Supplied, error) {
	return func(path string) (report.Supplied, error) { return manifest.For(m, path) }
}

// jobFlags are the flags ingest shares with its config file counterpart.
type jobFlags struct {
	workers   int
	batch     int
	lim       *limitFlags
	logFormat string
	log       *slog.Logger
}

func addJobFlags(fs *flag.FlagSet) *jobFlags {
	jf := &jobFlags{}
	fs.IntVar(&jf.workers, "workers", 0, "files read in parallel (0: one per core)")
	fs.IntVar(&jf.batch, "batch", ingest.DefaultBatch, "files per chunk: each chunk is committed on its own, and memory holds about two")
	jf.lim = addLimitFlags(fs)
	addLogFlag(fs, &jf.logFormat)
	return jf
}

func addLogFlag(fs *flag.FlagSet, format *string) {
	fs.StringVar(format, "log-format", "text", "text: one plain line per failed file; json: structured log records (log/slog)")
}

// check validates the values flag parsing cannot, and makes the logger.
func (jf *jobFlags) check(e *env) error {
	if jf.batch < 1 {
		return usagef("--batch %d: want at least 1 file per chunk", jf.batch)
	}
	if jf.workers < 0 {
		return usagef("--workers %d: want 0 (one per core) or more", jf.workers)
	}
	log, err := newLogger(jf.logFormat, e.stderr)
	if err != nil {
		return err
	}
	jf.log = log
	return nil
}

func (jf *jobFlags) limits() read.Limits { return jf.lim.limits() }

// ingestJob is one locked ingest into one database.
type ingestJob struct {
	db          string // canonical
	inputs      []string
	workers     int
	batch       int // files per chunk (transaction); 0: ingest.DefaultBatch
	limits      read.Limits
	kind        string // ingest or run
	log         *slog.Logger
	progress    bool               // draw a progress bar when stderr is a terminal
	manifest    *manifest.Manifest // what the operator supplied; nil: sidecars only
	corrections string             // the corrections file, applied after the ingest
}

// run takes the database's run lock, ingests into the working copy
// (publishing the read snapshot between chunks, at most every so often),
// prints the summary, refreshes the named queries' caches and publishes
// the snapshot. When then is given, it is called with the open writer
// before the lock is released (run builds the outputs there, so no ingest
// can slip in between) and the snapshot is published again after it.
func (j ingestJob) run(ctx context.Context, e *env, then func(*writer, *ingest.Summary) error) (sum *ingest.Summary, err error) {
	w, err := openWrite(ctx, j.db)
	if err != nil {
		return nil, err
	}
	defer func() { w.close(err) }()
	opt := ingest.Options{Workers: j.workers, Batch: j.batch, Limits: j.limits, Kind: j.kind, Log: j.log,
		CrossYear: validate.CrossYear, Committed: w.committed, Supplied: suppliedBy(j.manifest)}
	if j.progress && isTerminal(e.stderr) {
		opt.Progress = &progressBar{w: e.stderr}
	}
	sum, err = ingest.Run(ctx, w.s, j.inputs, opt)
	if err != nil {
		return nil, fail(err, "the ingest into %s stopped", j.db)
	}
	printSummary(e.stdout, sum, j.db)
	res, err := applyCorrections(ctx, w, j.corrections, e.stderr)
	if err != nil {
		return nil, err
	}
	if err := recordCorrections(ctx, w, sum.Run.ID, res); err != nil {
		return nil, err
	}
	if err := w.publishAfter(ctx, true, sum.Changed() || sum.Run.Failed > 0 || len(res.Changes) > 0); err != nil {
		return nil, err
	}
	if then != nil {
		if err := then(w, sum); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// printSummary reports a run to the reader, in Chinese like status (the
// kinds of change named through queries/labels); the database path is
// escaped for the terminal.
func printSummary(w io.Writer, sum *ingest.Summary, db string) {
	r := sum.Run
	if !sum.Changed() && r.Failed == 0 {
		fmt.Fprintf(w, "没有变化：%d 个文件未改动，解析 %d 个（用时 %s）\n", r.Skipped, r.Parsed, took(r.Duration()))
		if sum.OpenErrors > 0 {
			fmt.Fprintln(w, openErrors(sum.OpenErrors))
		}
		return
	}
	fmt.Fprintf(w, "已处理 %d 个文件，存入 %s，用时 %s：%s %d，%s %d，跳过 %d，%s %d，%s %d（解析 %d 个）\n",
		r.FilesSeen, termtext.Escape(db), took(r.Duration()), labels.Change(load.ChangeNew), r.New,
		labels.Change(load.ChangeChanged), r.Changed, r.Skipped, labels.Change(load.ChangeRemoved), r.Removed,
		labels.Change(load.ChangeFailed), r.Failed, r.Parsed)
	switch {
	case r.Failed > 0:
		fmt.Fprintln(w, "读取失败的文件已在上方逐个列出，`xxgk status` 也列出它们")
	case sum.OpenErrors > 0:
		fmt.Fprintln(w, openErrors(sum.OpenErrors))
	}
}

// newLogger returns the logger of --log-format: text prints the message of
// warnings and errors as one plain line ("xxgk: read "x.pdf": ..."), json
// prints every record from info up as one JSON object a line.
func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(&lineHandler{mu: &sync.Mutex{}, w: w}), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})), nil
	}
	return nil, usagef("--log-format %q: want text or json", format)
}

// lineHandler writes the message of each warning or error on its own line.
// The messages are whole sentences naming the file; the attributes repeat
// them for machines and are left to the json format.
type lineHandler struct {
	mu *sync.Mutex
	w  io.Writer
}

func (h *lineHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := fmt.Fprintln(h.w, "xxgk:", termtext.Escape(r.Message))
	return err
}

func (h *lineHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *lineHandler) WithGroup(string) slog.Handler      { return h }

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar draws the reading phase with mpb, but only once a run has
// lasted a second: short runs stay quiet, and the bar is never drawn into
// a log file because it is only used on a terminal.
type progressBar struct {
	w     io.Writer
	mu    sync.Mutex
	total int
	done  int
	timer *time.Timer
	p     *mpb.Progress
	bar   *mpb.Bar
}

// Start arms the one-second timer.
func (b *progressBar) Start(total int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.total = total
	b.timer = time.AfterFunc(time.Second, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.done >= b.total {
			return
		}
		b.p = mpb.New(mpb.WithOutput(b.w), mpb.WithWidth(40))
		b.bar = b.p.AddBar(int64(b.total),
			mpb.PrependDecorators(decor.Name("reading "), decor.CountersNoUnit("%d/%d")),
			mpb.AppendDecorators(decor.Percentage(), decor.Name(" "), decor.AverageETA(decor.ET_STYLE_GO)))
		b.bar.SetCurrent(int64(b.done))
	})
}

// Increment counts one file done.
func (b *progressBar) Increment() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done++
	if b.bar != nil {
		b.bar.Increment()
	}
}

// Finish removes the bar (complete or not) and waits for its last frame.
func (b *progressBar) Finish() {
	b.timer.Stop()
	b.mu.Lock()
	p, bar := b.p, b.bar
	b.mu.Unlock()
	if p == nil {
		return
	}
	if !bar.Completed() {
		bar.Abort(false)
	}
	p.Wait()
}

var _ ingest.Progress = (*progressBar)(nil)
