package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/xxgk/xxgk/charts"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/queries"
)

// The targets of issue 7, at scale 1.
const (
	fullReports       = 100_000 // ingest and query corpus: 10,000 agencies × 10 years
	buildAgencies     = 3_000   // site and workbook corpus: 3,000 agencies × 10 years
	targetExtract     = 5_000.0 // reports/s on 2 cores
	targetIngestSec   = 60.0
	targetIngestRSSMB = 2048.0
	targetQueryMS     = 500.0
	targetBuildSec    = 30.0
	targetCompSec     = 10.0 // the comparison workbook alone (issue 15)
	targetBooksSec    = 30.0 // all workbooks (issue 15)
	targetExportSec   = 15.0 // xxgk export, CSV and Parquet, at 3,000 agencies × 10 years (issue 14)
	firstYear         = 2014
	lastYear          = 2023
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "xxgkbench:", err)
		os.Exit(2)
	}
}

type config struct {
	xxgk     string
	scale    float64
	work     string
	out      string
	sample   int
	seed     uint64
	queryRep int
	// queryReports, when > 0, times the queries on a synthetic database of
	// that many reports (queries.BenchFill) instead of the ingested corpus:
	// the query target is set at 100,000 reports, which this machine cannot
	// ingest (see BENCHMARKS.md).
	queryReports int
	only         string // "queries" or "copies": run only that stage
	// similarityReports, when > 0, is the number of reports the similarity
	// query is timed on (fillFingerprints) instead of 100,000 × scale.
	similarityReports int
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("xxgkbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.xxgk, "xxgk", "bin/xxgk", "the xxgk binary to measure")
	fs.Float64Var(&c.scale, "scale", 1, "fraction of the full benchmark (100,000 reports; 3,000 agencies for the build)")
	fs.StringVar(&c.work, "work", "out/bench", "folder for the generated corpora and databases (kept between runs)")
	fs.StringVar(&c.out, "out", "out/bench.txt", "where to write the table")
	fs.IntVar(&c.sample, "extract-sample", 20_000, "reports extracted for the throughput figures (at most the corpus)")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed")
	fs.IntVar(&c.queryRep, "query-runs", 3, "runs per named query; the median is reported")
	fs.IntVar(&c.queryReports, "query-reports", 0, "time the queries on a synthetic database of this many reports (queries.BenchFill) instead of the ingested corpus")
	fs.IntVar(&c.similarityReports, "similarity-reports", 0, "time the similarity query on this many reports' fingerprints instead of 100,000 × scale")
	fs.StringVar(&c.only, "only", "", "run only this stage: queries, copies (copy detection and similarity at scale), soak (20 random kills of xxgk run, then a rerun equal to a clean run), or export (on the build corpus, generated and ingested if need be)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.only != "" && c.only != "queries" && c.only != "copies" && c.only != "soak" && c.only != "export" {
		return fmt.Errorf("--only %q: the stages that run alone are queries, copies, soak and export", c.only)
	}
	if c.scale <= 0 || c.scale > 10 {
		return fmt.Errorf("--scale %v: want a fraction in (0, 10]", c.scale)
	}
	bin, err := filepath.Abs(c.xxgk)
	if err != nil {
		return err
	}
	c.xxgk = bin
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("xxgk binary: %w (run make build first)", err)
	}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	b := &bench{cfg: c, log: stderr, machineAtStart: machine()}
	b.all(ctx)
	table := b.table()
	fmt.Fprint(stdout, table)
	if err := os.MkdirAll(filepath.Dir(c.out), 0o755); err != nil {
		return err
	}
	return writeAtomic(c.out, []byte(table))
}

// row is one line of the result table.
type row struct {
	stage    string
	measured string
	target   string
	vs       string // how the figure compares with the target: "×1.30 ok", "×0.40 MISS"
	rss      string
	note     string
}

type bench struct {
	cfg            config
	log            io.Writer
	rows           []row
	machineAtStart string
}

func (b *bench) add(r row) {
	b.rows = append(b.rows, r)
	fmt.Fprintf(b.log, "  %-34s %-28s %s %s\n", r.stage, r.measured, r.vs, r.note)
}

func (b *bench) fail(stage string, err error) {
	b.add(row{stage: stage, measured: "failed", note: firstLine(err.Error())})
}

func (b *bench) all(ctx context.Context) {
	agencies := max(1, int(math.Round(fullReports/10*b.cfg.scale)))
	if b.cfg.only == "export" {
		b.exportOnly(ctx, max(1, int(math.Round(buildAgencies*b.cfg.scale))))
		return
	}
	if b.cfg.only == "queries" {
		db := filepath.Join(b.cfg.work, fmt.Sprintf("bench-%d.duckdb", agencies))
		if b.cfg.queryReports > 0 {
			db = b.fillQueryDB(ctx)
		}
		if db != "" {
			b.queries(ctx, db)
		}
		return
	}
	if b.cfg.only == "copies" {
		b.copies(ctx)
		return
	}
	corpus := filepath.Join(b.cfg.work, fmt.Sprintf("corpus-%d", agencies))
	labels := corpus + "-labels"
	if err := b.generate(ctx, corpus, labels, agencies); err != nil {
		b.fail("generate", err)
		return
	}
	files, err := reportFiles(corpus)
	if err != nil || len(files) == 0 {
		b.fail("list corpus", fmt.Errorf("no reports in %s: %v", corpus, err))
		return
	}
	if b.cfg.only == "soak" {
		b.soak(ctx, corpus)
		return
	}
	b.extract(ctx, files, labels)
	db := filepath.Join(b.cfg.work, fmt.Sprintf("bench-%d.duckdb", agencies))
	if b.ingest(ctx, fmt.Sprintf("ingest %s reports", thousands(len(files))), corpus, db, true) {
		if b.cfg.queryReports > 0 {
			db = b.fillQueryDB(ctx)
		}
		if db != "" {
			b.queries(ctx, db)
		}
	}
	b.build(ctx, corpus, max(1, int(math.Round(buildAgencies*b.cfg.scale))))
	b.export(ctx, max(1, int(math.Round(buildAgencies*b.cfg.scale))))
	b.soak(ctx, corpus)
	b.copies(ctx)
}

