package glued

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// The application table's rows as the 2021 template prints them, keyed.
var appLabels2021 = [][2]string{
	{"apps_new", "一、本年新收政府信息公开申请数量"},
	{"apps_carried_over", "二、上年结转政府信息公开申请数量"},
	{"granted", "三、本年度办理结果（一）予以公开"},
	{"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{"denied_state_secret", "（三）不予公开1.属于国家秘密"},
	{"denied_law", "2.其他法律行政法规禁止公开"},
	{"denied_safety", "3.危及“三安全一稳定”"},
	{"denied_third_party", "4.保护第三方合法权益"},
	{"denied_internal", "5.属于三类内部事务信息"},
	{"denied_process", "6.属于四类过程性信息"},
	{"denied_enforcement", "7.属于行政执法案卷"},
	{"denied_inquiry", "8.属于行政查询事项"},
	{"unavailable_not_held", "（四）无法提供1.本机关不掌握相关政府信息"},
	{"unavailable_need_create", "2.没有现成信息需要另行制作"},
	{"unavailable_unclear", "3.补正后申请内容仍不明确"},
	{"unprocessed_petition", "（五）不予处理1.信访举报投诉类申请"},
	{"unprocessed_repeat", "2.重复申请"},
	{"unprocessed_publication", "3.要求提供公开出版物"},
	{"unprocessed_mass", "4.无正当理由大量反复申请"},
	{"unprocessed_confirm", "5.要求行政机关确认或重新出具已获取信息"},
	{"other_no_correction", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{"other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{"other_misc", "3.其他"},
	{"outcome_total", "（七）总计"},
	{"apps_carried_forward", "四、结转下年度继续办理"},
}

// appLabels2019 are the 2019 form's: （六）其他处理 is one row.
var appLabels2019 = func() [][2]string {
	var out [][2]string
	for _, l := range appLabels2021 {
		switch l[0] {
		case "other_no_correction":
			out = append(out, [2]string{"other", "（六）其他处理"})
		case "other_no_fee", "other_misc":
		default:
			out = append(out, l)
		}
	}
	return out
}()

const appHeader = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"

// figures are an application table's rows: six applicant columns each (the
// total column is their sum unless a row gives seven).
type figures map[string][]int

func (f figures) row(key string) []int {
	v := f[key]
	if v == nil {
		v = make([]int, 6)
	}
	if len(v) == 6 {
		s := 0
		for _, x := range v {
			s += x
		}
		v = append(slices.Clone(v), s)
	}
	return v
}

// consistent fills outcome_total and apps_carried_forward so I1 and I2 hold.
func (f figures) consistent(labels [][2]string) figures {
	tot := make([]int, 6)
	for _, l := range labels {
		switch l[0] {
		case "apps_new", "apps_carried_over", "outcome_total", "apps_carried_forward":
			continue
		}
		for i := 0; i < 6; i++ {
			tot[i] += f.row(l[0])[i]
		}
	}
	f["outcome_total"] = tot
	fwd := make([]int, 6)
	for i := range fwd {
		fwd[i] = f.row("apps_new")[i] + f.row("apps_carried_over")[i] - tot[i]
	}
	f["apps_carried_forward"] = fwd
	return f
}

// style says how a glued table is printed.
type style struct {
	oneLine   bool // the whole table on one line, as a page without row breaks
	noNumbers bool // labels lost their numbering ("属于国家秘密" for "1.属于国家秘密")
	spaces    bool // a space inside each label
	trad      bool // labels in traditional characters, as a zh-TW mirror prints them
}

// traditional writes some characters of the labels the traditional way.
var traditional = strings.NewReplacer("开", "開", "属", "屬", "国", "國", "请", "請", "数", "數", "结", "結", "转", "轉",
	"处", "處", "计", "計", "机", "機", "关", "關", "访", "訪", "举", "舉", "报", "報", "诉", "訴", "权", "權", "执", "執", "询", "詢")

func (st style) label(l string) string {
	if st.noNumbers {
		for _, p := range []string{"一、", "二、", "三、", "四、", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"} {
			l = strings.ReplaceAll(l, p, "")
		}
		for d := 1; d <= 8; d++ {
			l = strings.ReplaceAll(l, strconv.Itoa(d)+".", "")
		}
	}
	if st.trad {
		l = traditional.Replace(l)
	}
	if st.spaces {
		rs := []rune(l)
		l = string(rs[:len(rs)/2]) + " " + string(rs[len(rs)/2:])
	}
	return l
}

// appsText prints an application table glued: each row's label then its
// seven cells with nothing between them.
func appsText(f figures, labels [][2]string, st style) string {
	var b strings.Builder
	b.WriteString("三、收到和处理政府信息公开申请情况\n" + appHeader + "\n")
	sep := "\n"
	if st.oneLine {
		sep = ""
	}
	for _, l := range labels {
		b.WriteString(st.label(l[1]))
		for _, v := range f.row(l[0]) {
			b.WriteString(strconv.Itoa(v))
		}
		b.WriteString(sep)
	}
	b.WriteString("\n四、政府信息公开行政复议、行政诉讼情况\n")
	return b.String()
}

func read(t *testing.T, text string) (Result, *normalize.Text) {
	t.Helper()
	nt := normalize.New(text)
	return Read(nt, table.TextTokens(nt), "", nil), nt
}

func byKey(ms []report.Metric) map[string]report.Metric {
	out := map[string]report.Metric{}
	for _, m := range ms {
		out[m.Key] = m
	}
	return out
}

// checkProvenance fails when a figure's provenance does not quote the
// original text at its offsets or does not say it came from a glued run.
func checkProvenance(t *testing.T, nt *normalize.Text, ms []report.Metric) {
	t.Helper()
	for _, m := range ms {
		p := m.Prov
		if p.Start < 0 || p.End > len(nt.Orig) || p.Start > p.End || nt.Orig[p.Start:p.End] != p.Text {
			t.Errorf("%s: provenance %q at [%d,%d) does not quote the original", m.Key, p.Text, p.Start, p.End)
		}
		if p.Rule != ProvRule || p.Note == "" || p.Source != "table" {
			t.Errorf("%s: provenance %+v does not say it was recovered from a glued run", m.Key, p)
		}
	}
}

// sample2021 is a small agency's year: a few applications, most rows zero.
func sample2021() figures {
	return figures{
		"apps_new":             {64, 0, 0, 2, 0, 4},
		"apps_carried_over":    {1, 0, 0, 0, 0, 0},
		"granted":              {30, 0, 0, 1, 0, 2},
		"partial":              {5, 0, 0, 0, 0, 0},
		"unavailable_not_held": {20, 0, 0, 1, 0, 1},
		"unprocessed_repeat":   {3, 0, 0, 0, 0, 1},
		"other_no_correction":  {2, 0, 0, 0, 0, 0},
	}.consistent(appLabels2021)
}

func TestApplications(t *testing.T) {
	cases := []struct {
		name   string
		labels [][2]string
		f      figures
		st     style
		form   report.Form
	}{
		{"2021 row per line", appLabels2021, sample2021(), style{}, report.FormTable2021},
		{"2021 one line", appLabels2021, sample2021(), style{oneLine: true}, report.FormTable2021},
		{"2021 numbering lost", appLabels2021, sample2021(), style{noNumbers: true}, report.FormTable2021},
		{"2021 spaces in labels, one line", appLabels2021, sample2021(), style{oneLine: true, spaces: true}, report.FormTable2021},
		{"2021 traditional characters", appLabels2021, sample2021(), style{trad: true, noNumbers: true}, report.FormTable2021},
		{"2019 row per line", appLabels2019, figures{
			"apps_new": {12, 3, 0, 0, 1, 0}, "granted": {5, 1, 0, 0, 0, 0}, "other": {4, 2, 0, 0, 1, 0},
			"unavailable_not_held": {2, 0, 0, 0, 0, 0},
		}.consistent(appLabels2019), style{}, report.FormTable2019},
		{"2019 one line, numbering lost", appLabels2019, figures{
			"apps_new": {112, 13, 0, 0, 1, 10}, "granted": {50, 11, 0, 0, 0, 10}, "other": {40, 2, 0, 0, 1, 0},
			"unavailable_not_held": {20, 0, 0, 0, 0, 0},
		}.consistent(appLabels2019), style{oneLine: true, noNumbers: true}, report.FormTable2019},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, nt := read(t, "某县卫生健康局2022年政府信息公开工作年度报告\n"+appsText(c.f, c.labels, c.st))
			if res.Form != c.form {
				t.Errorf("form %q, want %q", res.Form, c.form)
			}
			if len(res.Ambiguous) > 0 {
				t.Errorf("ambiguities %+v, want none", res.Ambiguous)
			}
			got := byKey(res.Metrics)
			for _, l := range c.labels {
				for i, col := range report.Columns {
					key := l[0] + "." + col
					want := float64(c.f.row(l[0])[i])
					if m, ok := got[key]; !ok || m.Value != want || !m.IsNumber() {
						t.Errorf("%s = %+v, want %v", key, m, want)
					}
				}
			}
			if n := len(c.labels) * 7; len(res.Metrics) != n {
				t.Errorf("%d figures, want %d", len(res.Metrics), n)
			}
			checkProvenance(t, nt, res.Metrics)
		})
	}
}

// TestColumnIdentitiesSettle: rows whose own sums allow two readings are
// settled by the columns. 新收 "110000011" reads 1|10|0|0|0|0|11 or
// 11|0|0|0|0|0|11; （七）总计 is printed the same; 予以公开 and 部分公开 read one
// way each, so I2 fixes 总计 and I1 then fixes 新收.
func TestColumnIdentitiesSettle(t *testing.T) {
	f := figures{
		"apps_new": {1, 10, 0, 0, 0, 0},
		"granted":  {1, 0, 0, 0, 0, 0},
		"partial":  {0, 10, 0, 0, 0, 0},
	}.consistent(appLabels2021)
	res, _ := read(t, appsText(f, appLabels2021, style{}))
	if len(res.Ambiguous) > 0 {
		t.Fatalf("ambiguities %+v, want none", res.Ambiguous)
	}
	got := byKey(res.Metrics)
	for key, want := range map[string]float64{"apps_new.person": 1, "apps_new.business": 10, "outcome_total.person": 1, "outcome_total.business": 10} {
		if got[key].Value != want {
			t.Errorf("%s = %v, want %v", key, got[key].Value, want)
		}
	}
	if n := got["outcome_total.person"].Prov.Note; !strings.Contains(n, "I2.outcomes") {
		t.Errorf("outcome_total note %q does not name I2", n)
	}
	if n := got["apps_new.person"].Prov.Note; !strings.Contains(n, "I1.flow") {
		t.Errorf("apps_new note %q does not name I1", n)
	}
	if n := got["granted.person"].Prov.Note; strings.Contains(n, "I2") {
		t.Errorf("granted note %q names I2, but the row sum alone fixed it", n)
	}
}

// TestAmbiguousCellsReported: 予以公开 and 部分公开 both print "110000011",
// which reads 1|10|0|0|0|0|11 or 11|0|0|0|0|0|11, and the columns hold
// either way round: their first two cells are ambiguous, never guessed; the
// cells every reading agrees on are stored.
func TestAmbiguousCellsReported(t *testing.T) {
	f := figures{
		"apps_new": {12, 10, 0, 0, 0, 0},
		"granted":  {1, 10, 0, 0, 0, 0},
		"partial":  {11, 0, 0, 0, 0, 0},
	}.consistent(appLabels2021)
	res, _ := read(t, appsText(f, appLabels2021, style{}))
	got := byKey(res.Metrics)
	var amb []string
	for _, a := range res.Ambiguous {
		amb = append(amb, a.Key)
		if a.Reason != report.AmbiguousSplit || !strings.Contains(a.Detail, " | ") {
			t.Errorf("ambiguity %+v: want reason split listing the readings", a)
		}
		if _, stored := got[a.Key]; stored {
			t.Errorf("%s is both stored and ambiguous", a.Key)
		}
	}
	slices.Sort(amb)
	want := []string{"granted.business", "granted.person", "partial.business", "partial.person"}
	if !slices.Equal(amb, want) {
		t.Errorf("ambiguous %v, want %v", amb, want)
	}
	for key, v := range map[string]float64{"granted.total": 11, "partial.total": 11, "granted.ngo": 0, "outcome_total.person": 12, "apps_new.business": 10} {
		if m, ok := got[key]; !ok || m.Value != v {
			t.Errorf("%s = %+v, want %v", key, m, v)
		}
	}
}

// TestBrokenIdentities: a row whose printed total is not its sum gives
// nothing and says so; a table whose columns break I2 is still read row by
// row where the row sums settle it, so the validator can report the break.
func TestBrokenIdentities(t *testing.T) {
	t.Run("row sum", func(t *testing.T) {
		f := sample2021()
		f["granted"] = []int{30, 0, 0, 1, 0, 2, 34} // 33 printed as 34
		res, _ := read(t, appsText(f, appLabels2021, style{}))
		got := byKey(res.Metrics)
		if _, ok := got["granted.person"]; ok {
			t.Errorf("a row that breaks its sum gave figures")
		}
		if len(res.Ambiguous) != 1 || res.Ambiguous[0].Key != "granted.*" || res.Ambiguous[0].Reason != report.AmbiguousNoSplit {
			t.Errorf("ambiguities %+v, want one no_split for granted.*", res.Ambiguous)
		}
		if got["partial.person"].Value != 5 || got["outcome_total.total"].Value != 66 {
			t.Errorf("the other rows were not read: %+v", got["partial.person"])
		}
	})
	t.Run("column sum", func(t *testing.T) {
		f := sample2021()
		f["granted"] = []int{31, 0, 0, 1, 0, 2} // I2 breaks in the person and total columns
		res, _ := read(t, appsText(f, appLabels2021, style{}))
		got := byKey(res.Metrics)
		if len(res.Ambiguous) > 0 {
			t.Errorf("ambiguities %+v, want none: every row is settled by its sum", res.Ambiguous)
		}
		if got["granted.person"].Value != 31 || got["outcome_total.person"].Value != 60 {
			t.Errorf("granted.person %v, outcome_total.person %v; want 31, 60", got["granted.person"].Value, got["outcome_total.person"].Value)
		}
	})
	t.Run("column sum with an ambiguous row", func(t *testing.T) {
		// 新收 reads two ways and I1 is broken: I1 cannot choose, I2 does not
		// name the row, so its first two cells stay ambiguous.
		f := figures{
			"apps_new": {1, 10, 0, 0, 0, 0},
			"granted":  {1, 0, 0, 0, 0, 0},
			"partial":  {0, 10, 0, 0, 0, 0},
		}.consistent(appLabels2021)
		f["apps_carried_forward"] = []int{0, 0, 0, 0, 0, 1}
		res, _ := read(t, appsText(f, appLabels2021, style{}))
		got := byKey(res.Metrics)
		if got["outcome_total.business"].Value != 10 {
			t.Errorf("outcome_total.business = %v, want 10 (I2 still holds)", got["outcome_total.business"].Value)
		}
		var amb []string
		for _, a := range res.Ambiguous {
			amb = append(amb, a.Key)
		}
		slices.Sort(amb)
		if !slices.Equal(amb, []string{"apps_new.business", "apps_new.person"}) {
			t.Errorf("ambiguous %v, want apps_new.business, apps_new.person", amb)
		}
	})
}

func TestArticle20(t *testing.T) {
	text2021 := "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n" +
		"规章000\n行政规范性文件1005\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可70\n" +
		"第二十条第（六）项\n信息内容本年处理决定数量\n行政处罚18\n行政强制/\n" +
		"第二十条第（八）项\n信息内容本年收费金额（单位：万元）\n行政事业性收费12.5\n"
	text2019 := "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章///规范性文件31245" +
		"第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可12+30其他对外管理服务事项5-23" +
		"第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚000行政强制100" +
		"第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费3-1" +
		"第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购3148(万)\n"
	cases := []struct {
		name string
		text string
		want map[string]float64
		kind map[string]report.ValueKind
		amb  []string
		form report.Form
	}{
		{"2021 rows", text2021, map[string]float64{
			"art20.rules.issued": 0, "art20.rules.repealed": 0, "art20.rules.in_force": 0,
			// "1005": 1|0|05 and 1|00|5 have leading zeros, so 10|0|5.
			"art20.normative.issued": 10, "art20.normative.repealed": 0, "art20.normative.in_force": 5,
			"art20.licensing.decisions": 70, "art20.penalty.decisions": 18, "art20.fees.amount": 12.5,
		}, map[string]report.ValueKind{"art20.enforcement.decisions": report.KindNotApplicable}, nil, report.FormTable2021},
		{"2019 one line", text2019, map[string]float64{
			// "12+30": the sign starts 本年增/减, so 12|+3|0.
			"art20.licensing.prev_items": 12, "art20.licensing.change": 3, "art20.licensing.decisions": 0,
			// "5-23": 5|-2|3, or 5, a blank "-", 23: only 上一年项目数量 is settled.
			"art20.other_services.prev_items": 5,
			"art20.penalty.prev_items":        0, "art20.penalty.change": 0, "art20.penalty.decisions": 0,
			"art20.enforcement.prev_items": 1, "art20.enforcement.change": 0, "art20.enforcement.decisions": 0,
			"art20.fees.prev_items": 3, "art20.fees.change": -1,
		}, map[string]report.ValueKind{"art20.rules.made": report.KindNotApplicable, "art20.rules.published": report.KindNotApplicable,
			"art20.rules.public_total": report.KindNotApplicable},
			// "31245" splits six ways into three counts and "3148(万)" three
			// ways into a count and an amount: no identity settles them.
			[]string{"art20.normative.made", "art20.normative.public_total", "art20.normative.published",
				"art20.other_services.change", "art20.other_services.decisions",
				"art20.procurement.amount", "art20.procurement.items"}, report.FormTable2019},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, nt := read(t, c.text)
			if res.Form != c.form {
				t.Errorf("form %q, want %q", res.Form, c.form)
			}
			got := byKey(res.Metrics)
			for k, v := range c.want {
				if m, ok := got[k]; !ok || !m.IsNumber() || m.Value != v {
					t.Errorf("%s = %+v, want %v", k, m, v)
				}
			}
			for k, kind := range c.kind {
				if got[k].Kind != kind {
					t.Errorf("%s kind %q, want %q", k, got[k].Kind, kind)
				}
			}
			if n := len(c.want) + len(c.kind); len(got) != n {
				t.Errorf("%d figures, want %d: %v", len(got), n, keys(got))
			}
			var amb []string
			for _, a := range res.Ambiguous {
				amb = append(amb, a.Key)
			}
			slices.Sort(amb)
			if !slices.Equal(amb, c.amb) {
				t.Errorf("ambiguous %v, want %v", amb, c.amb)
			}
			checkProvenance(t, nt, res.Metrics)
		})
	}
}

