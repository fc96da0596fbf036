package load

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/store"
)

func testReport(id, path, agency string, year int, figures map[string]float64) *report.Report {
	r := &report.Report{ID: id, Path: path, Format: "txt", Size: 100,
		Identity: report.Identity{Agency: agency, Year: year, Period: report.PeriodYear, Published: "2022-01-15"},
		Form:     report.FormTable2021}
	for k, v := range figures {
		r.Metrics = append(r.Metrics, report.Metric{Key: k, Kind: report.KindNumber, Value: v,
			Prov: report.Provenance{Source: "table", Text: "cell", Start: 1, End: 5}})
	}
	r.Metrics = append(r.Metrics, report.Metric{Key: "apps_new.person", Kind: report.KindNotApplicable,
		Prov: report.Provenance{Source: "table", Text: "/"}})
	r.SortMetrics()
	return r
}

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.duckdb")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestSaveReportsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	r := testReport("aa", "a.txt", "某市司法局", 2021, map[string]float64{"apps_new.total": 13, "proactive.total": 1901})
	if err := s.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatalf("SaveReports: %v", err)
	}
	// Saving again is a no-op, not a duplicate.
	if err := s.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatalf("SaveReports again: %v", err)
	}
	s.Close()
	s, err := Open(ctx, path) // migrations are not re-applied
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("reports = %d, %v; want 1", n, err)
	}
	got, ok, err := s.Report(ctx, "aa")
	if err != nil || !ok {
		t.Fatalf("Report(aa) = %v, %v", ok, err)
	}
	if got.Agency != r.Agency || got.Year != r.Year || got.Published != r.Published || got.Form != r.Form {
		t.Errorf("Report(aa) identity = %+v, want %+v", got.Identity, r.Identity)
	}
	if !reflect.DeepEqual(got.Metrics, r.Metrics) {
		t.Errorf("Report(aa) metrics = %+v, want %+v", got.Metrics, r.Metrics)
	}
	if m, _ := got.Metric("apps_new.person"); m.IsNumber() {
		t.Errorf("a not-applicable cell came back as a number: %+v", m)
	}
}

