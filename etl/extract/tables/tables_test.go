package tables

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// metrics indexes a result by key.
func metrics(r Result) map[string]report.Metric {
	out := map[string]report.Metric{}
	for _, m := range r.Metrics {
		out[m.Key] = m
	}
	return out
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %q: %v", path, err)
	}
	return string(b)
}

func TestForm2021Pipes(t *testing.T) {
	t.Parallel()
	r := Extract(normalize.New(readFile(t, "testdata/form2021_pipes.txt")))
	if r.Form != report.FormTable2021 {
		t.Errorf("Form = %q, want table2021", r.Form)
	}
	got := metrics(r)
	want := map[string]float64{
		"art20.normative.issued": 2, "art20.normative.repealed": 1, "art20.normative.in_force": 14,
		"art20.licensing.decisions": 1513, "art20.penalty.decisions": 4, "art20.enforcement.decisions": 0,
		"art20.fees.amount": 25.1,
		"apps_new.person":   40, "apps_new.business": 2, "apps_new.legal": 1, "apps_new.total": 43,
		"granted.total": 21, "partial.person": 5, "denied_third_party.total": 1, "denied_inquiry.total": 3,
		"unavailable_not_held.business": 1, "unavailable_not_held.total": 8,
		"unprocessed_petition.total": 2, "unprocessed_repeat.total": 1,
		"other_no_correction.total": 1, "other_no_fee.total": 0, "other_misc.person": 1, "other_misc.total": 1,
		"outcome_total.total": 43, "outcome_total.other_org": 0, "apps_carried_forward.total": 1,
		"review.upheld": 2, "review.pending": 1, "review.total": 3, "lit_direct.upheld": 1, "lit_direct.total": 1,
		"lit_after_review.total": 0,
	}
	for k, v := range want {
		m, ok := got[k]
		if !ok || !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v (found %v), want %v", k, m, ok, v)
		}
	}
	for _, k := range []string{"art20.rules.issued", "art20.rules.repealed", "art20.rules.in_force"} {
		if m := got[k]; m.Kind != report.KindNotApplicable {
			t.Errorf("%s kind = %q, want not_applicable (a \"/\" cell is not 0)", k, m.Kind)
		}
	}
	if _, ok := got["other.total"]; ok {
		t.Errorf("other.total emitted, but the 2021 form prints no （六） row of its own")
	}
	// 25 rows × 7 columns + 7 Article 20 cells + 3 "/" + 15 review cells.
	if n := len(r.Metrics); n != 25*7+10+15 {
		t.Errorf("len(Metrics) = %d, want %d", n, 25*7+10+15)
	}
	m := got["apps_new.person"]
	if m.Prov.Table != "applications" || m.Prov.Col != "自然人" || !strings.Contains(m.Prov.Row, "本年新收") || m.Prov.Text != "40" {
		t.Errorf("apps_new.person provenance = %+v", m.Prov)
	}
	if m = got["lit_direct.upheld"]; m.Prov.Row != "行政诉讼-未经复议直接起诉" || m.Prov.Col != "结果维持" {
		t.Errorf("lit_direct.upheld provenance = %+v", m.Prov)
	}
}

// TestFlowBreakKeepsFigures: a report whose table breaks I1 still yields
// every figure, and the validator lists the failure.
func TestFlowBreakKeepsFigures(t *testing.T) {
	t.Parallel()
	txt := readFile(t, "testdata/form2021_pipes.txt")
	txt = strings.Replace(txt, "| 一、本年新收政府信息公开申请数量 | 40 |", "| 一、本年新收政府信息公开申请数量 | 41 |", 1)
	r := Extract(normalize.New(txt))
	got := metrics(r)
	if m := got["apps_new.person"]; m.Value != 41 || len(r.Metrics) != 25*7+10+15 {
		t.Fatalf("apps_new.person = %v with %d metrics, want 41 with all %d", m.Value, len(r.Metrics), 25*7+10+15)
	}
	var failed []string
	for _, c := range validate.Report(r.Form, r.Metrics, nil) {
		if c.Status == report.Fail {
			failed = append(failed, c.Rule+"/"+c.Scope)
		}
	}
	if strings.Join(failed, ",") != "I1.flow/person,I3.rowsum/apps_new" {
		t.Errorf("failed checks = %v, want I1.flow/person and I3.rowsum/apps_new", failed)
	}
}