func keys(m map[string]report.Metric) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestReview(t *testing.T) {
	header := "行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计\n"
	cases := []struct {
		name string
		text string
		want map[string]float64
		amb  []string
	}{
		{"fifteen zeros", header + "000000000000000\n", map[string]float64{"review.total": 0, "lit_after_review.pending": 0}, nil},
		{"small counts", header + "210031000110001\n", map[string]float64{
			"review.upheld": 2, "review.corrected": 1, "review.total": 3, "lit_direct.upheld": 1, "lit_direct.total": 1,
			"lit_after_review.upheld": 1, "lit_after_review.total": 1}, nil},
		{"blanks and two digits", header + "12//214/////-----\n", map[string]float64{
			"review.upheld": 12, "review.pending": 2, "review.total": 14}, nil},
		{"the total printed first", strings.ReplaceAll(header, "结果维持结果纠正其他结果尚未审结总计", "总计结果维持结果纠正其他结果尚未审结") + "321000000000000\n",
			map[string]float64{"review.total": 3, "review.upheld": 2, "review.corrected": 1, "lit_direct.total": 0}, nil},
		// "1110012" reads 11|1|0|0|12, 1|11|0|0|12 and 1|1|10|0|12: all
		// fit, so the first three results are ambiguous.
		{"two readings", header + "11100120000000000\n", map[string]float64{"review.total": 12, "review.pending": 0, "lit_direct.total": 0},
			[]string{"review.corrected", "review.other", "review.upheld"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, nt := read(t, "四、政府信息公开行政复议、行政诉讼情况\n"+c.text)
			got := byKey(res.Metrics)
			for k, v := range c.want {
				if m, ok := got[k]; !ok || m.Value != v || !m.IsNumber() {
					t.Errorf("%s = %+v, want %v", k, m, v)
				}
			}
			var amb []string
			for _, a := range res.Ambiguous {
				amb = append(amb, a.Key)
			}
			slices.Sort(amb)
			if !slices.Equal(amb, c.amb) {
				t.Errorf("ambiguous %v, want %v (%+v)", amb, c.amb, res.Ambiguous)
			}
			if len(got)+len(amb) != 15 {
				t.Errorf("%d figures and %d ambiguities, want 15 cells", len(got), len(amb))
			}
			checkProvenance(t, nt, res.Metrics)
		})
	}
}

