package tables

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
)

// The same national tables in the clothes real copies give them
// (real-variants.md items 19 and 22): Word pastes with headers and labels
// split over lines, page breaks that repeat the header (and may cut a row),
// vertical headers broken into characters, numbered labels, markdown rows
// with padding, stray page numbers. Each test builds its text from the
// template's rows; the figures are this file's own.

// appRow is one row of a 2021 application table: its label and seven cells.
type appRow struct {
	label string
	key   string
	cells [7]string
	group string // the group label printed before the row, as the first cell of a spanned column
}

// appRows2021 is a small 2021 application table that keeps every identity:
// 6 new + 1 carried = 6 concluded + 1 carried forward.
var appRows2021 = []appRow{
	{"一、本年新收政府信息公开申请数量", "apps_new", [7]string{"5", "1", "0", "0", "0", "0", "6"}, ""},
	{"二、上年结转政府信息公开申请数量", "apps_carried_over", [7]string{"1", "0", "0", "0", "0", "0", "1"}, ""},
	{"（一）予以公开", "granted", [7]string{"3", "1", "0", "0", "0", "0", "4"}, ""},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial", [7]string{"1", "0", "0", "0", "0", "0", "1"}, ""},
	{"1.属于国家秘密", "denied_state_secret", [7]string{"0", "0", "0", "0", "0", "0", "0"}, ""},
	{"4.保护第三方合法权益", "denied_third_party", [7]string{"0", "0", "0", "0", "0", "0", "0"}, ""},
	{"1.本机关不掌握相关政府信息", "unavailable_not_held", [7]string{"1", "0", "0", "0", "0", "0", "1"}, ""},
	{"2.重复申请", "unprocessed_repeat", [7]string{"0", "0", "0", "0", "0", "0", "0"}, ""},
	{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction", [7]string{"0", "0", "0", "0", "0", "0", "0"}, "（六）其他处理"},
	{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_no_fee", [7]string{"0", "0", "0", "0", "0", "0", "0"}, ""},
	{"3.其他", "other_misc", [7]string{"0", "0", "0", "0", "0", "0", "0"}, ""},
	{"（七）总计", "outcome_total", [7]string{"5", "1", "0", "0", "0", "0", "6"}, ""},
	{"四、结转下年度继续办理", "apps_carried_forward", [7]string{"1", "0", "0", "0", "0", "0", "1"}, ""},
}

var applicantHeaderCells = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// wantApps is every figure of appRows2021 by key, except the rows skipped.
func wantApps(skip ...string) map[string]float64 {
	out := map[string]float64{}
	for _, r := range appRows2021 {
		if contains(skip, r.key) {
			continue
		}
		for k, col := range report.Columns {
			var v float64
			fmt.Sscan(r.cells[k], &v)
			out[r.key+"."+col] = v
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// appsText prints the table one cell per line. page, when ≥ 0, inserts a page
// break before row page: furniture lines, then the header again; cut, when
// > 0, moves the break inside that row, after cut of its cells.
func appsText(label func(int, string) string, page, cut int, furniture ...string) string {
	var b strings.Builder
	header := func() {
		b.WriteString("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n")
		for _, h := range applicantHeaderCells[1:6] {
			b.WriteString(h + "\n")
		}
	}
	brk := func() {
		for _, f := range furniture {
			b.WriteString(f + "\n")
		}
		header()
	}
	header()
	for i, r := range appRows2021 {
		if i == page && cut == 0 {
			brk()
		}
		if r.group != "" {
			b.WriteString(r.group + "\n")
		}
		b.WriteString(label(i, r.label) + "\n")
		for k, c := range r.cells {
			if i == page && cut > 0 && k == cut {
				brk()
			}
			b.WriteString(c + "\n")
		}
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n")
	return b.String()
}

func plainLabel(_ int, s string) string { return s }

func checkFigures(t *testing.T, name string, r Result, want map[string]float64, none []string) {
	t.Helper()
	got := metrics(r)
	for k, v := range want {
		if m, ok := got[k]; !ok || !m.IsNumber() || m.Value != v {
			t.Errorf("%s: %s = %+v (found %v), want %v", name, k, m, ok, v)
		}
	}
	for _, k := range none {
		if m, ok := got[k]; ok {
			t.Errorf("%s: %s = %+v, want no cell", name, k, m)
		}
	}
}

func TestApplicationClothes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want map[string]float64
		none []string
	}{
		{"one cell per line", appsText(plainLabel, -1, 0), wantApps(), nil},
		{"labels numbered (1) and （2）",
			appsText(func(i int, s string) string {
				s = strings.NewReplacer("（一）", "(1)", "（二）", "（2）", "（七）", "(7)").Replace(s)
				return strings.Replace(s, "1.", "(1)", 1)
			}, -1, 0), wantApps(), nil},
		{"labels in traditional characters",
			appsText(func(i int, s string) string {
				return strings.NewReplacer("新收", "新收", "政府信息公开申请数量", "政府信息公開申請數量", "结转", "結轉",
					"予以公开", "予以公開", "部分公开", "部分公開", "区分处理", "區分處理", "计", "計", "属于国家秘密", "屬於國家秘密",
					"保护第三方合法权益", "保護第三方合法權益", "本机关不掌握相关政府信息", "本機關不掌握相關政府信息",
					"重复申请", "重複申請", "总计", "總計", "结转下年度继续办理", "結轉下年度繼續辦理").Replace(s)
			}, -1, 0), wantApps(), nil},
		{"a label pasted from Word over two lines",
			appsText(func(i int, s string) string {
				if i == 0 {
					return "一、本年新收政府信息\n公开申请数量"
				}
				if i == 1 {
					return "二、上年结转政府信息公\n开申请数量"
				}
				return s
			}, -1, 0), wantApps(), nil},
		{"a page break between rows repeats the header",
			appsText(plainLabel, 5, 0, "- 3 -", "2021年度政府信息公开工作年度报告"), wantApps(), nil},
		{"a page break inside a row repeats the header",
			appsText(plainLabel, 6, 3, "第 3 页 共 5 页"), wantApps(), nil},
		{"a page break inside a row, the title repeated and no header",
			withoutRepeatedHeader(appsText(plainLabel, 6, 3, "— 2 —", "某某市某某局2023年政府信息公开工作年度报告")), wantApps(), nil},
		{"a bare page number between rows",
			appsText(func(i int, s string) string {
				if i == 4 {
					return "7\n" + s
				}
				return s
			}, -1, 0), wantApps(), nil},
	}
	for _, tt := range tests {
		r := Extract(normalize.New(tt.text))
		checkFigures(t, tt.name, r, tt.want, tt.none)
	}
}

// withoutRepeatedHeader drops the second copy of the applicant header
// appsText prints after a page break: a PDF that repeats only the page number
// and the report's title.
func withoutRepeatedHeader(text string) string {
	h := "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n" +
		strings.Join(applicantHeaderCells[1:6], "\n") + "\n"
	first := strings.Index(text, h)
	if first < 0 {
		return text
	}
	if second := strings.Index(text[first+len(h):], h); second >= 0 {
		at := first + len(h) + second
		return text[:at] + text[at+len(h):]
	}
	return text
}

// pipeApps prints the table as pipe rows, with pad spaces around cells and
// a markdown rule under the header when md is set; page ≥ 0 breaks the page
// before that row, repeating the header.
func pipeApps(pad string, md bool, page int) string {
	var b strings.Builder
	cell := func(s string) string { return pad + s + pad }
	header := func() {
		b.WriteString("|" + cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）") + "|" + cell("申请人情况") + "|\n")
		b.WriteString("|" + cell("") + "|" + cell(""))
		for _, h := range applicantHeaderCells {
			b.WriteString("|" + cell(h))
		}
		b.WriteString("|\n")
		if md {
			b.WriteString("|" + strings.Repeat(":---:|", 9) + "\n")
		}
	}
	header()
	for i, r := range appRows2021 {
		if i == page {
			b.WriteString("\n- 4 -\n\n")
			header()
		}
		b.WriteString("|" + cell(r.group) + "|" + cell(r.label))
		for _, c := range r.cells {
			b.WriteString("|" + cell(c))
		}
		b.WriteString("|\n")
	}
	return b.String()
}

// layoutApps prints the table as pdftotext -layout does, the applicant
// header vertical: one character a line across its columns.
func layoutApps() string {
	var b strings.Builder
	b.WriteString("                                                      申请人情况\n")
	b.WriteString("  (本列数据的勾稽关系为:第一项加第        自   法人或其他组织              总\n")
	b.WriteString("  二项之和,等于第三项加第四项之和)        然   商   科   社   法   其       计\n")
	b.WriteString("                                          人   业   研   会   律   他\n")
	b.WriteString("                                               企   机   公   服\n")
	b.WriteString("                                               业   构   益   务\n")
	b.WriteString("                                                         组   机\n")
	b.WriteString("                                                         织   构\n")
	for _, r := range appRows2021 {
		lead := "  "
		if r.group != "" {
			lead += r.group + "   "
		}
		b.WriteString(lead + r.label + "      " + strings.Join(r.cells[:], "    ") + "\n")
	}
	return b.String()
}

func TestApplicationLayouts(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, text string }{
		{"pipe rows", pipeApps("", false, -1)},
		{"markdown rows with padding", pipeApps("   ", true, -1)},
		{"pipe rows, a page break repeats the header", pipeApps(" ", false, 6)},
		{"pdftotext layout, a vertical applicant header", layoutApps()},
	} {
		r := Extract(normalize.New(tt.text))
		checkFigures(t, tt.name, r, wantApps(), nil)
		if n := len(r.Metrics); n != 7*len(appRows2021) {
			t.Errorf("%s: %d cells, want %d", tt.name, n, 7*len(appRows2021))
		}
	}
}

// TestArticle20Clothes: the Article 20 table with its header split over
// lines (a Word paste), spanned cells repeated (HTML), and rows in
// traditional characters.
func TestArticle20Clothes(t *testing.T) {
	t.Parallel()
	want := map[string]float64{"art20.rules.issued": 0, "art20.rules.repealed": 0, "art20.rules.in_force": 2,
		"art20.normative.issued": 3, "art20.normative.repealed": 1, "art20.normative.in_force": 15,
		"art20.licensing.decisions": 1208, "art20.penalty.decisions": 36}
	for _, tt := range []struct {
		name string
		in   []string
	}{
		{"header cells split over lines", []string{"第二十条第（一）项", "信息内容", "本年制发", "件数", "本年废止", "件数", "现行有效", "件数",
			"规章", "0", "0", "2", "行政规范性文件", "3", "1", "15",
			"第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "1208",
			"第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "36", "行政强制", "0"}},
		{"spanned cells repeated in pipe rows", []string{
			"| 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 |",
			"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
			"| 规章 | 0 | 0 | 2 |", "| 行政规范性文件 | 3 | 1 | 15 |",
			"| 第二十条第（五）项 | 第二十条第（五）项 | 第二十条第（五）项 | 第二十条第（五）项 |",
			"| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |",
			"| 行政许可 | 1208 | 1208 | 1208 |",
			"| 第二十条第（六）项 | 第二十条第（六）项 | 第二十条第（六）项 | 第二十条第（六）项 |",
			"| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |",
			"| 行政处罚 | 36 | 36 | 36 |", "| 行政强制 | 0 | 0 | 0 |"}},
		{"traditional characters, spaced digits in a PDF layer", []string{
			"  信息內容          本年製發件數      本年廢止件數      現行有效件數",
			"  規章                  0                 0                 2",
			"  行政規範性文件        3                 1                 15",
			"  信息內容                        本年處理決定數量",
			"  行政許可                            1 208",
			"  行政處罰                             36"}},
	} {
		r := Extract(normalize.New(strings.Join(tt.in, "\n") + "\n"))
		checkFigures(t, tt.name, r, want, nil)
	}
}

// TestSpannedHeaderDiffers: a header cell spans two printed columns whose
// values differ, so the row's cells do not span as the header does; which
// figure is the column's cannot be told. Nothing is stored, the ambiguity
// is recorded.
func TestSpannedHeaderDiffers(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"| 信息内容 | 本年新制作数量 | 本年新公开数量 | 本年新公开数量 | 对外公开总数量 |",
		"| 规章 | 2 | 2 | 2 | 30 |",
		"| 规范性文件 | 5 | 4 | 5 | 61 |",
		"| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
		"| 行政许可 | 12 | +1 | 300 |", "",
	}, "\n")
	r := Extract(normalize.New(txt))
	checkFigures(t, "spanned header", r, map[string]float64{"art20.rules.made": 2, "art20.rules.published": 2,
		"art20.rules.public_total": 30, "art20.normative.made": 5, "art20.licensing.decisions": 300},
		[]string{"art20.normative.published", "art20.normative.public_total"})
	if len(r.Ambiguous) != 1 || r.Ambiguous[0].Reason != report.AmbiguousReadings || r.Ambiguous[0].Prov.Row != "规范性文件" {
		t.Errorf("Ambiguous = %+v, want one reading ambiguity on 规范性文件", r.Ambiguous)
	}
}

// TestStrayPageNumber: a bare page number inside a row printed one cell per
// line. The row sums (I3) tell which figure is the stray one when exactly
// one fits; when none or several do, the row is left out and recorded.
func TestStrayPageNumber(t *testing.T) {
	t.Parallel()
	insert := func(row, at int, stray string) string {
		return appsText(plainLabel, -1, 0)[0:0] + strings.Replace(appsText(plainLabel, -1, 0),
			appRows2021[row].label+"\n"+strings.Join(appRows2021[row].cells[:at], "\n")+"\n",
			appRows2021[row].label+"\n"+strings.Join(appRows2021[row].cells[:at], "\n")+"\n"+stray+"\n", 1)
	}
	// 予以公开 3 1 0 0 0 0 4: a 12 after its second cell.
	r := Extract(normalize.New(insert(2, 2, "12")))
	checkFigures(t, "stray 12 inside 予以公开", r, wantApps(), nil)
	if m := metrics(r)["granted.total"]; !strings.Contains(m.Prov.Note, "12") {
		t.Errorf("granted.total note = %q, want the dropped figure named", m.Prov.Note)
	}
	// 本机关不掌握 1 0 0 0 0 0 1 with a 1 after its first cell: dropping
	// either 1 gives the same figures, so the row stands.
	r = Extract(normalize.New(insert(6, 1, "1")))
	checkFigures(t, "stray 1 inside a row of ones", r, wantApps(), nil)
	// 予以公开 3 1 0 0 0 0 4 with a 0 after its first cell: dropping it, or a
	// later 0, both add up, with different figures: nothing is stored.
	r = Extract(normalize.New(insert(2, 1, "0")))
	checkFigures(t, "stray 0 that two readings fit", r, wantApps("granted"), []string{"granted.person", "granted.business", "granted.total"})
	found := false
	for _, a := range r.Ambiguous {
		found = found || a.Prov.Table == "applications" && strings.Contains(a.Prov.Row, "予以公开")
	}
	if !found {
		t.Errorf("no ambiguity recorded for the row with a stray figure: %+v", r.Ambiguous)
	}
}
