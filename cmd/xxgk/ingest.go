package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/xxgk/xxgk/queries"
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
)

const defaultDB = "out/xxgk.duckdb"

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", "[flags] FILE|DIR...",
		"xxgk ingest --db out/xxgk.duckdb examples/reports", stderr)
	db := fs.String("db", defaultDB, "the DuckDB file")
	manifestFile := fs.String("manifest", "", "a CSV or JSON-lines file of path,url,title,agency,year,published for the reports (an agency or year given there overrides the text's)")
	jf := addJobFlags(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if jf.batch < 1 {
		fmt.Fprintln(stderr, "xxgk ingest: --batch must be at least 1 file")
		return errUsage
	}
	log, err := newLogger(jf.logFormat, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "xxgk ingest:", err)
		return errUsage
	}
	m, err := loadManifest(*manifestFile)
	if err != nil {
		fmt.Fprintln(stderr, "xxgk ingest:", err)
		return errUsage
	}
	job := ingestJob{db: *db, inputs: fs.Args(), workers: jf.workers, batch: jf.batch, limits: jf.limits(),
		kind: "ingest", log: log, progress: jf.logFormat == "text", manifest: m}
	sum, err := job.run(ctx, stdout, stderr, refreshQueries(ctx))
	if err != nil {
		return err
	}
	if sum.Run.Failed > 0 {
		return fmt.Errorf("%d of %d files failed: %w", sum.Run.Failed, sum.Run.FilesSeen, errPartial)
	}
	return nil
}

// refreshQueries prepares the cached named queries once the data changed,
// so the batch job pays the refresh and the first query after an ingest
// answers at once.
func refreshQueries(ctx context.Context) func(*load.Store, *ingest.Summary) error {
	return func(s *load.Store, sum *ingest.Summary) error {
		if !sum.Changed() {
			return nil
		}
		if err := queries.Refresh(ctx, s.DB()); err != nil {
			return fmt.Errorf("refresh named queries: %w", err)
		}
		return nil
	}
}

// loadManifest reads the --manifest file; "" is none.
func loadManifest(path string) (*manifest.Manifest, error) {
	if path == "" {
		return nil, nil
	}
	return manifest.Load(path)
}

// suppliedBy returns what an operator supplied about a path: its sidecar
// and its manifest row.
func suppliedBy(m *manifest.Manifest) func(string) (report.Supplied, error) {
	return func(path string) (report.Supplied, error) { return manifest.For(m, path) }
}

// jobFlags are the flags ingest shares with its config file counterpart.
type jobFlags struct {
	workers         int
	batch           int
	maxSize, maxDec byteSize
	timeout         time.Duration
	logFormat       string
}

func addJobFlags(fs *flag.FlagSet) *jobFlags {
	def := read.DefaultLimits()
	jf := &jobFlags{maxSize: byteSize(def.MaxBytes), maxDec: byteSize(def.MaxDecompressed)}
	fs.IntVar(&jf.workers, "workers", 0, "files read in parallel (0: one per core)")
	fs.IntVar(&jf.batch, "batch", ingest.DefaultBatch, "files per chunk: each chunk is committed on its own, and memory holds about two")
	fs.Var(&jf.maxSize, "max-size", "refuse files larger than this, unread (e.g. 50MB)")
	fs.Var(&jf.maxDec, "max-decompressed", "stop unpacking a docx/xlsx past this many bytes (zip bombs)")
	fs.DurationVar(&jf.timeout, "timeout", def.Timeout, "give up on one file after this long")
	fs.StringVar(&jf.logFormat, "log-format", "text", "text: one plain line per failed file; json: structured log records (log/slog)")
	return jf
}

func (jf *jobFlags) limits() read.Limits {
	return read.Limits{MaxBytes: int64(jf.maxSize), MaxDecompressed: int64(jf.maxDec), Timeout: jf.timeout}
}

// ingestJob is one locked ingest into one database.
type ingestJob struct {
	db       string
	inputs   []string
	workers  int
	batch    int // files per chunk (transaction); 0: ingest.DefaultBatch
	limits   read.Limits
	kind     string // ingest or run
	log      *slog.Logger
	progress bool               // draw a progress bar when stderr is a terminal
	manifest *manifest.Manifest // what the operator supplied; nil: sidecars only
}

// run takes the database's run lock, ingests, prints the summary, and, when
// then is given, calls it with the open store before releasing the lock
// (run builds the outputs there, so no ingest can slip in between).
func (j ingestJob) run(ctx context.Context, stdout, stderr io.Writer,
	then func(*load.Store, *ingest.Summary) error) (*ingest.Summary, error) {
	lock, err := load.Lock(j.db)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	s, err := load.Open(ctx, j.db)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	opt := ingest.Options{Workers: j.workers, Batch: j.batch, Limits: j.limits, Kind: j.kind, Log: j.log,
		CrossYear: validate.CrossYear, Supplied: suppliedBy(j.manifest)}
	if j.progress && isTerminal(stderr) {
		opt.Progress = &progressBar{w: stderr}
	}
	sum, err := ingest.Run(ctx, s, j.inputs, opt)
	if err != nil {
		return nil, err
	}
	printSummary(stdout, sum, j.db)
	if then != nil {
		if err := then(s, sum); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

func printSummary(w io.Writer, sum *ingest.Summary, db string) {
	r := sum.Run
	took := r.Duration().Round(time.Millisecond)
	if !sum.Changed() && r.Failed == 0 {
		fmt.Fprintf(w, "nothing changed: %d files unchanged, %d parsed (%v)\n", r.Skipped, r.Parsed, took)
		return
	}
	fmt.Fprintf(w, "ingested %d files into %s in %v: %d new, %d changed, %d unchanged, %d removed, %d failed (%d parsed)\n",
		r.FilesSeen, db, took, r.New, r.Changed, r.Skipped, r.Removed, r.Failed, r.Parsed)
	if r.Failed > 0 {
		fmt.Fprintln(w, "failed files are listed above and by `xxgk status`")
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
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
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
	_, err := fmt.Fprintln(h.w, "xxgk:", r.Message)
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