func TestLegacy(t *testing.T) {
	// The 统计表 with its 单位 column, each row glued: label, unit, figure.
	rows := "统计指标单位统计数\n一、主动公开情况\n（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）条1234\n" +
		"其中：主动公开规范性文件数条5\n制发规范性文件总数件6\n" +
		"三、依申请公开情况\n（一）收到申请数件12\n1.当面申请数件3\n2.传真申请数件0\n3.网络申请数件8\n4.信函申请数件1\n" +
		"四、行政复议数量件2\n（一）维持具体行政行为数件1\n（二）被依法纠错数件1\n（三）其他情形数件0\n" +
		"五、行政诉讼数量件1\n（一）维持具体行政行为或者驳回原告诉讼请求数件0\n（二）被依法纠错数件0\n（三）其他情形数件1\n" +
		"七、依申请公开信息收取的费用万元0.05\n"
	want := map[string]float64{
		"proactive.total": 1234, "legacy.normative_disclosed": 5, "legacy.normative_issued": 6,
		"apps_new.total": 12, "apps_channel.in_person": 3, "apps_channel.fax": 0, "apps_channel.online": 8, "apps_channel.mail": 1,
		"review.total": 2, "review.upheld": 1, "review.corrected": 1, "review.other": 0,
		"litigation.total": 1, "litigation.upheld": 0, "litigation.corrected": 0, "litigation.other": 1,
		"fees.collected": 0.05,
	}
	for _, oneLine := range []bool{false, true} {
		text := rows
		if oneLine {
			// The numbering then glues onto the figure before it: "件121.当面".
			text = strings.ReplaceAll(rows, "\n", "") + "\n"
		}
		res, nt := read(t, "附表：政府信息公开情况统计表\n"+text)
		if res.Form != report.FormLegacy {
			t.Errorf("one line %v: form %q, want legacy", oneLine, res.Form)
		}
		got := byKey(res.Metrics)
		for k, v := range want {
			if m, ok := got[k]; !ok || m.Value != v {
				t.Errorf("one line %v: %s = %+v, want %v", oneLine, k, m, v)
			}
		}
		if len(got) != len(want) || len(res.Ambiguous) > 0 {
			t.Errorf("one line %v: %d figures (want %d), ambiguities %+v", oneLine, len(got), len(want), res.Ambiguous)
		}
		checkProvenance(t, nt, res.Metrics)
	}
}