func TestForm2019CellPerLine(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
		"行政许可", "12", "+19", "521",
		"其他对外管理服务事项", "0", "-2", "0",
		"第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额（元）",
		"政府集中采购", "6", "251000",
		"第二十条第（一）项", "信息内容", "本年新", "制作数量", "本年新", "公开数量", "对外公开总数量",
		"规章", "0", "0", "—",
		"",
	}, "\n\n")
	r := Extract(normalize.New(txt))
	got := metrics(r)
	if r.Form != report.FormTable2019 {
		t.Errorf("Form = %q, want table2019", r.Form)
	}
	want := map[string]float64{
		"art20.licensing.prev_items": 12, "art20.licensing.change": 19, "art20.licensing.decisions": 521,
		"art20.other_services.change": -2, "art20.procurement.items": 6, "art20.procurement.amount": 25.1,
		"art20.rules.made": 0, "art20.rules.published": 0,
	}
	for k, v := range want {
		if m := got[k]; !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
	if m := got["art20.procurement.amount"]; m.Prov.Unit != "元" || m.Prov.Text != "251000" {
		t.Errorf("procurement.amount provenance = %+v, want unit 元 and text 251000", m.Prov)
	}
	if m := got["art20.rules.made"]; m.Prov.Col != "本年新制作数量" {
		t.Errorf("rules.made column = %q, want the joined header 本年新制作数量", m.Prov.Col)
	}
	if m := got["art20.rules.public_total"]; m.Kind != report.KindEmpty {
		t.Errorf("rules.public_total kind = %q, want empty", m.Kind)
	}
}

func TestTruncatedRow(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
		"一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3",
		"二、上年结转政府信息公开申请数量", "1", "0", "1",
	}, "\n")
	got := metrics(Extract(normalize.New(txt)))
	if m := got["apps_new.total"]; m.Value != 3 || !m.IsNumber() {
		t.Errorf("apps_new.total = %+v, want 3", m)
	}
	// The last "1" may be cut ("12"); the two before it are the first columns.
	for k, v := range map[string]float64{"apps_carried_over.person": 1, "apps_carried_over.business": 0} {
		if m, ok := got[k]; !ok || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
	if _, ok := got["apps_carried_over.research"]; ok {
		t.Errorf("apps_carried_over.research read from a cell cut at the end of the text")
	}
}

func TestMissingCellsPlaceNothing(t *testing.T) {
	t.Parallel()
	// Blank cells dropped by a copy: 3 under 自然人 and 总计 only. Their
	// columns cannot be told, so the row is not placed.
	txt := strings.Join([]string{
		"申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
		"一、本年新收政府信息公开申请数量", "3", "3",
		"二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0", "完",
	}, "\n")
	got := metrics(Extract(normalize.New(txt)))
	if _, ok := got["apps_new.person"]; ok {
		t.Errorf("apps_new.person placed from a row with missing cells")
	}
	if _, ok := got["apps_carried_over.total"]; !ok {
		t.Errorf("apps_carried_over.total missing")
	}
}

// TestSpreadsheetRows reads pipe rows from a spreadsheet, where a label
// merged over several columns leaves empty cells before the values, and a
// label worded off the template.
func TestSpreadsheetRows(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"| 申请人情况 | | | | | | | | | |",
		"| | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
		"| 一、本年新收政府信息公开申请数量 | | | 3 | 0 | 0 | 0 | 1 | 0 | 4 |",
		"| 三、本年度办理结果 | （五）不予处理 | 2.重复申请的 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
		"",
	}, "\n")
	got := metrics(Extract(normalize.New(txt)))
	for k, v := range map[string]float64{"apps_new.person": 3, "apps_new.legal": 1, "apps_new.total": 4, "unprocessed_repeat.total": 1} {
		if m := got[k]; !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
}