// generate writes the corpus with `xxgk gen` unless a previous run left the
// same one, then moves the labels beside it so ingest sees only reports.
func (b *bench) generate(ctx context.Context, corpus, labels string, agencies int) error {
	stamp := fmt.Sprintf("generator=%s agencies=%d years=%d-%d seed=%d html=true\n", synth.Version, agencies, firstYear, lastYear, b.cfg.seed)
	stampFile := filepath.Join(b.cfg.work, filepath.Base(corpus)+".stamp")
	if old, err := os.ReadFile(stampFile); err == nil && string(old) == stamp {
		b.add(row{stage: "generate corpus", measured: "reused", note: "same corpus as a previous run: " + corpus})
		return nil
	}
	os.Remove(stampFile)
	for _, d := range []string{corpus, labels} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	n := agencies * (lastYear - firstYear + 1)
	res := measure(ctx, nil, io.Discard, b.cfg.xxgk, "gen", "--agencies", strconv.Itoa(agencies),
		"--years", fmt.Sprintf("%d-%d", firstYear, lastYear), "--seed", strconv.FormatUint(b.cfg.seed, 10),
		"--html", "--out", corpus)
	if res.err != nil {
		return res.err
	}
	b.add(row{stage: fmt.Sprintf("generate %s reports", thousands(n)),
		measured: fmt.Sprintf("%s reports/s", thousands(int(float64(n)/res.wall.Seconds()))),
		rss:      mb(res.rss), note: fmt.Sprintf("%.1f s, %.1f CPU-s, %d workers", res.wall.Seconds(), res.cpu.Seconds(), runtime.NumCPU())})
	if err := os.MkdirAll(labels, 0o755); err != nil {
		return err
	}
	ents, err := os.ReadDir(corpus)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".json") {
			if err := os.Rename(filepath.Join(corpus, e.Name()), filepath.Join(labels, e.Name())); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(stampFile, []byte(stamp), 0o644)
}

// extract measures `xxgk extract --json` on one core and on all cores, and
// scores the one-core output against the labels.
func (b *bench) extract(ctx context.Context, files []string, labels string) {
	sample := files
	if len(sample) > b.cfg.sample {
		// An even spread over agencies and years, not just the first agencies.
		step := float64(len(files)) / float64(b.cfg.sample)
		sample = make([]string, 0, b.cfg.sample)
		for i := 0; i < b.cfg.sample; i++ {
			sample = append(sample, files[int(float64(i)*step)])
		}
	}
	var bytesIn int64
	for _, f := range sample {
		if st, err := os.Stat(f); err == nil {
			bytesIn += st.Size()
		}
	}
	avgKB := float64(bytesIn) / float64(len(sample)) / 1024
	ncpu := runtime.NumCPU()

	var out bytes.Buffer
	one := runShards(ctx, b.cfg.xxgk, sample, 1, &out)
	b.addExtract(fmt.Sprintf("extract, 1 core (%s reports)", thousands(len(sample))), one, len(sample), bytesIn, "", avgKB)
	if one.err == nil || one.lines > 0 {
		b.score(out.Bytes(), labels)
	}
	all := runShards(ctx, b.cfg.xxgk, sample, ncpu, io.Discard)
	target := ""
	if ncpu == 2 {
		target = fmt.Sprintf("≥ %s reports/s", thousands(int(targetExtract)))
	}
	b.addExtract(fmt.Sprintf("extract, %d cores", ncpu), all, len(sample), bytesIn, target, avgKB)
}

func (b *bench) addExtract(stage string, res shardResult, n int, bytesIn int64, target string, avgKB float64) {
	if res.err != nil && res.lines == 0 {
		b.fail(stage, res.err)
		return
	}
	rate := float64(res.lines) / res.wall.Seconds()
	r := row{stage: stage,
		measured: fmt.Sprintf("%s reports/s, %.1f MB/s", thousands(int(rate)), float64(bytesIn)/1e6/res.wall.Seconds()),
		target:   target, rss: mb(res.rss),
		note: fmt.Sprintf("%.1f s; %s; %s reports per CPU-second; avg %.1f KB/report; %d of %d reports out",
			res.wall.Seconds(), res.how, thousands(int(float64(res.lines)/res.cpu.Seconds())), avgKB, res.lines, n)}
	if target != "" {
		r.vs = versus(rate/targetExtract, rate >= targetExtract)
	}
	b.add(r)
}

