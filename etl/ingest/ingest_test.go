package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
)

const corpus = "../../examples/reports"

// copyCorpus copies the sample reports into a fresh folder, with mtimes an
// hour old so the size+mtime fast path may trust them, and their sidecars
// (the one report that prints no year has its page address in one).
func copyCorpus(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	src, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(src) == 0 {
		t.Fatalf("no sample reports in %s: %v", corpus, err)
	}
	sidecars, _ := filepath.Glob(filepath.Join(corpus, "*.meta.json"))
	for _, p := range sidecars {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	var out []string
	for _, p := range src {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.Base(p))
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(dst, old, old)
		out = append(out, dst)
	}
	return dir, out
}

func openStore(t *testing.T) *load.Store {
	t.Helper()
	s, err := load.Open(context.Background(), filepath.Join(t.TempDir(), "x.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// logRecord is one JSON log line.
type logRecord struct {
	Level, Msg, Path, Stage, Reason string
}

func ingest(t *testing.T, s *load.Store, paths []string, lim read.Limits) (*Summary, []logRecord) {
	t.Helper()
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	sum, err := Run(context.Background(), s, paths, Options{Workers: 2, Limits: lim, Log: log})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var recs []logRecord
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var r struct {
			Level, Msg, Path, Stage, Reason string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if r.Level == "WARN" {
			recs = append(recs, logRecord(r))
		}
	}
	return sum, recs
}

func count(t *testing.T, s *load.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestIngestTwiceStoresOnceAndParsesNothing(t *testing.T) {
	s := openStore(t)
	_, paths := copyCorpus(t)
	first, warns := ingest(t, s, paths, read.DefaultLimits())
	if len(warns) != 0 || first.Run.Failed != 0 {
		t.Fatalf("first run failures: %+v", warns)
	}
	if first.Run.New != len(paths) || first.Run.Parsed != len(paths) {
		t.Errorf("first run new=%d parsed=%d, want %d each", first.Run.New, first.Run.Parsed, len(paths))
	}
	n := count(t, s, `SELECT count(*) FROM reports`)
	if n != len(paths) {
		t.Errorf("reports = %d, want %d", n, len(paths))
	}
	second, _ := ingest(t, s, paths, read.DefaultLimits())
	if second.Run.Parsed != 0 || second.Run.Skipped != len(paths) || second.Changed() {
		t.Errorf("second run = %+v, want 0 parsed, %d skipped, nothing changed", second.Run, len(paths))
	}
	if got := count(t, s, `SELECT count(*) FROM reports`); got != n {
		t.Errorf("reports after second run = %d, want %d", got, n)
	}
	if got := count(t, s, `SELECT count(*) FROM metrics m LEFT JOIN reports r ON r.id = m.report_id WHERE r.id IS NULL`); got != 0 {
		t.Errorf("orphan metrics = %d", got)
	}
}

func TestTouchedAndSameSecondChanges(t *testing.T) {
	s := openStore(t)
	dir, paths := copyCorpus(t)
	// fresh has an mtime the recording run cannot trust (written just
	// before it started); stale is an hour old.
	fresh, stale := paths[0], paths[1]
	now := time.Now()
	os.Chtimes(fresh, now, now)
	ingest(t, s, paths, read.DefaultLimits())

	// Touch every file: nothing is parsed.
	later := time.Now().Add(time.Minute)
	for _, p := range paths {
		os.Chtimes(p, later, later)
	}
	sum, _ := ingest(t, s, []string{dir}, read.DefaultLimits())
	if sum.Run.Parsed != 0 || sum.Changed() {
		t.Fatalf("touched run = %+v, want nothing parsed", sum.Run)
	}
	if got := count(t, s, `SELECT count(*) FROM files WHERE mtime_ns = ?`, later.UnixNano()); got != len(paths) {
		t.Errorf("files rows with the new mtime = %d, want %d", got, len(paths))
	}

	// Change fresh in place keeping size and mtime, as a write in the same
	// second would: its recorded mtime is not trusted, so it is hashed.
	for _, p := range []string{fresh, stale} {
		fi, _ := os.Stat(p)
		b, _ := os.ReadFile(p)
		b[len(b)-1] ^= 0x01 // same size
		os.WriteFile(p, b, 0o644)
		os.Chtimes(p, fi.ModTime(), fi.ModTime())
	}
	// The touched run recorded mtime "later", which is newer than its own
	// start, so neither file is trusted yet: both changes are seen.
	sum, _ = ingest(t, s, paths, read.DefaultLimits())
	if sum.Run.Changed != 2 {
		t.Errorf("same-size same-mtime edits: changed = %d, want 2", sum.Run.Changed)
	}
}

// editFigure finds a sample whose extraction reads a figure from digits at
// known offsets, and returns the file with those digits changed.
func editFigure(t *testing.T, paths []string) (path string, key string, edited []byte) {
	t.Helper()
	for _, p := range paths {
		doc, err := read.File(context.Background(), p, read.DefaultLimits())
		if err != nil {
			continue
		}
		rep, err := extract.Document(doc)
		if err != nil {
			continue
		}
		for _, m := range rep.Metrics {
			pr := m.Prov
			if !m.IsNumber() || pr.Start <= 0 || pr.End > len(doc.Text) || doc.Text[pr.Start:pr.End] != pr.Text ||
				strings.Trim(pr.Text, "0123456789") != "" {
				continue
			}
			b := []byte(doc.Text[:pr.Start] + pr.Text + "7" + doc.Text[pr.End:])
			return p, m.Key, b
		}
	}
	t.Fatalf("no sample has a figure printed as bare digits at its provenance offsets")
	return "", "", nil
}

func TestChangedFileKeepsOldVersion(t *testing.T) {
	s := openStore(t)
	_, paths := copyCorpus(t)
	ingest(t, s, paths, read.DefaultLimits())
	p, key, b := editFigure(t, paths)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sum, _ := ingest(t, s, paths, read.DefaultLimits())
	if sum.Run.Changed != 1 || sum.Run.Parsed != 1 || sum.Run.New != 0 {
		t.Fatalf("run after edit = %+v, want 1 changed, 1 parsed", sum.Run)
	}
	if got := count(t, s, `SELECT count(*) FROM reports WHERE path = ?`, p); got != 2 {
		t.Errorf("versions of %s = %d, want 2 (old kept)", p, got)
	}
	if got := count(t, s, `SELECT count(*) FROM reports WHERE path = ? AND current`, p); got != 1 {
		t.Errorf("current versions of %s = %d, want 1", p, got)
	}
	chs, err := s.Changes(context.Background(), sum.Run.ID)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range chs {
		if c.Kind == load.ChangeChanged && c.Key == key && c.Old != nil && c.New != nil && *c.Old != *c.New {
			found = true
		}
	}
	if !found {
		t.Errorf("change log %+v lacks %s old → new", chs, key)
	}
}

func TestRemovedFileKeepsData(t *testing.T) {
	s := openStore(t)
	dir, paths := copyCorpus(t)
	ingest(t, s, paths, read.DefaultLimits())
	os.Remove(paths[0])
	sum, _ := ingest(t, s, []string{dir}, read.DefaultLimits())
	if sum.Run.Removed != 1 {
		t.Errorf("removed = %d, want 1", sum.Run.Removed)
	}
	if got := count(t, s, `SELECT count(*) FROM files WHERE removed AND path = ?`, paths[0]); got != 1 {
		t.Errorf("files.removed not set for %s", paths[0])
	}
	if got := count(t, s, `SELECT count(*) FROM reports`); got != len(paths) {
		t.Errorf("reports = %d, want %d (data of removed files kept)", got, len(paths))
	}
}

func TestBadFilesAreIsolated(t *testing.T) {
	s := openStore(t)
	dir, paths := copyCorpus(t)
	bad := map[string][]byte{
		"empty.txt":     {},
		"binary.bin":    {0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7f, 0x80, 0x00, 0x00, 0x13, 0x37},
		"notreport.txt": []byte("今天天气很好，我们去公园散步。\n这不是一份年度报告。\n"),
		"corrupt.docx":  append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0xde, 0xad}, 100)...),
		"bomb.xlsx":     zipBomb(t, 8<<20),
	}
	for name, b := range bad {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		paths = append(paths, p)
	}
	big := filepath.Join(dir, "big.txt") // sparse: 200 MB without writing them
	f, _ := os.Create(big)
	f.Truncate(200 << 20)
	f.Close()
	paths = append(paths, big)
	lim := read.DefaultLimits()
	lim.MaxDecompressed = 1 << 20

	sum, warns := ingest(t, s, paths, lim)
	bad["big.txt"] = nil
	if sum.Run.Failed != len(bad) {
		t.Errorf("failed = %d, want %d", sum.Run.Failed, len(bad))
	}
	perFile := map[string]int{}
	for _, w := range warns {
		perFile[filepath.Base(w.Path)]++
		if !strings.Contains(w.Msg, w.Path) || w.Reason == "" {
			t.Errorf("log line %q does not name the file and a reason", w.Msg)
		}
	}
	for name := range bad {
		if perFile[name] != 1 {
			t.Errorf("%s: %d log lines, want 1", name, perFile[name])
		}
		if got := count(t, s, `SELECT count(*) FROM ingest_errors WHERE path = ? AND message <> '' AND NOT resolved`,
			filepath.Join(dir, name)); got != 1 {
			t.Errorf("%s: %d open ingest_errors rows, want 1", name, got)
		}
	}
	if got := count(t, s, `SELECT count(*) FROM ingest_errors WHERE path = ? AND message LIKE '%limit%'`, big); got != 1 {
		t.Errorf("oversized file: no size-limit error row")
	}
	if got := count(t, s, `SELECT count(*) FROM reports`); got != sum.Run.New || got < len(paths)-len(bad) {
		t.Errorf("reports = %d, want the %d good files", got, len(paths)-len(bad))
	}
	// Unchanged bad files are not retried or reported again; their errors stay open.
	sum, warns = ingest(t, s, paths, lim)
	if len(warns) != 0 || sum.Run.Parsed != 0 {
		t.Errorf("second run re-read bad files: %+v, %d warnings", sum.Run, len(warns))
	}
	if got := count(t, s, `SELECT count(*) FROM ingest_errors WHERE NOT resolved`); got != len(bad) {
		t.Errorf("open errors after second run = %d, want %d", got, len(bad))
	}
}

// zipBomb builds an xlsx-named zip whose one entry inflates to n bytes.
func zipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(make([]byte, n))
	zw.Close()
	return buf.Bytes()
}

