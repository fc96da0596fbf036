package exports

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/charts/chartstest"
)

// latin is a word a reader of a workbook should not see.
var latin = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestReportQualitySheet builds the workbooks of the report-quality
// fixture (its texts read, extracted and stored by the real pipeline) and
// reads the 报告质量 sheet back: one row per preferred annual report, the
// verdicts in Chinese, shares as figures, a report that cannot be judged
// blank, not 0.
func TestReportQualitySheet(t *testing.T) {
	db := chartstest.GradeDB(t)
	out := filepath.Join(t.TempDir(), "out")
	if _, err := Build(context.Background(), db, out); err != nil {
		t.Fatalf("Build: %v", err)
	}
	f := openBook(t, filepath.Join(out, ComparisonFile))
	header, rows := sheetRows(t, f, "报告质量")
	who, year := col(t, header, "机关"), col(t, header, "年份")
	byReport := map[string][]string{}
	for _, r := range rows {
		if at(r, who) == "" {
			continue
		}
		byReport[at(r, who)+" "+at(r, year)] = r
	}
	if len(byReport) != 9 {
		t.Errorf("报告质量 has %d reports, want the fixture's 9 annual reports: %v", len(byReport), rows)
	}
	pct := func(r []string, name string) float64 {
		t.Helper()
		v, err := strconv.ParseFloat(at(r, col(t, header, name)), 64)
		if err != nil {
			t.Errorf("%s = %q is not a figure", name, at(r, col(t, header, name)))
		}
		return v
	}
	cell := func(r []string, name string) string { return at(r, col(t, header, name)) }
	if r := byReport[chartstest.CopiedPrevAgency+" 2022"]; r == nil {
		t.Errorf("no row for %s 2022", chartstest.CopiedPrevAgency)
	} else {
		if cell(r, "发布时效") != "逾期发布" || cell(r, "逾期（天）") != "15" {
			t.Errorf("late report: 发布时效 %q, 逾期 %q; want 逾期发布, 15", cell(r, "发布时效"), cell(r, "逾期（天）"))
		}
		if cell(r, "雷同情况") != "与本机关上年报告大量雷同" || pct(r, "与上年报告重复的句子（%）") != 1 {
			t.Errorf("copy of last year: %q, %q", cell(r, "雷同情况"), cell(r, "与上年报告重复的句子（%）"))
		}
		if !strings.Contains(cell(r, "期限依据"), "第四十九条") {
			t.Errorf("deadline basis %q does not cite Art. 49", cell(r, "期限依据"))
		}
	}
	if r := byReport[chartstest.CopiedPeerAgency+" 2022"]; r == nil || cell(r, "雷同情况") != "与先发布的同类机关报告大量雷同" ||
		cell(r, "最相近的同类机关") != chartstest.CopiedPeerSource || pct(r, "与其重复的句子（%）") < 0.5 {
		t.Errorf("copy of a peer: %v", r)
	}
	if r := byReport[chartstest.IncompleteReportAgency+" 2022"]; r == nil || !strings.Contains(cell(r, "缺少的部分"), "政府信息公开行政复议、行政诉讼情况") ||
		cell(r, "发布时效") != "未注明发布日期" || cell(r, "逾期（天）") != "" || pct(r, "完整度（%）") >= 1 {
		t.Errorf("report without its review table or date: %v", r)
	} else if strings.Contains(cell(r, "缺少的表格行"), "review") || cell(r, "缺少的表格行") == "" {
		t.Errorf("missing rows %q: want Chinese row names", cell(r, "缺少的表格行"))
	}
	// Genuinely different reports carry no copy flag.
	for _, k := range []string{"常州市司法局 2021", "无锡市人民政府 2022", chartstest.IncompleteReportAgency + " 2022"} {
		if r := byReport[k]; r == nil || cell(r, "雷同情况") != "未见大量雷同" {
			t.Errorf("%s: 雷同情况 %q, want 未见大量雷同", k, cell(r, "雷同情况"))
		}
	}
	for _, r := range rows {
		if s := cell(r, "质量得分（%）"); s != "" {
			if v, err := strconv.ParseFloat(s, 64); err != nil || v < 0 || v > 1 {
				t.Errorf("质量得分 %q is not a share", s)
			}
		}
		for _, v := range r {
			if latin.MatchString(v) && !strings.HasSuffix(v, ".txt") {
				t.Errorf("报告质量 cell %q holds Latin letters", v)
			}
		}
	}
	// Each agency's workbook has the sheet with its own reports only.
	matches, _ := filepath.Glob(filepath.Join(out, AgencyDir, "*", FileName(chartstest.CopiedPrevAgency)+".xlsx"))
	if len(matches) != 1 {
		entries, _ := os.ReadDir(filepath.Join(out, AgencyDir))
		t.Fatalf("workbook of %s: %v (folders %v)", chartstest.CopiedPrevAgency, matches, entries)
	}
	af := openBook(t, matches[0])
	ah, arows := sheetRows(t, af, "报告质量")
	n := 0
	for _, r := range arows {
		if v := at(r, col(t, ah, "机关")); v != "" {
			n++
			if v != chartstest.CopiedPrevAgency {
				t.Errorf("agency workbook lists %q", v)
			}
		}
	}
	if n != 3 {
		t.Errorf("agency workbook has %d rows in 报告质量, want 3 (2017, 2021, 2022)", n)
	}
}