// score compares extracted records with the labels, as score.py would.
func (b *bench) score(jsonl []byte, labelDir string) {
	labels, err := synth.ReadLabels(labelDir)
	if err != nil {
		b.fail("extract accuracy", err)
		return
	}
	got := map[string]report.Exchange{}
	sc := bufio.NewScanner(bytes.NewReader(jsonl))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var x report.Exchange
		if json.Unmarshal(sc.Bytes(), &x) == nil {
			name := strings.TrimSuffix(x.File, filepath.Ext(x.File))
			got[name] = x
		}
	}
	sampled := map[string]synth.Label{}
	for name := range got {
		if l, ok := labels[name]; ok {
			sampled[name] = l
		}
	}
	if len(sampled) == 0 {
		b.fail("extract accuracy", errors.New("no extracted report matched a label"))
		return
	}
	defer b.glued(sampled, got)
	s := synth.Compare(sampled, got)
	ok := s.Precision() >= 0.99 && s.Recall() >= 0.99
	b.add(row{stage: "extract accuracy (generated labels)",
		measured: fmt.Sprintf("P %.3f  R %.3f", s.Precision(), s.Recall()), target: "≥ 0.99 both",
		vs: versus(math.Min(s.Precision(), s.Recall())/0.99, ok),
		note: fmt.Sprintf("%d reports, %d labelled figures; %d figures not in the reports (closed-world precision %.3f); agency %d/%d",
			len(sampled), s.Labelled, len(s.Unlabelled), s.ClosedPrecision(), s.AgencyOK, s.Docs)})
}

// glued reports how the glued tables of the sample were read (issue 12):
// the recovery rate of the cells the text determines, which must be 1 with
// no wrong cell, and the ambiguity rate, the share of glued cells the text
// does not determine, each of which must be reported as ambiguous.
func (b *bench) glued(sampled map[string]synth.Label, got map[string]report.Exchange) {
	g := synth.CompareGlued(sampled, got)
	if g.Reports == 0 {
		b.add(row{stage: "glued tables (generated)", measured: "none in the sample"})
		return
	}
	ok := g.Recall() == 1 && g.Precision() == 1 && g.ReportedRate() == 1
	b.add(row{stage: "glued tables (generated)",
		measured: fmt.Sprintf("recovered %.3f  ambiguous %.3f", g.Recall(), g.AmbiguityRate()),
		target:   "recovered 1, P 1, all reported",
		vs:       versus(math.Min(g.Recall(), g.Precision()), ok),
		note: fmt.Sprintf("%d reports, %d glued cells: %d determined (%d recovered, %d wrong), %d ambiguous (%d reported, %d given a figure)",
			g.Reports, g.Cells, g.Determined, g.Recovered, g.Wrong, g.Ambiguous, g.Reported, g.Leaked)})
}

// ingest measures `xxgk ingest` into a fresh database.
func (b *bench) ingest(ctx context.Context, stage, corpus, db string, withTarget bool) bool {
	os.Remove(db)
	os.Remove(db + ".wal")
	res := measure(ctx, nil, io.Discard, b.cfg.xxgk, "ingest", "--db", db, corpus)
	if res.err != nil && !partial(res.err) {
		b.fail(stage, res.err)
		return false
	}
	r := row{stage: stage, measured: fmt.Sprintf("%.1f s", res.wall.Seconds()), rss: mb(res.rss),
		note: fmt.Sprintf("%.1f CPU-s", res.cpu.Seconds())}
	if res.err != nil {
		r.note += "; exit 1: some inputs failed: " + firstLine(res.stderr)
	}
	if withTarget {
		r.target = fmt.Sprintf("≤ %.0f s, RSS ≤ 2 GB", targetIngestSec)
		if b.cfg.scale != 1 {
			r.target += " (at 100,000)"
		}
		ok := res.wall.Seconds() <= targetIngestSec*b.cfg.scale && float64(res.rss)/(1<<20) <= targetIngestRSSMB
		r.vs = versus(targetIngestSec*b.cfg.scale/res.wall.Seconds(), ok)
	}
	b.add(r)
	return true
}