func TestConflictListed(t *testing.T) {
	s := openStore(t)
	dir, paths := copyCorpus(t)
	b, _ := os.ReadFile(paths[0])
	cp := filepath.Join(dir, "copy-revised.txt")
	os.WriteFile(cp, append(b, []byte("\n（修订版）\n")...), 0o644)
	ingest(t, s, append(paths, cp), read.DefaultLimits())
	conf, err := s.Conflicts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var inGroup int
	for _, c := range conf {
		if c.Path == cp || c.Path == paths[0] {
			inGroup++
		}
	}
	if inGroup != 2 {
		t.Errorf("Conflicts = %+v, want %s and its revised copy listed", conf, paths[0])
	}
}

func TestDiff(t *testing.T) {
	num := func(k string, v float64) report.Metric {
		return report.Metric{Key: k, Kind: report.KindNumber, Value: v}
	}
	old := &report.Report{Metrics: []report.Metric{num("a", 1), num("b", 2), num("c", 3),
		{Key: "d", Kind: report.KindEmpty}}}
	nw := &report.Report{Metrics: []report.Metric{num("a", 1), num("b", 5), {Key: "c", Kind: report.KindNotApplicable},
		{Key: "d", Kind: report.KindEmpty}, num("e", 0)}}
	got := Diff(old, nw)
	want := []string{"b:number → number", "c:number → not_applicable", "e:missing → number"}
	if len(got) != len(want) {
		t.Fatalf("Diff = %+v, want %v", got, want)
	}
	for i, c := range got {
		if c.Key+":"+c.Detail != want[i] {
			t.Errorf("Diff[%d] = %s:%s, want %s", i, c.Key, c.Detail, want[i])
		}
	}
	if got[1].New != nil || got[2].New == nil || *got[2].New != 0 {
		t.Errorf("blank must be nil and zero must be 0: %+v", got)
	}
}