// TestNegatives: text that holds row labels and figures but no glued table
// gives nothing, and costs no search.
func TestNegatives(t *testing.T) {
	cases := map[string]string{
		"prose outcomes":       "本年度共收到政府信息公开申请12件，予以公开3件，部分公开1件，不予公开2件，无法提供5件。\n",
		"prose glued together": "本年度共收到依申请公开事项0三是政府信息管理方面。建立健全信息发布审核机制二是依申请公开方面规范流程\n",
		"prose Article 20":     "全年办理行政许可案件70,办理行政处罚案件18件。制发规章3件，规范性文件12件。\n",
		"dates and numbers":    "时间:2023-01-19 10:10\n索引号:11370322004222233U/2024-542\n电话：33134800-12766\n截止到20221231日\n",
		"a cell-per-line table": "信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n行政规范性文件\n3\n1\n12\n行政许可 12\n" +
			"行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n0\n0\n0\n0\n0\n",
		"a pipe table":                   "| 规章 | 0 | 0 | 3 |\n| 行政规范性文件 | 1 | 0 | 12 |\n| 行政许可 | 70 |\n",
		"prose wrapped as a PDF's lines": "本年度我局收到政府信息公开申请三件，其中当面申请0件，网络申请2\n件，信函申请1件。自2009年以来累计主动公开政府信息67\n8条，本年新增2\n018年度信息45条，占33\n.99%。\n",
		"one lone row":                   "规章000\n",
		"rows with their cells apart": "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数\n规章 0 0 3\n行政规范性文件 1 10\n" +
			"行政许可 12\n行政处罚 0\n",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			res, _ := read(t, text)
			if len(res.Metrics) > 0 || len(res.Ambiguous) > 0 {
				t.Errorf("read %d figures and %d ambiguities from text with no glued table: %+v %+v",
					len(res.Metrics), len(res.Ambiguous), res.Metrics, res.Ambiguous)
			}
		})
	}
}