// queries times every named query `xxgk query --list` shows, as users
// meet it (see queries.Timing for why these figures):
//
//   - the cold refresh of every cached result, which the first query after
//     an ingest pays, once (in process: queries.BenchRefresh);
//   - "one agency": `xxgk query NAME --agency A --format csv` as a child
//     process, process start included, median of --query-runs, with its
//     peak RSS; A is the agency with the most reports;
//   - "one agency, just after an ingest": the same, once, with the cache
//     stale (see queryAfterIngest);
//   - "whole result": the whole result read inside DuckDB from the fresh
//     cache (every column hashed, nothing printed), with the time to compute
//     it from the query text and to scan it into Go in the note.
//
// Printing a million-row result to a terminal is not timed: it measures
// the terminal and the CSV writer, not the answer.
func (b *bench) queries(ctx context.Context, db string) {
	var list bytes.Buffer
	res := measure(ctx, nil, &list, b.cfg.xxgk, "query", "--list", "--db", db)
	if res.err != nil {
		b.fail("query --list", res.err)
		return
	}
	names := queryNames(list.String())
	if len(names) == 0 {
		b.fail("query --list", errors.New("no query names in: "+firstLine(list.String())))
		return
	}
	agency, timings, err := b.queryEngine(ctx, db, names)
	if err != nil {
		b.fail("query engine times", err)
		return
	}
	for _, name := range names {
		var times, cpus []time.Duration
		var rss int64
		var err error
		var out lineCounter
		out.mu = &sync.Mutex{}
		out.w = io.Discard
		for i := 0; i < b.cfg.queryRep; i++ {
			out.n = 0
			r := measure(ctx, nil, &out, b.cfg.xxgk, "query", name, "--db", db, "--agency", agency, "--format", "csv")
			if r.err != nil {
				err = r.err
				break
			}
			times = append(times, r.wall)
			cpus = append(cpus, r.cpu)
			rss = max(rss, r.rss)
		}
		stage := "query " + name + ", one agency"
		if err != nil {
			b.fail(stage, err)
			continue
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		sort.Slice(cpus, func(i, j int) bool { return cpus[i] < cpus[j] })
		ms := float64(times[len(times)/2].Microseconds()) / 1000
		b.add(row{stage: stage, measured: fmt.Sprintf("%.0f ms", ms), target: fmt.Sprintf("≤ %.0f ms", targetQueryMS),
			vs: versus(targetQueryMS/ms, ms <= targetQueryMS), rss: mb(rss),
			note: fmt.Sprintf("`xxgk query %s --agency A --format csv`, %d rows; median of %d, process start included; %.0f CPU-ms", name, max(0, out.n-1), len(times), float64(cpus[len(cpus)/2].Microseconds())/1000)})
		t, ok := timings[name]
		if !ok {
			continue
		}
		ms = float64(t.Cached.Microseconds()) / 1000
		note := fmt.Sprintf("%s rows read in DuckDB from the cache; from the text %.0f ms", thousands(int(t.Rows)), float64(t.Direct.Microseconds())/1000)
		if t.Cached == t.Direct {
			note = fmt.Sprintf("%s rows computed in DuckDB from the text (not cached)", thousands(int(t.Rows)))
		}
		if t.Full > 0 {
			note += fmt.Sprintf("; queries.Run into Go %.0f ms", float64(t.Full.Microseconds())/1000)
		}
		b.add(row{stage: "query " + name + ", whole result", measured: fmt.Sprintf("%.0f ms", ms), target: fmt.Sprintf("≤ %.0f ms", targetQueryMS),
			vs: versus(targetQueryMS/ms, ms <= targetQueryMS), note: note})
	}
	// Last, as each run leaves the cache stale for the others.
	for _, name := range names {
		b.queryAfterIngest(ctx, db, name, agency)
	}
}

// selfCPU is the CPU time this process (DuckDB's threads included) has
// used so far, so an in-process figure taken on a busy machine can be read.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// fillQueryDB returns a synthetic database of --query-reports reports for
// the query stage, filling it with queries.BenchFill unless a previous run
// left it complete. It returns "" after a failure.
func (b *bench) fillQueryDB(ctx context.Context) string {
	n := b.cfg.queryReports
	db := filepath.Join(b.cfg.work, fmt.Sprintf("query-fill-%d.duckdb", n))
	done := db + ".done"
	stage := fmt.Sprintf("fill synthetic query database, %s reports", thousands(n))
	if _, err := os.Stat(done); err == nil {
		b.add(row{stage: stage, measured: "reused", note: db})
		return db
	}
	for _, f := range []string{db, db + ".wal", done} {
		os.Remove(f)
	}
	start := time.Now()
	st, err := load.Open(ctx, db)
	if err != nil {
		b.fail(stage, err)
		return ""
	}
	err = queries.BenchFill(ctx, st.DB(), n)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.fail(stage, err)
		return ""
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.fail(stage, err)
		return ""
	}
	b.add(row{stage: stage, measured: fmt.Sprintf("%.1f s", time.Since(start).Seconds()),
		note: "queries.BenchFill: every metric key of each form, 5% blank cells, 2% revisions, checks"})
	return db
}

// queryAfterIngest times `xxgk query NAME --agency A` once with every
// cached result stale, as the first question after an ingest meets it: a
// query that can push the agency filter inside answers from that agency's
// reports; the others refresh the cache first.
func (b *bench) queryAfterIngest(ctx context.Context, db, name, agency string) {
	stage := "query " + name + ", one agency, just after an ingest"
	st, err := load.Open(ctx, db)
	if err != nil {
		b.fail(stage, err)
		return
	}
	err = queries.BenchForget(ctx, st.DB())
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.fail(stage, err)
		return
	}
	r := measure(ctx, nil, io.Discard, b.cfg.xxgk, "query", name, "--db", db, "--agency", agency, "--format", "csv")
	if r.err != nil {
		b.fail(stage, r.err)
		return
	}
	ms := float64(r.wall.Microseconds()) / 1000
	b.add(row{stage: stage, measured: fmt.Sprintf("%.0f ms", ms), target: fmt.Sprintf("≤ %.0f ms", targetQueryMS),
		vs: versus(targetQueryMS/ms, ms <= targetQueryMS), rss: mb(r.rss),
		note: fmt.Sprintf("cache stale: one run; %.0f CPU-ms", float64(r.cpu.Microseconds())/1000)})
}

// queryEngine opens db in this process, times the cold refresh of every
// cached named query, then each query's whole result inside DuckDB. It
// returns the agency the per-agency figures filter on.
func (b *bench) queryEngine(ctx context.Context, db string, names []string) (string, map[string]queries.Timing, error) {
	st, err := load.Open(ctx, db)
	if err != nil {
		return "", nil, err
	}
	defer st.Close()
	agency, err := queries.BenchAgency(ctx, st.DB())
	if err != nil {
		return "", nil, err
	}
	cpu0 := selfCPU()
	refresh, err := queries.BenchRefresh(ctx, st.DB())
	if err != nil {
		return "", nil, err
	}
	b.add(row{stage: "query cache refresh, all named queries", measured: fmt.Sprintf("%.1f s", refresh.Seconds()),
		note: fmt.Sprintf("%.1f CPU-s; once per data change, paid by the first whole-result query after an ingest (in process, in DuckDB)", (selfCPU() - cpu0).Seconds())})
	out := map[string]queries.Timing{}
	for _, name := range names {
		t, err := queries.BenchQuery(ctx, st.DB(), name, agency)
		if err != nil {
			return "", nil, err
		}
		out[name] = t
	}
	return agency, out, nil
}

// queryNames takes the first word of each line of `xxgk query --list`
// ("name<TAB>description") that looks like a query name; indented lines
// continue a description.
func queryNames(list string) []string {
	var out []string
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		name := strings.TrimSuffix(f[0], ":")
		ok := name != ""
		for _, r := range name {
			if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, name)
		}
	}
	return out
}