func TestSupersedeAndCrossYear(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	old := testReport("v1", "a.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 5})
	prev := testReport("p0", "b.txt", "某县统计局", 2020, map[string]float64{"apps_new.total": 3})
	if err := s.SaveReports(ctx, []*report.Report{old, prev}); err != nil {
		t.Fatal(err)
	}
	nw := testReport("v2", "a.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 6})
	var pairs [][2]string
	b := &Batch{
		Run:     Run{Kind: "ingest"},
		Reports: []*report.Report{nw},
		Files:   []FileRecord{{Path: "a.txt", Size: 1, Hash: "v2", ReportID: "v2", Settled: true}},
		CrossYear: func(p, c *report.Report) []report.Check {
			pairs = append(pairs, [2]string{p.ID, c.ID})
			return []report.Check{{Rule: "X.carry", Status: report.Pass}}
		},
	}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if want := [][2]string{{"p0", "v2"}}; !reflect.DeepEqual(pairs, want) {
		t.Errorf("CrossYear pairs = %v, want %v", pairs, want)
	}
	var cur bool
	s.DB().QueryRow(`SELECT current FROM reports WHERE id = 'v1'`).Scan(&cur)
	if cur {
		t.Errorf("v1 still current after a.txt changed")
	}
	var prevID string
	if err := s.DB().QueryRow(`SELECT prev_id FROM checks WHERE rule = 'X.carry' AND report_id = 'v2'`).Scan(&prevID); err != nil || prevID != "p0" {
		t.Errorf("cross-year check prev_id = %q, %v; want p0", prevID, err)
	}
	// An older version of the same path is listed, superseded, under the
	// current one (the named query conflicts, which status prints too).
	if conf, err := s.Conflicts(ctx); err != nil || len(conf) != 2 || conf[0].ID != "v2" || !conf[0].Preferred ||
		!conf[0].Current || conf[1].ID != "v1" || conf[1].Current {
		t.Errorf("Conflicts = %+v, %v; want v2 preferred and current, v1 superseded", conf, err)
	}
	// A copy with more figures under another name: all three listed, the
	// one with more figures preferred (same publication date).
	cp := testReport("v3", "c.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 6, "proactive.total": 9})
	if err := s.SaveReports(ctx, []*report.Report{cp}); err != nil {
		t.Fatal(err)
	}
	conf, err := s.Conflicts(ctx)
	if err != nil || len(conf) != 3 || !conf[0].Preferred || conf[0].ID != "v3" {
		t.Errorf("Conflicts = %+v, %v; want v3 preferred over v2 and v1", conf, err)
	}
}

func TestSaveReportsSamePathTwice(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	v1 := testReport("v1", "a.txt", "某区司法局", 2022, map[string]float64{"apps_new.total": 1})
	v2 := testReport("v2", "a.txt", "某区司法局", 2022, map[string]float64{"apps_new.total": 2})
	nopath := testReport("np", "", "某区司法局", 2021, nil)
	if err := s.SaveReports(ctx, []*report.Report{v1, v2, nopath}); err != nil {
		t.Fatalf("SaveReports: %v", err)
	}
	for id, want := range map[string]bool{"v1": false, "v2": true, "np": true} {
		var cur bool
		if err := s.DB().QueryRow(`SELECT current FROM reports WHERE id = ?`, id).Scan(&cur); err != nil || cur != want {
			t.Errorf("%s current = %v, %v; want %v", id, cur, err, want)
		}
	}
}

// TestPreferredOfBatchMatchesView checks that the ranking the cross-year
// checks use for the agencies of a batch (preferred_ids_of_batch, which
// ranks only those agencies' reports) picks what the view preferred_reports
// picks, across the tie-breaks: current, publication date, figures.
func TestPreferredOfBatchMatchesView(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	var reps []*report.Report
	for i, c := range []struct {
		agency, path, published string
		year, figures           int
	}{
		{"甲县司法局", "a1.txt", "2022-01-15", 2021, 1},
		{"甲县司法局", "a2.txt", "2022-03-01", 2021, 1}, // later publication
		{"甲县司法局", "a3.txt", "2022-03-01", 2021, 2}, // same date, more figures
		{"甲县司法局", "a4.txt", "", 2020, 3},
		{"乙市统计局", "b1.txt", "2021-02-01", 2020, 2},
		{"乙市统计局", "b1.txt", "2021-02-01", 2020, 1}, // later version of b1: current
	} {
		figs := map[string]float64{}
		for k := range c.figures {
			figs[fmt.Sprintf("apps_new.col%d", k)] = float64(k)
		}
		r := testReport(fmt.Sprintf("r%d", i), c.path, c.agency, c.year, figs)
		r.Published = c.published
		reps = append(reps, r)
	}
	if err := s.SaveReports(ctx, reps); err != nil {
		t.Fatal(err)
	}
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{store.SQL("batch_tables"), `INSERT INTO batch_agencies SELECT DISTINCT agency FROM reports`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	got, err := scanReports(ctx, conn, store.SQL("preferred_ids_of_batch"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := conn.QueryContext(ctx, `SELECT id FROM preferred_reports ORDER BY agency, period, year, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var want []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		want = append(want, id)
	}
	var ids []string
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("preferred_ids_of_batch = %v, preferred_reports = %v", ids, want)
	}
	if len(want) != 3 || !slices.Contains(want, "r2") || !slices.Contains(want, "r5") {
		t.Errorf("preferred = %v, want r2 (2021: later date, then more figures), r3 (2020), r5 (the current version of b1.txt)", want)
	}
}

// TestMetricsCSVRoundTrip stores figures whose text has everything a CSV
// file can trip on (quotes, commas, line breaks, a literal \N, an empty
// provenance, blank labels) and reads them back unchanged: blank stays
// NULL, empty stays empty, and numbers keep every digit.
func TestMetricsCSVRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := testReport("q1", "q.txt", "某县统计局", 2021, nil)
	r.Metrics = []report.Metric{
		{Key: "a.quote", Kind: report.KindNumber, Value: 0.1 + 0.2,
			Prov: report.Provenance{Source: "table", Table: "applications", Row: `行"一"`, Col: "列,二", Text: "他说\"是\",\n下一行", Start: 3, End: 9}},
		{Key: "b.null", Kind: report.KindNumber, Value: -1.5e21,
			Prov: report.Provenance{Source: "prose", Text: `\N`, Rule: "r1", Unit: "元"}},
		{Key: "c.empty", Kind: report.KindEmpty, Prov: report.Provenance{Source: "table", Text: ""}},
		{Key: "c.empty", Kind: report.KindNumber, Value: 7, Prov: report.Provenance{Source: "table", Text: "dup"}},
		{Key: "d.na", Kind: report.KindNotApplicable, Approx: true, Prov: report.Provenance{Source: "table", Text: "/\r\n"}},
	}
	if err := s.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Report(ctx, "q1")
	if err != nil || !ok {
		t.Fatalf("Report: %v, %v", ok, err)
	}
	want := []report.Metric{r.Metrics[0], r.Metrics[1], r.Metrics[2], r.Metrics[4]} // first c.empty wins
	if !reflect.DeepEqual(got.Metrics, want) {
		t.Errorf("metrics read back:\n got %+v\nwant %+v", got.Metrics, want)
	}
	var nulls, empties int
	s.DB().QueryRow(`SELECT count(*) FILTER (WHERE value IS NULL), count(*) FILTER (WHERE provenance = '') FROM metrics`).Scan(&nulls, &empties)
	if nulls != 2 || empties != 1 {
		t.Errorf("NULL values = %d, empty provenance = %d; want 2 and 1", nulls, empties)
	}
	if n := count(t, s, `SELECT count(*) FROM metrics WHERE tbl IS NULL AND row_label IS NULL AND rule IS NULL`); n != 2 {
		t.Errorf("rows with blank labels stored as NULL = %d, want 2", n)
	}
}

func count(t *testing.T, s *Store, q string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestCommitInGlobLikeFolder stores a report in a database whose folder
// name has glob characters, which the metrics CSV must not be placed under.
func TestCommitInGlobLikeFolder(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "报告 [2023] *")
	s, err := Open(ctx, filepath.Join(dir, "x.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := testReport("g1", "g.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 4})
	if err := s.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatalf("SaveReports: %v", err)
	}
	if n := count(t, s, `SELECT count(*) FROM metrics`); n != len(r.Metrics) {
		t.Errorf("metrics = %d, want %d", n, len(r.Metrics))
	}
}

// TestAmbiguitiesStored writes the figures readers saw and left out with
// their report and reads them back: in the same transaction as the report
// (a failed batch leaves none), once per report, through the chunked path
// of a run as well as SaveReports.
func TestAmbiguitiesStored(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := testReport("m1", "m.txt", "某县卫生健康局", 2022, map[string]float64{"apps_new.total": 70})
	r.Ambiguous = []report.Ambiguity{
		{Key: "art20.normative.issued", Reason: report.AmbiguousSplit, Detail: `glued run "31245": 3 | 31 | 312`,
			Prov: report.Provenance{Source: "table", Table: "article20", Row: "行政规范性文件", Col: "本年制发件数", Text: "31245,\n\"x\"",
				Start: 120, End: 125, Rule: "table.glued", Note: "6 readings"}},
		{Key: "granted.*", Reason: report.AmbiguousNoSplit, Detail: "no split fits",
			Prov: report.Provenance{Source: "table", Table: "applications", Text: "3000004", Start: 7, End: 14, Rule: "table.glued"}},
		{Reason: report.AmbiguousScope, Prov: report.Provenance{Source: "prose", Text: "全区共收到申请1499件"}},
	}
	if err := s.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveReports(ctx, []*report.Report{r}); err != nil { // stored already: nothing twice
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM ambiguities WHERE report_id = 'm1'`); n != 3 {
		t.Errorf("ambiguities rows = %d, want 3", n)
	}
	if n := count(t, s, `SELECT count(*) FROM ambiguities WHERE key IS NULL AND detail IS NULL AND tbl IS NULL`); n != 1 {
		t.Errorf("an ambiguity without key kept its blanks as NULL: %d rows, want 1", n)
	}
	got, ok, err := s.Report(ctx, "m1")
	if err != nil || !ok {
		t.Fatalf("Report: %v, %v", ok, err)
	}
	if !reflect.DeepEqual(got.Ambiguous, r.Ambiguous) {
		t.Errorf("ambiguities read back:\n got %+v\nwant %+v", got.Ambiguous, r.Ambiguous)
	}

	// A batch that fails (a report claimed fresh is stored already) writes
	// none of its ambiguities.
	fresh := testReport("m2", "n.txt", "某县卫生健康局", 2023, nil)
	fresh.Ambiguous = []report.Ambiguity{{Key: "review.*", Reason: report.AmbiguousBound, Prov: report.Provenance{Source: "table", Text: "9999"}}}
	if err := s.Commit(ctx, &Batch{Reports: []*report.Report{fresh, r}, Fresh: true}); err == nil {
		t.Fatal("a batch storing a report twice committed")
	}
	if n := count(t, s, `SELECT count(*) FROM ambiguities`); n != 3 {
		t.Errorf("after a failed batch: %d ambiguities rows, want the 3 committed before", n)
	}

	// The chunked commit of a run writes them with each chunk's reports.
	run := Run{Kind: "ingest", Started: time.Now()}
	if err := s.StartRun(ctx, &run); err != nil {
		t.Fatal(err)
	}
	for i, rep := range []*report.Report{fresh, testReport("m3", "o.txt", "某县卫生健康局", 2024, nil)} {
		rep.Ambiguous = append(rep.Ambiguous, report.Ambiguity{Key: "granted.person", Reason: report.AmbiguousSplit,
			Prov: report.Provenance{Source: "table", Text: "110000011"}})
		b := &Batch{Run: run, Reports: []*report.Report{rep}, Fresh: true,
			Files: []FileRecord{{Path: rep.Path, Size: rep.Size, Hash: rep.ID, ReportID: rep.ID, Settled: true}}}
		b.Run.Finished, b.Run.Unfinished = time.Now(), i == 0
		if err := s.Commit(ctx, b); err != nil {
			t.Fatalf("chunk %d: %v", i, err)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM ambiguities WHERE report_id IN ('m2', 'm3')`); n != 3 {
		t.Errorf("chunked run: %d ambiguities rows, want 3", n)
	}
	if n := count(t, s, `SELECT count(*) FROM ambiguities WHERE report_id = 'm2' AND seq = 1 AND key = 'granted.person'`); n != 1 {
		t.Errorf("the second ambiguity of m2 is not stored with its order")
	}
}