func TestSameNewContentTwiceStoredOnce(t *testing.T) {
	s := openStore(t)
	dir, paths := copyCorpus(t)
	twin := filepath.Join(dir, "twin.txt")
	b, _ := os.ReadFile(paths[0])
	os.WriteFile(twin, b, 0o644)
	sum, _ := ingest(t, s, append(paths, twin), read.DefaultLimits())
	if sum.Run.New != len(paths) || sum.Run.Skipped != 1 {
		t.Errorf("run = %+v, want %d new and the twin skipped", sum.Run, len(paths))
	}
	if got := count(t, s, `SELECT count(*) FROM files WHERE report_id = (SELECT report_id FROM files WHERE path = ?)`, twin); got != 2 {
		t.Errorf("paths holding the twin's report = %d, want 2", got)
	}
}

// TestCrossYearChecksStored makes a next-year copy of a sample (every
// mention of its year moved on by one) and checks that the ingest stores
// the cross-year checks validate.CrossYear finds for the pair, attached to
// the later report and naming the earlier one.
func TestCrossYearChecksStored(t *testing.T) {
	_, paths := copyCorpus(t)
	var prev, cur *report.Report
	var curPath string
	for _, p := range paths {
		doc, err := read.File(context.Background(), p, read.DefaultLimits())
		if err != nil {
			continue
		}
		r, err := extract.Document(doc)
		if err != nil || r.Year == 0 {
			continue
		}
		y := strconv.Itoa(r.Year)
		next := filepath.Join(filepath.Dir(p), "next-"+filepath.Base(p))
		os.WriteFile(next, []byte(strings.ReplaceAll(doc.Text, y, strconv.Itoa(r.Year+1))), 0o644)
		ndoc, err := read.File(context.Background(), next, read.DefaultLimits())
		if err != nil {
			continue
		}
		n, err := extract.Document(ndoc)
		if err == nil && n.Agency == r.Agency && n.Year == r.Year+1 && len(validate.CrossYear(r, n)) > 0 {
			prev, cur, curPath = r, n, next
			break
		}
		os.Remove(next)
	}
	if cur == nil {
		t.Fatal("no sample yields a cross-year check against its next-year copy")
	}
	s := openStore(t)
	var buf bytes.Buffer
	_, err := Run(context.Background(), s, append(paths, curPath), Options{Limits: read.DefaultLimits(),
		Log: slog.New(slog.NewTextHandler(&buf, nil)), CrossYear: validate.CrossYear})
	if err != nil {
		t.Fatal(err)
	}
	want := len(validate.CrossYear(prev, cur))
	if got := count(t, s, `SELECT count(*) FROM checks WHERE report_id = ? AND prev_id = ?`, cur.ID, prev.ID); got != want {
		t.Errorf("stored cross-year checks = %d, want %d", got, want)
	}
	// A second run changes nothing and keeps them (no duplicates). The
	// samples hold real series of their own, with their own cross-year
	// checks: all of them stay as they were.
	all := count(t, s, `SELECT count(*) FROM checks WHERE prev_id IS NOT NULL`)
	Run(context.Background(), s, append(paths, curPath), Options{Limits: read.DefaultLimits(), CrossYear: validate.CrossYear})
	if got := count(t, s, `SELECT count(*) FROM checks WHERE report_id = ? AND prev_id = ?`, cur.ID, prev.ID); got != want {
		t.Errorf("cross-year checks of the pair after a second run = %d, want %d", got, want)
	}
	if got := count(t, s, `SELECT count(*) FROM checks WHERE prev_id IS NOT NULL`); got != all {
		t.Errorf("cross-year checks after a second run = %d, want the %d of the first", got, all)
	}
}