// build ingests the first agencies of the corpus (the same reports a
// corpus of that many agencies would hold) and times `xxgk build`.
func (b *bench) build(ctx context.Context, corpus string, agencies int) {
	dir := filepath.Join(b.cfg.work, fmt.Sprintf("build-corpus-%d", agencies))
	if err := linkAgencies(corpus, dir, agencies); err != nil {
		b.fail("build corpus", err)
		return
	}
	db := filepath.Join(b.cfg.work, fmt.Sprintf("build-%d.duckdb", agencies))
	label := fmt.Sprintf("%s agencies × 10 years", thousands(agencies))
	if !b.ingest(ctx, "ingest "+label, dir, db, false) {
		return
	}
	out := filepath.Join(b.cfg.work, "site")
	os.RemoveAll(out)
	res := measure(ctx, nil, io.Discard, b.cfg.xxgk, "build", "--db", db, "--out", out)
	stage := "build site + workbooks, " + label
	if res.err != nil && !partial(res.err) {
		b.fail(stage, res.err)
		return
	}
	target := fmt.Sprintf("≤ %.0f s", targetBuildSec)
	if b.cfg.scale != 1 {
		target += " (at 3,000)"
	}
	files, size := dirStats(out)
	b.add(row{stage: stage, measured: fmt.Sprintf("%.1f s", res.wall.Seconds()), target: target,
		vs:  versus(targetBuildSec*b.cfg.scale/res.wall.Seconds(), res.wall.Seconds() <= targetBuildSec*b.cfg.scale),
		rss: mb(res.rss), note: fmt.Sprintf("%.1f CPU-s; %d files, %.1f MB written", res.cpu.Seconds(), files, float64(size)/1e6)})
	b.site(ctx, db, filepath.Join(out, "site"), res.stderr, agencies)
	b.workbooks(ctx, db, label)
}

// The site's targets of issue 13, for 3,000 agencies × 10 years.
const (
	targetSiteSec     = 30.0
	targetAgencyKB    = 150.0
	targetOverviewKB  = 400.0
	targetSiteFactor  = 1.5   // × the stored report texts
	targetSiteExtraMB = 100.0 // + this
	targetExploreMB   = 2.0   // the explorer's largest data file (issue 14)
)

// siteTime reads the site's time from the line xxgk build prints
// ("xxgk build：查询用时 …，网站 1.4 秒，工作簿 …", in the units of
// cmd/xxgk's took: 毫秒, 秒, or 分 and 秒).
func siteTime(stderr string) (float64, bool) {
	if m := regexp.MustCompile(`网站 (\d+) 分 (\d+) 秒`).FindStringSubmatch(stderr); m != nil {
		mins, _ := strconv.ParseFloat(m[1], 64)
		sec, _ := strconv.ParseFloat(m[2], 64)
		return 60*mins + sec, true
	}
	m := regexp.MustCompile(`网站 ([0-9.]+) (毫秒|秒)`).FindStringSubmatch(stderr)
	if m == nil {
		return 0, false
	}
	sec, _ := strconv.ParseFloat(m[1], 64)
	if m[2] == "毫秒" {
		sec /= 1000
	}
	return sec, true
}

// site reports the chart site's own figures from the build just made: its
// build time (xxgk build prints the time of each output), the largest
// agency page, the overview, and the whole site against the size of the
// report texts it carries. Build time and site size grow with the number
// of agencies and are extrapolated linearly to 3,000; page sizes do not
// grow with it. At a small scale the fixed costs (the ECharts file, the
// year pages) weigh more, so the extrapolation is on the safe side.
func (b *bench) site(ctx context.Context, db, site, stderr string, agencies int) {
	sec, ok := siteTime(stderr)
	if !ok {
		b.fail("site", fmt.Errorf("xxgk build printed no site time: %.200s", stderr))
		return
	}
	factor := float64(buildAgencies) / float64(agencies)
	at := fmt.Sprintf("%s agencies", thousands(agencies))
	b.add(row{stage: "site alone, " + at, measured: fmt.Sprintf("%.1f s", sec), target: fmt.Sprintf("≤ %.0f s at 3,000", targetSiteSec),
		vs:   versus(targetSiteSec/(sec*factor), sec*factor <= targetSiteSec),
		note: fmt.Sprintf("%.0f s at 3,000 agencies if linear (×%.0f)", sec*factor, factor)})
	largest, page := int64(0), ""
	ents, _ := os.ReadDir(filepath.Join(site, "agencies"))
	for _, e := range ents {
		if info, err := e.Info(); err == nil && info.Size() > largest {
			largest, page = info.Size(), e.Name()
		}
	}
	kb := float64(largest) / 1024
	b.add(row{stage: "site: largest agency page", measured: fmt.Sprintf("%.0f KB", kb), target: fmt.Sprintf("≤ %.0f KB", targetAgencyKB),
		vs: versus(targetAgencyKB/kb, kb <= targetAgencyKB), note: page + "; an agency page does not grow with the number of agencies"})
	if info, err := os.Stat(filepath.Join(site, "index.html")); err == nil {
		kb := float64(info.Size()) / 1024
		b.add(row{stage: "site: overview page", measured: fmt.Sprintf("%.0f KB", kb), target: fmt.Sprintf("≤ %.0f KB (at 3,000)", targetOverviewKB),
			vs: versus(targetOverviewKB/kb, kb <= targetOverviewKB), note: "without echarts.min.js; its rankings are bounded, its coverage heatmap is by province"})
	}
	var stamp bytes.Buffer
	if res := measure(ctx, nil, &stamp, b.cfg.xxgk, "query", "stamp", "--db", db, "--format", "csv"); res.err != nil {
		b.fail("site: size", res.err)
		return
	}
	recs, err := csv.NewReader(&stamp).ReadAll()
	if err != nil || len(recs) < 2 {
		b.fail("site: size", fmt.Errorf("stamp: %v", err))
		return
	}
	var text float64
	for i, c := range recs[0] {
		if c == "text_bytes" && i < len(recs[1]) {
			text, _ = strconv.ParseFloat(recs[1][i], 64)
		}
	}
	b.explorer(site, agencies)
	_, size := dirStats(site)
	siteMB, textMB := float64(size)/1e6, text/1e6
	budget := targetSiteFactor*textMB*factor + targetSiteExtraMB
	b.add(row{stage: "site: whole size", measured: fmt.Sprintf("%.1f MB (%.2f × the texts)", siteMB, siteMB/math.Max(textMB, 1e-9)),
		target: fmt.Sprintf("≤ %.1f × texts + %.0f MB", targetSiteFactor, targetSiteExtraMB),
		vs:     versus(budget/(siteMB*factor), siteMB*factor <= budget),
		note:   fmt.Sprintf("stored texts %.1f MB; at 3,000 agencies about %.0f MB of site against a budget of %.0f MB", textMB, siteMB*factor, budget)})
}

