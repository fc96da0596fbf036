package correct_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/etl/correct"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
)

func TestParse(t *testing.T) {
	ok := func(report, key, value string) correct.Row {
		return correct.Row{Line: 2, Report: report, Key: key, Value: value, Why: "原文如此"}
	}
	tests := []struct {
		name    string
		row     correct.Row
		kind    string
		value   float64
		text    string
		wantErr string
	}{
		{"a figure", ok("3f2a9c1d", "apps_new.total", "25"), correct.KindNumber, 25, "", ""},
		{"a decimal figure", ok("3f2a9c1d", "art20.fees.amount", "1.5"), correct.KindNumber, 1.5, "", ""},
		{"a blank cell", ok("甲市司法局:2021", "granted.total", "blank"), correct.KindEmpty, 0, "", ""},
		{"an agency", ok("甲市司法局:2021", "agency", "乙市司法局"), correct.KindText, 0, "乙市司法局", ""},
		{"a year", ok("甲市司法局:2021", "year", "2020"), correct.KindText, 0, "2020", ""},
		{"a period in words", ok("甲市司法局:2021:h1", "period", "全年"), correct.KindText, 0, "year", ""},
		{"a form", ok("3f2a9c1d", "form", "legacy"), correct.KindText, 0, "legacy", ""},
		{"not a report", ok("3f2a9c1d", "not_a_report", "是"), correct.KindText, 0, "true", ""},
		{"a confirmed flag", ok("3f2a9c1d", "flag:I1.flow:total", "确认无误"), correct.KindVerdict, 0, correct.Confirmed, ""},
		{"a flag to fix", ok("3f2a9c1d", "flag:yoy.above_5x:handled", "需修正"), correct.KindVerdict, 0, correct.NeedsFix, ""},
		// Refused, each with what is wrong.
		{"unknown key", ok("3f2a9c1d", "apps_new.totl", "25"), "", 0, "", `unknown key "apps_new.totl"`},
		{"not a number", ok("3f2a9c1d", "apps_new.total", "二十五"), "", 0, "", "is not a number"},
		{"zero is not blank", ok("3f2a9c1d", "apps_new.total", ""), "", 0, "", "is not a number"},
		{"negative", ok("3f2a9c1d", "apps_new.total", "-3"), "", 0, "", "is not a number"},
		{"not finite", ok("3f2a9c1d", "apps_new.total", "NaN"), "", 0, "", "is not a number"},
		{"short hash", ok("3f2a", "apps_new.total", "1"), "", 0, "", "at least 8 hex digits"},
		{"no year", ok("甲市司法局", "apps_new.total", "1"), "", 0, "", "neither a content hash nor AGENCY:YEAR"},
		{"bad year", ok("甲市司法局:二〇二一", "apps_new.total", "1"), "", 0, "", "is not a year"},
		{"no reason", correct.Row{Report: "3f2a9c1d", Key: "apps_new.total", Value: "1"}, "", 0, "", "no reason"},
		{"bad form", ok("3f2a9c1d", "form", "table2020"), "", 0, "", "form"},
		{"bad flag verdict", ok("3f2a9c1d", "flag:I1.flow:total", "ok"), "", 0, "", "neither 确认无误 nor 需修正"},
		{"flag without rule", ok("3f2a9c1d", "flag:", "确认无误"), "", 0, "", "names no rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := correct.Parse(tt.row)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Parse = %v, want an error with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if c.Kind != tt.kind || c.Value != tt.value || c.Text != tt.text {
				t.Errorf("Parse = %s %v %q, want %s %v %q", c.Kind, c.Value, c.Text, tt.kind, tt.value, tt.text)
			}
		})
	}
}

func TestReadNamesBadLines(t *testing.T) {
	in := "\ufeffreport,key,value,who,when,why,source\n" +
		"3f2a9c1d,apps_new.total,25,张三,2026-01-01,\"读错了列,\n跨两行\",\n" +
		"3f2a9c1d,granted.total,\"12,x\n" + // an open quote: not CSV
		""
	rows, bad, err := correct.Read(strings.NewReader(in), "c.csv")
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(rows) != 1 || rows[0].Why != "读错了列,\n跨两行" || rows[0].Line != 2 {
		t.Errorf("rows = %+v, want the first data line", rows)
	}
	if len(bad) != 1 || !strings.Contains(bad[0].Error(), "c.csv line 4") {
		t.Errorf("bad = %v, want line 4 named", bad)
	}
	if _, _, err := correct.Read(strings.NewReader("report,key,value\n"), "c.csv"); err == nil || !strings.Contains(err.Error(), `"why"`) {
		t.Errorf("Read without a why column = %v, want it named", err)
	}
}