// TestKeepsOtherReaders: a key another reader placed is not replaced.
func TestKeepsOtherReaders(t *testing.T) {
	nt := normalize.New(appsText(sample2021(), appLabels2021, style{}))
	var placed []table.Cell
	for _, c := range report.Columns {
		placed = append(placed, table.Cell{Key: "granted." + c})
	}
	res := Read(nt, table.TextTokens(nt), "", placed)
	for _, m := range res.Metrics {
		if strings.HasPrefix(m.Key, "granted.") {
			t.Fatalf("%s replaced another reader's cell", m.Key)
		}
	}
	if len(res.Metrics) != 24*7 {
		t.Errorf("%d figures, want %d", len(res.Metrics), 24*7)
	}
}

// TestBound: a hostile digit string is not searched for long; the row is
// reported, not read and not a crash.
func TestBound(t *testing.T) {
	for _, digits := range []string{strings.Repeat("1234567890", 15), strings.Repeat("1", 60), strings.Repeat("10", 30), strings.Repeat("9", 400)} {
		text := appsText(sample2021(), appLabels2021, style{})
		text = strings.Replace(text, "（一）予以公开300010233", "（一）予以公开"+digits, 1)
		text = strings.Replace(text, "000000000000000", digits, 1)
		start := time.Now()
		res, _ := read(t, text)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%d digits took %v", len(digits), d)
		}
		found := false
		for _, a := range res.Ambiguous {
			if a.Key == "granted.*" && (a.Reason == report.AmbiguousBound || a.Reason == report.AmbiguousNoSplit) {
				found = true
			}
		}
		if !found {
			t.Errorf("%d digits: ambiguities %+v, want granted.* reported", len(digits), res.Ambiguous)
		}
		for _, m := range res.Metrics {
			if strings.HasPrefix(m.Key, "granted.") {
				t.Errorf("%d digits: %s read from a hostile run", len(digits), m.Key)
			}
		}
	}
	// A tight step budget ends the whole table's search as bound.
	nt := normalize.New(appsText(sample2021(), appLabels2021, style{}))
	l := DefaultLimits
	l.Steps = 50
	res := ReadWith(nt, table.TextTokens(nt), "", nil, l)
	if len(res.Ambiguous) == 0 || res.Ambiguous[len(res.Ambiguous)-1].Reason != report.AmbiguousBound {
		t.Errorf("with 50 steps: %d ambiguities, want bound", len(res.Ambiguous))
	}
}