// workbooks times the workbooks alone, in process, into a fresh folder
// (so no workbook is reused): the comparison workbook and all workbooks
// (the comparison, one per agency and the index), with the query results
// read from the cache the build above filled.
func (b *bench) workbooks(ctx context.Context, db, label string) {
	s, err := load.OpenReadOnly(ctx, db) // the snapshot the build published, its cache fresh
	if err != nil {
		b.fail("workbooks", err)
		return
	}
	defer s.Close()
	out := filepath.Join(b.cfg.work, "workbooks")
	os.RemoveAll(out)
	defer os.RemoveAll(out)
	cpu0 := cpuSelf()
	t0 := time.Now()
	_, st, err := exports.BuildStats(ctx, queries.DB(s.DB()), out)
	wall, cpu := time.Since(t0), cpuSelf()-cpu0
	if err != nil {
		b.fail("workbooks", err)
		return
	}
	suffix := ""
	if b.cfg.scale != 1 {
		suffix = " (at 3,000)"
	}
	comp := st.Comparison.Seconds()
	b.add(row{stage: "comparison workbook, " + label, measured: fmt.Sprintf("%.1f s", comp),
		target: fmt.Sprintf("≤ %.0f s%s", targetCompSec, suffix),
		vs:     versus(targetCompSec*b.cfg.scale/comp, comp <= targetCompSec*b.cfg.scale),
		note:   "in process, one core: every agency × year sheet, rankings, charts"})
	b.add(row{stage: "all workbooks, " + label, measured: fmt.Sprintf("%.1f s", wall.Seconds()),
		target: fmt.Sprintf("≤ %.0f s%s", targetBooksSec, suffix),
		vs:     versus(targetBooksSec*b.cfg.scale/wall.Seconds(), wall.Seconds() <= targetBooksSec*b.cfg.scale),
		note: fmt.Sprintf("%.1f CPU-s; queries read %.1f s, %d agency workbooks %.1f s, comparison %.1f s; in process, fresh folder",
			cpu.Seconds(), st.Load.Seconds(), st.Written, st.Agencies.Seconds(), comp)})
}

// cpuSelf is the CPU time this process has used.
func cpuSelf() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// explorer reports the explorer's largest data file of the site just
// built, and what it will be at 3,000 agencies. The index (explore/
// index.js, every agency's name and place) grows with the number of
// agencies and is extrapolated linearly. A data file holds one province,
// at most charts.ShardAgencies agencies, one a line; at a small scale its
// files are not full, so the largest at 3,000 is taken as a full file of
// agencies as large as those of the densest file seen: an upper bound.
func (b *bench) explorer(site string, agencies int) {
	dir := filepath.Join(site, "explore")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.fail("site: explorer's largest data file", err)
		return
	}
	var index, largest, perAgency float64
	largestName, largestN := "", 0
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.fail("site: explorer's largest data file", err)
			return
		}
		size := float64(len(data))
		if e.Name() == "index.js" {
			index = size
		}
		if size > largest {
			largest, largestName = size, e.Name()
		}
		if e.Name() != "index.js" {
			n := max(1, bytes.Count(data, []byte{'\n'})-1) // a line per agency, between the call's first and last lines
			if size/float64(n) > perAgency {
				perAgency = size / float64(n)
			}
			if e.Name() == largestName {
				largestN = n
			}
		}
	}
	factor := float64(buildAgencies) / float64(agencies)
	atIndex := index * factor
	atFile := perAgency * float64(min(charts.ShardAgencies, buildAgencies))
	at := math.Max(atIndex, atFile)
	measured := fmt.Sprintf("%.0f KB", largest/1024)
	note := fmt.Sprintf("largest now %s", largestName)
	if largestName != "index.js" {
		note += fmt.Sprintf(" (%d agencies)", largestN)
	}
	note += fmt.Sprintf("; index %.0f KB now; at 3,000 agencies: index ≈ %.0f KB (linear), a full data file of %d agencies ≈ %.0f KB (densest agencies seen, %.1f KB each)",
		index/1024, atIndex/1024, charts.ShardAgencies, atFile/1024, perAgency/1024)
	b.add(row{stage: "site: explorer's largest data file", measured: measured, target: fmt.Sprintf("≤ %.0f MB at 3,000", targetExploreMB),
		vs: versus(targetExploreMB*1e6/at, at <= targetExploreMB*1e6), note: note})
}