// rows runs a named query and returns its rows as maps.
func rows(t *testing.T, db *sql.DB, name string, f queries.Filter) []map[string]any {
	t.Helper()
	res, err := queries.Run(context.Background(), db, name, f)
	if err != nil {
		t.Fatalf("query %s: %v", name, err)
	}
	var out []map[string]any
	for _, r := range res.Rows {
		m := map[string]any{}
		for i, c := range res.Columns {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func pick(rs []map[string]any, match map[string]any) map[string]any {
	for _, r := range rs {
		ok := true
		for k, v := range match {
			if fmt.Sprint(r[k]) != fmt.Sprint(v) {
				ok = false
			}
		}
		if ok {
			return r
		}
	}
	return nil
}

func idOf(t *testing.T, db *sql.DB, agency string, year int) string {
	t.Helper()
	var id string
	if err := db.QueryRow("SELECT id FROM preferred_reports WHERE agency = ? AND year = ? AND period = 'year'", agency, year).Scan(&id); err != nil {
		t.Fatalf("report of %s %d: %v", agency, year, err)
	}
	return id
}

func writeFile(t *testing.T, path string, lines ...string) {
	t.Helper()
	body := strings.Join(append([]string{strings.Join(correct.Header, ",")}, lines...), "\n") + "\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func apply(t *testing.T, db *sql.DB, path string) *correct.Result {
	t.Helper()
	res, err := correct.Apply(context.Background(), db, path)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if err := queries.Refresh(context.Background(), db); err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	return res
}

func TestOverlay(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.DB()
	ctx := context.Background()
	if err := queries.Refresh(ctx, db); err != nil {
		t.Fatal(err)
	}
	plain := chartstest.PlainAgency
	id22 := idOf(t, db, plain, 2022)
	broken := idOf(t, db, plain, 2021)
	geng := idOf(t, db, "庚市司法局", 2020)
	rateBefore := pick(rows(t, db, "rates", queries.Filter{Agencies: []string{plain}}),
		map[string]any{"scope": "agency", "year": 2022, "rate": "grant_rate"})
	rankBefore := pick(rows(t, db, "peers", queries.Filter{}), map[string]any{"agency": "庚市司法局", "year": 2022, "metric": "granted"})
	trustBefore := pick(rows(t, db, "trust", queries.Filter{}), map[string]any{"agency": plain, "year": 2021})
	if rateBefore == nil || rankBefore == nil || trustBefore == nil {
		t.Fatalf("fixture rows missing: %v %v %v", rateBefore, rankBefore, trustBefore)
	}

	file := filepath.Join(t.TempDir(), "corrections.csv")
	writeFile(t, file,
		id22[:12]+",granted.total,1000,张三,,表中予以公开一栏读成了上一行,",
		"丙市司法局:2020,agency,丙市人民政府,李四,,标题写的是人民政府,",
		broken+",flag:I1.flow:total,确认无误,王五,,原表确实不平,",
		geng+",apps_new.total,9999,,,待修订,",
		"庚市司法局:2022,granted.total,5000,,,排名应变,",
		"deadbeef00,apps_new.total,1,,,报告已删除,",
		id22+",apps_new.totl,1,,,拼错的键,",
		id22+",apps_new.total,很多,,,不是数字,",
		"甲市司法局,apps_new.total,1,,,没有年度,",
	)
	res := apply(t, db, file)
	if res.Applied != 6 {
		t.Errorf("applied %d lines, want 6", res.Applied)
	}
	var refused []string
	for _, r := range res.Refused {
		refused = append(refused, r.Error())
	}
	want := []string{"line 8: unknown key", "line 9: value \"很多\" is not a number", "line 10: report \"甲市司法局\""}
	if len(refused) != len(want) {
		t.Fatalf("refused %q, want %d lines", refused, len(want))
	}
	for i, w := range want {
		if !strings.Contains(refused[i], w) || !strings.Contains(refused[i], file) {
			t.Errorf("refused[%d] = %q, want the file and %q", i, refused[i], w)
		}
	}

	// The corrected figure is what the analysis reads; the extracted one stays.
	var extracted float64
	if err := db.QueryRow("SELECT value FROM metrics WHERE report_id = ? AND key = 'granted.total'", id22).Scan(&extracted); err != nil {
		t.Fatal(err)
	}
	if extracted == 1000 {
		t.Fatal("the extracted metrics row was overwritten")
	}
	h := pick(rows(t, db, "harmonised", queries.Filter{Agencies: []string{plain}}), map[string]any{"year": 2022, "metric": "granted"})
	if h == nil || h["value"] != 1000.0 {
		t.Errorf("harmonised granted 2022 = %v, want the corrected 1000", h)
	}
	rateAfter := pick(rows(t, db, "rates", queries.Filter{Agencies: []string{plain}}),
		map[string]any{"scope": "agency", "year": 2022, "rate": "grant_rate"})
	if rateAfter["value"] == rateBefore["value"] || rateAfter["numerator"] == rateBefore["numerator"] {
		t.Errorf("grant_rate 2022 = %v, want it recomputed from the correction (was %v)", rateAfter, rateBefore)
	}
	rankAfter := pick(rows(t, db, "peers", queries.Filter{}), map[string]any{"agency": "庚市司法局", "year": 2022, "metric": "granted"})
	if fmt.Sprint(rankAfter["rank"]) != "1" || fmt.Sprint(rankBefore["rank"]) == "1" {
		t.Errorf("rank of granted 2022 = %v, was %v; want 1 after the correction", rankAfter["rank"], rankBefore["rank"])
	}
	src := pick(rows(t, db, "sources", queries.Filter{Agencies: []string{plain}, Years: []int{2022}}), map[string]any{"key": "granted.total"})
	if src["corrected"] != true || src["extracted_value"] != extracted || !strings.Contains(fmt.Sprint(src["correction_why"]), "读成了上一行") {
		t.Errorf("sources row = %v, want it marked corrected with the extracted value and the reason", src)
	}

	// The agency correction moves the report.
	cov := rows(t, db, "coverage", queries.Filter{})
	if pick(cov, map[string]any{"agency": "丙市人民政府", "year": 2020}) == nil || pick(cov, map[string]any{"agency": "丙市司法局", "year": 2020}) != nil {
		t.Errorf("coverage 2020 does not show 丙市人民政府 in place of 丙市司法局")
	}
	if r := pick(cov, map[string]any{"agency": "丙市人民政府", "year": 2020}); r["agency_kind"] != "人民政府" {
		t.Errorf("kind of the corrected agency = %v, want 人民政府", r["agency_kind"])
	}

	// The confirmed failed check no longer lowers trust, and says so.
	tr := pick(rows(t, db, "trust", queries.Filter{}), map[string]any{"agency": plain, "year": 2021})
	if fmt.Sprint(tr["checks_fail"]) != "0" || fmt.Sprint(tr["checks_confirmed"]) != "1" || tr["trust_score"].(float64) <= trustBefore["trust_score"].(float64) {
		t.Errorf("trust 2021 = %v, was %v; want the confirmed check counted apart and the score up", tr, trustBefore)
	}
	q := pick(rows(t, db, "quality", queries.Filter{Agencies: []string{plain}}), map[string]any{"year": 2021, "rule": "I1.flow"})
	if q["review"] != correct.Confirmed || q["review_note"] != "原表确实不平" {
		t.Errorf("quality row = %v, want it marked confirmed with the note", q)
	}

	// Stale: the report gone is reported, not dropped.
	stale := map[string]string{}
	for _, l := range res.Stale {
		stale[l.Ref] = l.Stale
	}
	if stale["deadbeef00"] != "gone" || len(stale) != 1 {
		t.Errorf("stale = %v, want only deadbeef00 gone", stale)
	}
	added := 0
	for _, c := range res.Changes {
		if c.Kind == correct.ChangeAdded {
			added++
		}
	}
	if added != 6 {
		t.Errorf("changes = %+v, want 6 added", res.Changes)
	}

	// A rebuild applies the same file: the same results, no changes logged.
	again := apply(t, db, file)
	if len(again.Changes) != 0 || again.Applied != 6 {
		t.Errorf("second apply: %d applied, changes %+v; want 6 and none", again.Applied, again.Changes)
	}
	if h := pick(rows(t, db, "harmonised", queries.Filter{Agencies: []string{plain}}), map[string]any{"year": 2022, "metric": "granted"}); h["value"] != 1000.0 {
		t.Errorf("after a rebuild harmonised granted 2022 = %v, want 1000", h)
	}

	// A revised report at the same path makes its hash's correction stale.
	revised := chartstest.Reports()
	var rev = revised[0]
	for _, r := range revised {
		if r.ID == geng {
			rev = r
		}
	}
	if rev.ID != geng {
		t.Fatal("fixture report of 庚市司法局 2020 not found")
	}
	rev.ID = strings.Repeat("f", 64)
	rev.Text += "\n（修订版）"
	if err := st.SaveReports(ctx, []*report.Report{rev}); err != nil {
		t.Fatal(err)
	}
	res = apply(t, db, file)
	var wentStale []string
	for _, c := range res.Changes {
		if c.Kind == correct.ChangeStale {
			wentStale = append(wentStale, c.Ref+" "+c.Stale)
		}
	}
	if len(wentStale) != 1 || wentStale[0] != geng+" superseded" {
		t.Errorf("went stale = %v, want the revised report's correction superseded", wentStale)
	}

	// A line removed from the file is logged as removed and no longer applies.
	writeFile(t, file, "丙市司法局:2020,agency,丙市人民政府,李四,,标题写的是人民政府,")
	res = apply(t, db, file)
	removed := 0
	for _, c := range res.Changes {
		if c.Kind == correct.ChangeRemoved {
			removed++
		}
	}
	if removed != 5 {
		t.Errorf("changes = %+v, want 5 removed", res.Changes)
	}
	if h := pick(rows(t, db, "harmonised", queries.Filter{Agencies: []string{plain}}), map[string]any{"year": 2022, "metric": "granted"}); h["value"] == 1000.0 {
		t.Error("a removed correction still applies")
	}
}

func TestEqualIsStale(t *testing.T) {
	db := chartstest.OpenDB(t)
	id := idOf(t, db, chartstest.PlainAgency, 2022)
	var v float64
	if err := db.QueryRow("SELECT value FROM metrics WHERE report_id = ? AND key = 'apps_new.total'", id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "c.csv")
	writeFile(t, file, fmt.Sprintf("%s,apps_new.total,%g,,,同值,", id, v), id+",denied_safety.total,blank,,,本就空白,")
	res := apply(t, db, file)
	if len(res.Stale) != 2 || res.Stale[0].Stale != "equal" || res.Stale[1].Stale != "equal" {
		t.Errorf("stale = %+v, want both equal", res.Stale)
	}
}

func TestExportScoresOne(t *testing.T) {
	score := filepath.Join("..", "..", "..", "shared", "tools", "score.py")
	if _, err := os.Stat(score); err != nil {
		t.Skipf("score.py not found at %s", score)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	db := chartstest.OpenDB(t)
	plain := chartstest.PlainAgency
	id := idOf(t, db, plain, 2022)
	file := filepath.Join(t.TempDir(), "c.csv")
	writeFile(t, file,
		id+",granted.total,61,,,读错,",
		id+",partial.total,blank,,,原表为空,",
		id+",art20.fees.amount,2.5,,,漏读的收费,",
		"丙市司法局:2020,agency,丙市人民政府,,,标题,",
		"丙市司法局:2020,year,2019,,,年度写错,",
	)
	apply(t, db, file)
	dir := filepath.Join(t.TempDir(), "labels")
	var jsonl bytes.Buffer
	n, skipped, err := correct.Export(context.Background(), db, dir, &jsonl)
	if err != nil || n != 2 || len(skipped) != 0 {
		t.Fatalf("Export = %d, %v, %v; want 2 reports", n, skipped, err)
	}
	lab, err := os.ReadFile(filepath.Join(dir, id[:16]+".json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"granted.total": 61`, `"art20.fees.amount": 2.5`} {
		if !strings.Contains(string(lab), want) {
			t.Errorf("label lacks %s:\n%s", want, lab)
		}
	}
	if strings.Contains(string(lab), `"partial.total"`) {
		t.Errorf("a blank correction is labelled:\n%s", lab)
	}
	if !strings.Contains(jsonl.String(), `"agency":"丙市人民政府","year":2019`) {
		t.Errorf("the corrected identity is not exported:\n%s", jsonl.String())
	}
	out := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(out, jsonl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command("python3", score, dir, out).CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, b)
	}
	m := regexp.MustCompile(`recall=(\S+) precision=(\S+) strict_precision=(\S+) agency=(\S+)`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatalf("score.py printed no score:\n%s", b)
	}
	for _, v := range m[1:] {
		if v != "1.000" {
			t.Errorf("score.py: %s, want 1.000 throughout", m[0])
			break
		}
	}
}

// TestNotAReportAndCorrectedName: a file said not to be a report leaves
// every query; a later line may name a report by the agency an earlier
// line gave it.
func TestNotAReportAndCorrectedName(t *testing.T) {
	db := chartstest.OpenDB(t)
	file := filepath.Join(t.TempDir(), "c.csv")
	writeFile(t, file,
		"庚市司法局:2019,not_a_report,是,,,这是一份通知,",
		"丙市司法局:2021,agency,丙市人民政府,,,标题,",
		"丙市人民政府:2021,apps_new.total,4321,,,按新名称校正,",
	)
	res := apply(t, db, file)
	if res.Applied != 3 || len(res.Stale) != 0 || len(res.Refused) != 0 {
		t.Fatalf("Apply = %+v", res)
	}
	cov := rows(t, db, "coverage", queries.Filter{})
	if pick(cov, map[string]any{"agency": "庚市司法局", "year": 2019}) != nil {
		t.Error("a file said not to be a report is still in coverage")
	}
	if pick(cov, map[string]any{"agency": "庚市司法局", "year": 2020}) == nil {
		t.Error("the other reports of the agency are gone too")
	}
	h := pick(rows(t, db, "harmonised", queries.Filter{Agencies: []string{"丙市人民政府"}}), map[string]any{"year": 2021, "metric": "received"})
	if h == nil || h["value"] != 4321.0 {
		t.Errorf("harmonised received of 丙市人民政府 2021 = %v, want 4321", h)
	}
}