// TestRealPatternFile reads the hand-written example of a 2021 report whose
// three tables are glued one row per line.
func TestRealPatternFile(t *testing.T) {
	b, err := os.ReadFile("testdata/glued2021_rows.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, nt := read(t, string(b))
	got := byKey(res.Metrics)
	if len(got) != 175+7+15 || got["apps_new.total"].Value != 70 || got["review.total"].Value != 3 || got["art20.fees.amount"].Value != 12.5 {
		t.Errorf("%d figures; apps_new.total %v review.total %v fees %v", len(got), got["apps_new.total"].Value, got["review.total"].Value, got["art20.fees.amount"].Value)
	}
	if len(res.Ambiguous) != 3 { // 行政规范性文件 "31245"
		t.Errorf("ambiguities %+v, want the three cells of 行政规范性文件", res.Ambiguous)
	}
	checkProvenance(t, nt, res.Metrics)
}

func TestCandidate(t *testing.T) {
	for s, want := range map[string]bool{
		"规章000": true, "一、本年新收政府信息公开申请数量640020470": true, "政府集中采购6251000元": true, "行政强制/": false, "4.信函申请数件—": true, "本年增/": false,
		"行政规范性文件 3 1 2": false, "时间:2023-01-19 10:10": false, "全年主动公开政府信息34条": false, "2022年": false,
		"本年收费金额(单位:万元)": false, "一、总体情况": false,
	} {
		toks := table.Tokens(s + "\n")
		if len(toks) == 0 {
			t.Fatalf("%q: no token", s)
		}
		if got := candidate(&toks[0]); got != want {
			t.Errorf("candidate(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRow(t *testing.T) {
	for s, want := range map[string]bool{
		"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000": true,
		"一、本年新收政府信息公开申请数量640020470":                    true,
		"规章000":  true,
		"行政许可70": false, // one cell: nothing to mistake for a sentence
		"本年度共收到依申请公开事项0":           false,
		"申请人逾期未按收费通知要求缴纳费用的，不再处理。": false,
		"全年收取信息处理费0元":              false,
		"本年度收到政府信息公开申请12件，予以公开3件":  false,
	} {
		if got := Row(s); got != want {
			t.Errorf("Row(%q) = %v, want %v", s, got, want)
		}
	}
}