func TestLayoutSpaces(t *testing.T) {
	t.Parallel()
	txt := "信息内容      本年制发件数   本年废止件数   现行有效件数\n" +
		"规章            0            0            3\n" +
		"行政规范性文件  1            0            ５\n"
	got := metrics(Extract(normalize.New(txt)))
	for k, v := range map[string]float64{"art20.rules.in_force": 3, "art20.normative.issued": 1, "art20.normative.in_force": 5} {
		if m := got[k]; !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
}

func TestLegacyTable(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"| 统计指标 | 单位 | 统计数 |",
		"| 一、主动公开情况 | —— | —— |",
		"| （一）主动公开政府信息数 | 条 | 339 |",
		"| 其中：主动公开规范性文件数 | 条 | 5 |",
		"| 三、依申请公开情况 | —— | —— |",
		"| （一）收到申请数 | 件 | 10 |",
		"| 1.当面申请数 | 件 | 2 |",
		"| 2.传真申请数 | 件 | 0 |",
		"| 3.网络申请数 | 件 | 7 |",
		"| 4.信函申请数 | 件 | 1 |",
		"| 四、行政复议数量 | 件 | 1 |",
		"| （一）维持具体行政行为数 | 件 | 1 |",
		"| 五、行政诉讼数量 | 件 | 2 |",
		"| （一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 1 |",
		"| （二）被依法纠错数 | 件 | / |",
		"| 七、依申请公开信息收取的费用 | 元 | 1500 |",
		"",
	}, "\n")
	r := Extract(normalize.New(txt))
	if r.Form != report.FormLegacy {
		t.Errorf("Form = %q, want legacy", r.Form)
	}
	got := metrics(r)
	want := map[string]float64{
		"proactive.total": 339, "legacy.normative_disclosed": 5, "apps_new.total": 10, "apps_channel.online": 7,
		"review.total": 1, "review.upheld": 1, "litigation.total": 2, "litigation.upheld": 1, "fees.collected": 0.15,
	}
	for k, v := range want {
		if m := got[k]; !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
	if m := got["litigation.corrected"]; m.Kind != report.KindNotApplicable {
		t.Errorf("litigation.corrected kind = %q, want not_applicable", m.Kind)
	}
	checks := map[string]report.CheckStatus{}
	for _, c := range validate.Report(r.Form, r.Metrics, nil) {
		checks[c.Rule] = c.Status
	}
	if checks["L1.channels"] != report.Pass || checks["L6.litigation"] != report.NotAssessable {
		t.Errorf("legacy checks = %v, want L1 PASS and L6.litigation NOT_ASSESSABLE", checks)
	}
}

func TestProseIsNotATable(t *testing.T) {
	t.Parallel()
	txt := "本年新收政府信息公开申请数量为3件，予以公开2件。\n规章制度建设方面，我局制定规章0件。\n"
	if r := Extract(normalize.New(txt)); len(r.Metrics) != 0 || r.Form != "" {
		t.Errorf("Extract(prose) = %+v, want nothing", r)
	}
}

// label is the part of a hand label the golden test compares against.
type label struct {
	Form    report.Form        `json:"form"`
	Metrics map[string]float64 `json:"metrics"`
}