// TestPanicAndHangIsolated makes the reader panic on one file and hang on
// another (as broken parsers do): each becomes one error row and one log
// line, and the rest of the batch is stored.
func TestPanicAndHangIsolated(t *testing.T) {
	dir, paths := copyCorpus(t)
	panicky, slow := filepath.Join(dir, "panics.txt"), filepath.Join(dir, "hangs.txt")
	b, _ := os.ReadFile(paths[0])
	os.WriteFile(panicky, append(b, "\n甲\n"...), 0o644)
	os.WriteFile(slow, append(b, "\n乙\n"...), 0o644)
	readFile = func(ctx context.Context, path string, lim read.Limits) (*report.Document, error) {
		switch path {
		case panicky:
			var m []int
			m[len(path)]++ // an index out of range: a real runtime panic
		case slow:
			time.Sleep(2 * time.Second) // ignores ctx, like a stuck parser
		}
		return read.File(ctx, path, lim)
	}
	defer func() { readFile = read.File }()
	s := openStore(t)
	lim := read.DefaultLimits()
	lim.Timeout = 200 * time.Millisecond
	sum, warns := ingest(t, s, append(paths, panicky, slow), lim)
	if sum.Run.Failed != 2 || sum.Run.New != len(paths) {
		t.Errorf("run = %+v, want 2 failed and %d new", sum.Run, len(paths))
	}
	for _, c := range []struct{ path, reason string }{{panicky, "panic"}, {slow, "longer than"}} {
		if got := count(t, s, `SELECT count(*) FROM ingest_errors WHERE path = ? AND message LIKE ?`, c.path, "%"+c.reason+"%"); got != 1 {
			t.Errorf("%s: %d error rows mentioning %q, want 1", c.path, got, c.reason)
		}
	}
	if len(warns) != 2 {
		t.Errorf("log lines = %+v, want 2", warns)
	}
	for _, w := range warns {
		if strings.Contains(w.Msg, "\n") {
			t.Errorf("log message spans lines: %q", w.Msg)
		}
	}
}