// export times `xxgk export` on the database the build stage ingested
// (agencies × 10 years): CSV and Parquet, what `xxgk build` writes to
// out/data/, against the target; then the workbook dump alone, untargeted.
func (b *bench) export(ctx context.Context, agencies int) {
	db := filepath.Join(b.cfg.work, fmt.Sprintf("build-%d.duckdb", agencies))
	if _, err := os.Stat(db); err != nil {
		b.fail("export", fmt.Errorf("no build database (the build stage failed?): %w", err))
		return
	}
	label := fmt.Sprintf("%s agencies × 10 years", thousands(agencies))
	target := fmt.Sprintf("≤ %.0f s", targetExportSec)
	if b.cfg.scale != 1 {
		target += " (at 3,000)"
	}
	// The dataset formats only: --format xlsx writes the workbooks, timed
	// by the workbook stages.
	out := filepath.Join(b.cfg.work, "export")
	os.RemoveAll(out)
	res := measure(ctx, nil, io.Discard, b.cfg.xxgk, "export", "--db", db, "--out", out, "--format", "csv,parquet")
	stage := "export csv + parquet, " + label
	if res.err != nil {
		b.fail(stage, res.err)
		return
	}
	files, size := dirStats(out)
	b.add(row{stage: stage, measured: fmt.Sprintf("%.1f s", res.wall.Seconds()), rss: mb(res.rss), target: target,
		vs:   versus(targetExportSec*b.cfg.scale/res.wall.Seconds(), res.wall.Seconds() <= targetExportSec*b.cfg.scale),
		note: fmt.Sprintf("%.1f CPU-s; %d files, %.1f MB written", res.cpu.Seconds(), files, float64(size)/1e6)})
	os.RemoveAll(filepath.Join(b.cfg.work, "export"))
}

// exportOnly runs the export stage alone (--only export): the build
// corpus of that many agencies is generated and ingested unless a
// previous run left its database.
func (b *bench) exportOnly(ctx context.Context, agencies int) {
	db := filepath.Join(b.cfg.work, fmt.Sprintf("build-%d.duckdb", agencies))
	if _, err := os.Stat(db); err != nil {
		corpus := filepath.Join(b.cfg.work, fmt.Sprintf("corpus-%d", agencies))
		if err := b.generate(ctx, corpus, corpus+"-labels", agencies); err != nil {
			b.fail("generate", err)
			return
		}
		if !b.ingest(ctx, fmt.Sprintf("ingest %s agencies × 10 years", thousands(agencies)), corpus, db, false) {
			return
		}
	}
	b.export(ctx, agencies)
}

// linkAgencies hard-links (or copies) the reports of the first n agencies
// into dir, so the build corpus costs no generation.
func linkAgencies(corpus, dir string, n int) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files, err := reportFiles(corpus)
	if err != nil {
		return err
	}
	for _, f := range files {
		base := filepath.Base(f)
		idx, err := strconv.Atoi(strings.TrimPrefix(strings.SplitN(base, "_", 2)[0], "a"))
		if err != nil || idx >= n {
			continue
		}
		dst := filepath.Join(dir, base)
		if err := os.Link(f, dst); err != nil {
			data, rerr := os.ReadFile(f)
			if rerr != nil {
				return rerr
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// reportFiles lists the reports of a corpus folder, sorted.
func reportFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if ext := filepath.Ext(e.Name()); ext == ".txt" || ext == ".html" {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// result is one child process's cost.
type result struct {
	wall   time.Duration
	cpu    time.Duration // user + system time of the child
	rss    int64         // bytes
	stderr string
	err    error
}

// measure runs the command and returns its wall time and peak RSS.
func measure(ctx context.Context, env []string, stdout io.Writer, name string, args ...string) result {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = stdout
	var errBuf tailBuffer
	cmd.Stderr = &errBuf
	start := time.Now()
	err := cmd.Start()
	var hwm int64
	if err == nil {
		stop := make(chan struct{})
		polled := make(chan int64)
		go pollHWM(cmd.Process.Pid, stop, polled)
		err = cmd.Wait()
		close(stop)
		hwm = <-polled
	}
	res := result{wall: time.Since(start), stderr: errBuf.String()}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.rss = ru.Maxrss * 1024 // kilobytes on Linux
			res.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	if hwm > 0 {
		res.rss = hwm
	}
	if err != nil {
		res.err = fmt.Errorf("%s %s: %w: %s", filepath.Base(name), strings.Join(args[:min(len(args), 2)], " "), err, firstLine(res.stderr))
	}
	return res
}

// pollHWM reads the child's own peak RSS (VmHWM of /proc/PID/status) every
// few milliseconds until stop closes, then sends the last value (0 when
// /proc cannot be read). ru_maxrss cannot be used alone: Linux carries the
// parent's high-water mark into a child across fork and exec, so every
// child of a bench process that once held 1 GB reported at least 1 GB
// (the "every query needs 1.2 GB" of earlier runs). VmHWM belongs to the
// child's fresh address space; only growth in its last few milliseconds
// can be missed, which a peak-memory figure in hundreds of MB tolerates.
func pollHWM(pid int, stop <-chan struct{}, out chan<- int64) {
	path := fmt.Sprintf("/proc/%d/status", pid)
	var last int64
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if v := readHWM(path); v > last {
			last = v
		}
		select {
		case <-stop:
			out <- last
			return
		case <-tick.C:
		}
	}
}

// readHWM returns VmHWM of a /proc status file in bytes, 0 when absent.
func readHWM(path string) int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, err := strconv.ParseInt(f[0], 10, 64)
				if err == nil {
					return kb * 1024
				}
			}
		}
	}
	return 0
}

// partial reports whether the child exited 1: some inputs failed, the rest done.
func partial(err error) bool {
	var ee *exec.ExitError
	return errors.As(err, &ee) && ee.ExitCode() == 1
}