// TestGolden runs Extract on every table-form sample report and compares the
// full result with its reviewed golden file, and every figure it shares with
// the hand label with that label.
func TestGolden(t *testing.T) {
	labels, err := filepath.Glob("../../../testdata/labels/*.json")
	if err != nil || len(labels) == 0 {
		t.Fatalf("no labels: %v", err)
	}
	for _, lp := range labels {
		var lab label
		if err := json.Unmarshal([]byte(readFile(t, lp)), &lab); err != nil {
			t.Fatalf("label %q: %v", lp, err)
		}
		if lab.Form != report.FormTable2019 && lab.Form != report.FormTable2021 && lab.Form != report.FormLegacy {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(lp), ".json")
		t.Run(name, func(t *testing.T) {
			r := Extract(normalize.New(readFile(t, filepath.Join("../../../examples/reports", name+".txt"))))
			got, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := readFile(t, golden); string(got) != want {
				t.Errorf("Extract(%s) differs from %s; rerun with -update and review the diff", name, golden)
			}
			for _, m := range r.Metrics {
				if want, ok := lab.Metrics[m.Key]; ok && (!m.IsNumber() || m.Value != want) {
					t.Errorf("%s = %v (%s), label says %v", m.Key, m.Value, m.Kind, want)
				}
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	txt, err := os.ReadFile("../../../examples/reports/001_9dab78d21afd140d.txt")
	if err != nil {
		b.Fatal(err)
	}
	nt := normalize.New(string(txt))
	b.SetBytes(int64(len(txt)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(nt)
	}
}

// TestPDFLayout reads tables as pdftotext -layout prints them: columns
// apart by runs of spaces, header cells cut into pieces over several lines,
// a row label wrapped onto the next line, and the review headers printed
// vertically one character a line.
func TestPDFLayout(t *testing.T) {
	t.Parallel()
	r := Extract(normalize.New(readFile(t, "testdata/form2021_layout.txt")))
	if r.Form != report.FormTable2021 {
		t.Errorf("Form = %q, want table2021", r.Form)
	}
	got := metrics(r)
	want := map[string]float64{
		"art20.rules.in_force": 1, "art20.normative.issued": 2, "art20.normative.in_force": 12, "art20.licensing.decisions": 35,
		"apps_new.person": 7, "apps_new.business": 1, "apps_new.total": 8, "apps_carried_over.person": 1,
		"granted.total": 5, "partial.person": 1, "partial.total": 1, "denied_state_secret.total": 0,
		"outcome_total.total": 8, "apps_carried_forward.total": 1,
		"review.upheld": 1, "review.total": 1, "lit_direct.pending": 1, "lit_direct.total": 1, "lit_after_review.total": 0,
	}
	for k, v := range want {
		if m := got[k]; !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
}

// TestTraditional reads a table printed in traditional characters with
// full-width digits and brackets, as mirror sites publish it.
func TestTraditional(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"| 信息內容 | 本年製發件數 | 本年廢止件數 | 現行有效件數 |",
		"| 規章 | ０ | ０ | ３ |",
		"| 行政規範性文件 | １ | ／ | １２ |",
		"| （本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和） | 申請人情況 |",
		"| 自然人 | 商業企業 | 科研機構 | 社會公益組織 | 法律服務機構 | 其他 | 總計 |",
		"| 一、本年新收政府信息公開申請數量 | ２ | ０ | ０ | ０ | ０ | ０ | ２ |",
		"",
	}, "\n")
	r := Extract(normalize.New(txt))
	if r.Form != report.FormTable2021 {
		t.Errorf("Form = %q, want table2021", r.Form)
	}
	got := metrics(r)
	for k, v := range map[string]float64{"art20.rules.in_force": 3, "art20.normative.issued": 1, "art20.normative.in_force": 12, "apps_new.person": 2, "apps_new.total": 2} {
		if m := got[k]; !m.IsNumber() || m.Value != v {
			t.Errorf("%s = %+v, want %v", k, m, v)
		}
	}
	if m := got["art20.normative.repealed"]; m.Kind != report.KindNotApplicable || m.Prov.Text != "／" {
		t.Errorf("normative.repealed = %+v, want not applicable quoting ／", m)
	}
}

func TestArticle20Headers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []string
		want map[string]float64
		none []string
	}{
		{"unit on the header's second line",
			[]string{"第二十条第（九）项", "信息内容", "采购项目数量", "采购总金额", "（元）", "政府集中采购", "2", "35000"},
			map[string]float64{"art20.procurement.items": 2, "art20.procurement.amount": 3.5}, nil},
		{"a header left over from another block is not used",
			[]string{"第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "1",
				"行政许可", "5", "6", "7"},
			map[string]float64{"art20.rules.in_force": 1}, []string{"art20.licensing.issued", "art20.licensing.decisions"}},
	}
	for _, tt := range tests {
		got := metrics(Extract(normalize.New(strings.Join(tt.in, "\n") + "\n")))
		for k, v := range tt.want {
			if m := got[k]; !m.IsNumber() || m.Value != v {
				t.Errorf("%s: %s = %+v, want %v", tt.name, k, m, v)
			}
		}
		for _, k := range tt.none {
			if m, ok := got[k]; ok {
				t.Errorf("%s: %s = %+v, want no cell", tt.name, k, m)
			}
		}
	}
}