// chunkWatch is a log handler that checks, each time a chunk starts
// writing, how many files have been read so far: the reader may be one
// chunk ahead of the writer, never more, so memory holds at most two
// chunks of parsed reports whatever the corpus size.
type chunkWatch struct {
	t      *testing.T
	batch  int
	read   *atomic.Int64
	chunks int
	ahead  int64 // the most files read beyond the chunk being written
}

func (h *chunkWatch) Enabled(context.Context, slog.Level) bool { return true }
func (h *chunkWatch) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *chunkWatch) WithGroup(string) slog.Handler            { return h }
func (h *chunkWatch) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "writing chunk" {
		return nil
	}
	h.chunks++
	ahead := h.read.Load() - int64(h.chunks*h.batch)
	h.ahead = max(h.ahead, ahead)
	if ahead > int64(h.batch) {
		h.t.Errorf("writing chunk %d with %d files read: %d beyond it, more than one chunk of %d",
			h.chunks, h.read.Load(), ahead, h.batch)
	}
	return nil
}

// TestChunksStoreEverythingOnce ingests the samples, their next-year copies
// (cross-year pairs that land in different chunks) and a twin of the first
// sample at the end, in chunks of 5 files and in one chunk: both store the
// same reports, figures, checks (cross-year ones included), files rows and
// change log, and the chunked run never reads more than a chunk ahead.
func TestChunksStoreEverythingOnce(t *testing.T) {
	dir, paths := copyCorpus(t)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for y := 2023; y >= 2008; y-- { // later years first, so a year moves once
			text = strings.ReplaceAll(text, strconv.Itoa(y), strconv.Itoa(y+1))
		}
		os.WriteFile(filepath.Join(dir, "next-"+filepath.Base(p)), []byte(text), 0o644)
	}
	b, _ := os.ReadFile(paths[0])
	os.WriteFile(filepath.Join(dir, "zz-twin.txt"), b, 0o644)

	var reads atomic.Int64
	orig := extractDocument
	extractDocument = func(d *report.Document) (*report.Report, error) {
		reads.Add(1)
		return orig(d)
	}
	t.Cleanup(func() { extractDocument = orig })

	ingestWith := func(batch int, log *slog.Logger) (*load.Store, *Summary) {
		s := openStore(t)
		sum, err := Run(context.Background(), s, []string{dir}, Options{Workers: 2, Batch: batch,
			Limits: read.DefaultLimits(), Log: log, CrossYear: validate.CrossYear})
		if err != nil {
			t.Fatalf("batch %d: %v", batch, err)
		}
		return s, sum
	}
	one, oneSum := ingestWith(0, nil)
	reads.Store(0)
	watch := &chunkWatch{t: t, batch: 5, read: &reads}
	chunked, sum := ingestWith(5, slog.New(watch))
	files := 2*len(paths) + 1
	if want := (files + 4) / 5; watch.chunks != want {
		t.Errorf("chunks written = %d, want %d", watch.chunks, want)
	}
	t.Logf("%d chunks; the reader ran at most %d files ahead of the chunk being written", watch.chunks, watch.ahead)
	if sum.Run.FilesSeen != files || sum.Run.New != oneSum.Run.New || sum.Run.Skipped != oneSum.Run.Skipped ||
		sum.Run.Failed != oneSum.Run.Failed || sum.Run.Parsed != oneSum.Run.Parsed {
		t.Errorf("chunked run %+v, one chunk %+v", sum.Run, oneSum.Run)
	}
	if sum.Run.New < len(paths) {
		t.Errorf("new = %d, want at least the %d samples", sum.Run.New, len(paths))
	}
	for _, q := range []string{
		`SELECT count(*) FROM reports`,
		`SELECT count(DISTINCT id) FROM reports`,
		`SELECT count(*) FROM metrics`,
		`SELECT count(*) FROM (SELECT DISTINCT report_id, key FROM metrics)`,
		`SELECT count(*) FROM checks WHERE prev_id IS NULL`,
		`SELECT count(*) FROM checks WHERE prev_id IS NOT NULL`,
		`SELECT count(*) FROM files`,
		`SELECT count(*) FROM files WHERE report_id IS NOT NULL`,
		`SELECT count(*) FROM changes`,
		`SELECT count(*) FROM runs WHERE finished_at IS NOT NULL`,
		`SELECT count(*) FROM (SELECT DISTINCT report_id, prev_id, rule, scope, status FROM checks WHERE prev_id IS NOT NULL)`,
	} {
		if got, want := count(t, chunked, q), count(t, one, q); got != want {
			t.Errorf("%s: %d in chunks of 5, %d in one chunk", q, got, want)
		}
	}
	if count(t, chunked, `SELECT count(*) FROM checks WHERE prev_id IS NOT NULL`) == 0 {
		t.Error("no cross-year checks: the next-year copies made no pairs")
	}
	if got := count(t, chunked, `SELECT count(*) FROM metrics`); got != count(t, chunked,
		`SELECT count(*) FROM (SELECT DISTINCT report_id, key FROM metrics)`) {
		t.Errorf("duplicate metrics after a chunked run")
	}
}

// TestSettingsRestored checks that the ingest-only DuckDB settings (one
// thread, a memory ceiling) are back to what they were after a run, since
// `xxgk run` builds the outputs on the same connection pool.
func TestSettingsRestored(t *testing.T) {
	s := openStore(t)
	_, paths := copyCorpus(t)
	settings := func() string {
		var th, mem string
		if err := s.DB().QueryRow(`SELECT current_setting('threads')::VARCHAR, current_setting('memory_limit')`).Scan(&th, &mem); err != nil {
			t.Fatal(err)
		}
		return th + " " + mem
	}
	before := settings()
	ingest(t, s, paths[:3], read.DefaultLimits())
	if got := settings(); got != before {
		t.Errorf("settings after ingest = %s, before %s", got, before)
	}
}
