package charts

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/charts/chartstest"
)

// TestQualitySite builds the site of the report-quality fixture (texts of
// a late report, one with no date and no review table, a copy of last
// year, a copy of a peer and genuinely different reports, through the
// real pipeline) and checks in headless Chromium what a reader sees: the
// quality section of each agency page with its verdicts in Chinese, the
// ranking per peer group on the overview, and on a source page the
// report's grades and its repeated sentences underlined with where they
// come from; no Latin word, nothing injected, no console error.
func TestQualitySite(t *testing.T) {
	db := chartstest.GradeDB(t)
	site := filepath.Join(t.TempDir(), "site")
	if _, err := Build(context.Background(), db, site); err != nil {
		t.Fatalf("Build: %v", err)
	}
	b := chartstest.NewBrowser(t)
	shots := screenshotDir(t)
	agencyPage := func(name string) string { return filepath.Join(site, "agencies", agencyID(name)+".html") }
	clean := func(t *testing.T) {
		t.Helper()
		var words []string
		b.Eval(t, asciiScan, &words)
		for _, w := range words {
			if word := strings.SplitN(w, "\t", 2)[0]; !asciiAllowed[word] {
				t.Errorf("Latin word on the page: %s", w)
			}
		}
		var bad int
		b.Eval(t, hostileDOM, &bad)
		if bad != 0 {
			t.Errorf("%d elements made from untrusted text", bad)
		}
		for _, e := range b.Errors() {
			t.Errorf("browser: %s", e)
		}
	}
	// gradeRows reads the quality table of an agency page, year → cells.
	gradeRows := func(t *testing.T, name string) map[string][]string {
		t.Helper()
		b.Open(t, agencyPage(name))
		var rows [][]string
		b.Eval(t, `Array.from(document.querySelectorAll('#report-quality table.grades tbody tr')).map(function(tr){
			return Array.from(tr.cells).map(function(c){return c.innerText.trim()})})`, &rows)
		out := map[string][]string{}
		for _, r := range rows {
			out[r[0]] = r
		}
		clean(t)
		return out
	}
	has := func(t *testing.T, what string, row []string, want ...string) {
		t.Helper()
		line := strings.Join(row, " | ")
		for _, w := range want {
			if !strings.Contains(line, w) {
				t.Errorf("%s: %q lacks %q", what, line, w)
			}
		}
	}
	t.Run("agency-pages", func(t *testing.T) {
		wuxi := gradeRows(t, chartstest.CopiedPrevAgency)
		b.Eval(t, `document.getElementById('report-quality').scrollIntoView(); true`, new(bool))
		b.Shot(t, 1366, filepath.Join(shots, "agency-quality-1366.png"))
		if len(wuxi) != 3 {
			t.Fatalf("%s: %d graded years, want 3: %v", chartstest.CopiedPrevAgency, len(wuxi), wuxi)
		}
		has(t, "copy of last year, late", wuxi["2022"], "逾期发布（逾期 15 天）", "与本机关上年报告大量雷同", "100.0%")
		has(t, "on time", wuxi["2021"], "按时发布", "未见大量雷同")
		has(t, "copy of a peer", gradeRows(t, chartstest.CopiedPeerAgency)["2022"], "与先发布的同类机关报告大量雷同", chartstest.CopiedPeerSource)
		nt := gradeRows(t, chartstest.IncompleteReportAgency)["2022"]
		has(t, "no review table, no date", nt, "未注明发布日期", "缺少部分：政府信息公开行政复议、行政诉讼情况", "未见大量雷同")
		if strings.Contains(strings.Join(nt, " "), "逾期") {
			t.Errorf("a report without a date is called late: %v", nt)
		}
		has(t, "dated before its year ended", gradeRows(t, "无锡市人民政府")["2021"], "发布日期早于报告期结束", "未见大量雷同")
		has(t, "genuinely its own text", gradeRows(t, chartstest.CopiedPeerSource)["2021"], "未见大量雷同")
	})
	t.Run("overview-ranking", func(t *testing.T) {
		b.Open(t, filepath.Join(site, "index.html"))
		var got struct {
			Heads []string
			Rows  [][]string
		}
		b.Eval(t, `({Heads: Array.from(document.querySelectorAll('#quality-ranking h3')).map(function(h){return h.innerText}),
			Rows: Array.from(document.querySelectorAll('#quality-ranking tbody tr')).map(function(tr){
				return Array.from(tr.cells).map(function(c){return c.innerText.trim()})})})`, &got)
		if len(got.Heads) == 0 || !strings.Contains(strings.Join(got.Heads, " "), "市级·司法局（4 份报告）") {
			t.Errorf("overview ranking groups %v, want 市级·司法局 with its 4 reports of 2022", got.Heads)
		}
		if len(got.Rows) == 0 || got.Rows[0][0] != "1" {
			t.Fatalf("overview ranking rows %v", got.Rows)
		}
		// The copy of last year ranks below the reports of their own text.
		for i, r := range got.Rows {
			if r[1] == chartstest.CopiedPrevAgency && i == 0 {
				t.Errorf("the copy of last year ranks first: %v", got.Rows)
			}
		}
		clean(t)
		b.Eval(t, `document.getElementById('quality-ranking').scrollIntoView(); true`, new(bool))
		b.Shot(t, 1366, filepath.Join(shots, "overview-quality-1366.png"))
	})
	source := func(t *testing.T, name, year string) {
		t.Helper()
		b.Open(t, agencyPage(name))
		b.Click(t, fmt.Sprintf(`#report-quality tbody tr:nth-child(%s) a[href*="source.html#r="]`, year))
		var ready bool
		b.Eval(t, `document.body.getAttribute('data-ready') === 'true'`, &ready)
		if !ready {
			t.Fatalf("source page of %s did not load", name)
		}
	}
	type repView struct {
		Repeated, Reps, Prev, Peer int
		Titles, Quality, Note      string
	}
	readRep := func(t *testing.T) repView {
		t.Helper()
		var v repView
		b.Eval(t, `({Repeated: +document.body.getAttribute('data-repeated'), Reps: document.querySelectorAll('#text span.rep').length,
			Prev: document.querySelectorAll('#text span.rep-p, #text span.rep-b').length, Peer: document.querySelectorAll('#text span.rep-o, #text span.rep-b').length,
			Titles: Array.from(document.querySelectorAll('#text span.rep')).map(function(s){return s.title}).join('|'),
			Quality: document.getElementById('quality').innerText, Note: document.getElementById('quality-note').innerText})`, &v)
		clean(t)
		return v
	}
	t.Run("source-copy-of-last-year", func(t *testing.T) {
		source(t, chartstest.CopiedPrevAgency, "3") // rows by year: 2017, 2021, 2022
		v := readRep(t)
		b.Eval(t, `document.querySelector('#text span.rep').scrollIntoView({block: 'center'}); true`, new(bool))
		b.Shot(t, 1366, filepath.Join(shots, "source-repeated-1366.png"))
		if v.Repeated < 10 || v.Prev < 10 || !strings.Contains(v.Titles, "与本机关上年报告相同的句子") {
			t.Errorf("copy of last year: %d repeated sentences marked (%d from last year): %+v", v.Repeated, v.Prev, v)
		}
		var checks struct{ Summary, List string }
		b.Eval(t, `({Summary: document.getElementById('checks-summary').innerText, List: document.getElementById('quality-checks').innerText})`, &checks)
		if !strings.Contains(checks.Summary, "表内勾稽关系：通过") || !strings.Contains(checks.List, "正文与表格一致 · 通过") {
			t.Errorf("checks of the report: %+v", checks)
		}
		if !strings.Contains(v.Quality, "逾期发布（逾期 15 天）") || !strings.Contains(v.Quality, "与本机关上年报告大量雷同") ||
			!strings.Contains(v.Note, fmt.Sprintf("有 %d 句", v.Repeated)) {
			t.Errorf("source page grades %q, note %q", v.Quality, v.Note)
		}
	})
	t.Run("source-copy-of-a-peer", func(t *testing.T) {
		source(t, chartstest.CopiedPeerAgency, "1")
		v := readRep(t)
		if v.Peer < 5 || !strings.Contains(v.Titles, "与"+chartstest.CopiedPeerSource+"的报告相同的句子") {
			t.Errorf("copy of a peer: %+v", v)
		}
	})
	t.Run("source-stale-figures", func(t *testing.T) {
		source(t, chartstest.CopiedPeerSource, "2") // 2021, 2022
		var checks struct{ Summary, List string }
		b.Eval(t, `({Summary: document.getElementById('checks-summary').innerText, List: document.getElementById('quality-checks').innerText})`, &checks)
		if !strings.Contains(checks.List, "与上年数字相同 · 未通过") || !strings.Contains(checks.List, "跨年衔接 · 未通过") {
			t.Errorf("the stale figures and the broken stock of rules are not listed: %+v", checks)
		}
		clean(t)
	})
	t.Run("source-own-text", func(t *testing.T) {
		source(t, "无锡市人民政府", "1")
		v := readRep(t)
		if v.Repeated != 0 || v.Reps != 0 || !strings.Contains(v.Note, "没有与本机关上年报告或同类机关报告相同的句子") {
			t.Errorf("a report of its own text shows repeated sentences: %+v", v)
		}
	})
}