// shardResult is the cost of one extract run over a sample.
type shardResult struct {
	wall  time.Duration
	cpu   time.Duration // summed over the processes
	rss   int64         // the sum of the shards' peaks: what they held at most together
	lines int           // JSON records printed
	how   string
	err   error
}

// runShards extracts files with `xxgk extract --json`. With one worker, one
// process runs with GOMAXPROCS=1 (and --workers 1); with more, the command's
// own --workers flag is used when it has one, otherwise the files are split
// over that many single-threaded processes.
func runShards(ctx context.Context, bin string, files []string, workers int, out io.Writer) shardResult {
	const batch = 5000 // paths per process, well under the argument limit
	hasWorkers := helpMentions(ctx, bin, "extract", "-workers")
	var shards [][]string
	if workers == 1 || hasWorkers {
		shards = [][]string{files}
	} else {
		for i := 0; i < workers; i++ {
			lo, hi := i*len(files)/workers, (i+1)*len(files)/workers
			shards = append(shards, files[lo:hi])
		}
	}
	var (
		mu  sync.Mutex
		res shardResult
		wg  sync.WaitGroup
	)
	start := time.Now()
	for _, shard := range shards {
		wg.Add(1)
		go func(shard []string) {
			defer wg.Done()
			var peak int64
			for lo := 0; lo < len(shard); lo += batch {
				args := []string{"extract", "--json"}
				env := []string{"GOMAXPROCS=1"}
				if hasWorkers {
					args = append(args, "--workers", strconv.Itoa(workers))
					if workers > 1 {
						env = nil
					}
				}
				args = append(args, shard[lo:min(lo+batch, len(shard))]...)
				cw := &lineCounter{w: out, mu: &mu}
				r := measure(ctx, env, cw, bin, args...)
				peak = max(peak, r.rss)
				mu.Lock()
				res.cpu += r.cpu
				res.lines += cw.n
				if r.err != nil && !partial(r.err) && res.err == nil {
					res.err = r.err
				}
				mu.Unlock()
			}
			mu.Lock()
			res.rss += peak
			mu.Unlock()
		}(shard)
	}
	wg.Wait()
	res.wall = time.Since(start)
	switch {
	case hasWorkers && workers == 1:
		res.how = "--workers 1, GOMAXPROCS=1"
	case hasWorkers:
		res.how = fmt.Sprintf("--workers %d", workers)
	case workers == 1:
		res.how = "GOMAXPROCS=1"
	default:
		res.how = fmt.Sprintf("%d processes × GOMAXPROCS=1", workers)
	}
	return res
}

// helpMentions reports whether `xxgk CMD --help` lists flag.
func helpMentions(ctx context.Context, bin, cmd, flag string) bool {
	var buf bytes.Buffer
	c := exec.CommandContext(ctx, bin, cmd, "--help")
	c.Stdout, c.Stderr = &buf, &buf
	_ = c.Run()
	return strings.Contains(buf.String(), flag+" ")
}

// lineCounter counts output lines while passing them on.
type lineCounter struct {
	w  io.Writer
	mu *sync.Mutex
	n  int
}

func (l *lineCounter) Write(p []byte) (int, error) {
	l.n += bytes.Count(p, []byte{'\n'})
	if l.w == io.Discard {
		return len(p), nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// tailBuffer keeps the first 4 KB of a child's stderr.
type tailBuffer struct{ bytes.Buffer }

func (t *tailBuffer) Write(p []byte) (int, error) {
	if room := 4096 - t.Len(); room > 0 {
		t.Buffer.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func dirStats(dir string) (files int, size int64) {
	// out/site and out/workbooks are links to the version folders: count
	// what a link points to, not the link.
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				files++
				size += info.Size()
			}
		}
		return nil
	})
	return files, size
}

// versus prints how a figure compares with its target, as a factor where
// above 1 is better than the target.
func versus(factor float64, ok bool) string {
	if ok {
		return fmt.Sprintf("×%.2f ok", factor)
	}
	return fmt.Sprintf("×%.2f MISS", factor)
}

func mb(b int64) string {
	if b <= 0 {
		return ""
	}
	return fmt.Sprintf("%.0f MB", float64(b)/(1<<20))
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

// table prints the result table with the machine it ran on.
func (b *bench) table() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "xxgk bench  %s  scale %g\n  at start: %s\n  at end:   %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), b.cfg.scale, b.machineAtStart, machine())
	head := row{"stage", "measured", "target", "vs target", "peak RSS", "notes"}
	rows := append([]row{head}, b.rows...)
	w := [5]int{}
	for _, r := range rows {
		for i, s := range []string{r.stage, r.measured, r.target, r.vs, r.rss} {
			w[i] = max(w[i], width(s))
		}
	}
	for _, r := range rows {
		for i, s := range []string{r.stage, r.measured, r.target, r.vs, r.rss} {
			sb.WriteString(s + strings.Repeat(" ", w[i]-width(s)+2))
		}
		sb.WriteString(r.note + "\n")
	}
	return sb.String()
}

// width is the display width: CJK and other wide runes count twice.
func width(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xff00 && r <= 0xff60)) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// machine describes the computer: CPUs, model, memory, Go version.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
					mem = fmt.Sprintf(", %.1f GB RAM", kb/(1<<20))
				}
			}
		}
	}
	// The load says how much the figures were disturbed by other work.
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			load = ", load average " + strings.Join(f[:3], " ")
		}
	}
	return fmt.Sprintf("%d CPUs, %s%s, %s %s/%s%s", runtime.NumCPU(), model, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH, load)
}

// writeAtomic writes data next to path and renames it into place.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".bench-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
