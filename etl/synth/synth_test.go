package synth

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// testSeries generates a few agencies over all eras, in memory.
func testSeries(t *testing.T, n int, opt Options) [][]Doc {
	t.Helper()
	agencies, err := Agencies(Places(), n, opt.Seed)
	if err != nil {
		t.Fatal(err)
	}
	var years []int
	for y := 2010; y <= 2024; y++ {
		years = append(years, y)
	}
	out := make([][]Doc, len(agencies))
	for i, a := range agencies {
		out[i] = Series(a, years, opt)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	opt := Options{Seed: 7, HTML: true, BreakRate: 0.2}
	a, b := testSeries(t, 5, opt), testSeries(t, 5, opt)
	for i := range a {
		for j := range a[i] {
			if !bytes.Equal(a[i][j].Body, b[i][j].Body) {
				t.Fatalf("agency %d report %d differs between two runs with the same seed", i, j)
			}
		}
	}
	c := testSeries(t, 5, Options{Seed: 8, HTML: true, BreakRate: 0.2})
	if bytes.Equal(a[0][10].Body, c[0][10].Body) {
		t.Errorf("seeds 7 and 8 gave the same report")
	}
}

func TestAgenciesPrefixStable(t *testing.T) {
	small, err := Agencies(Places(), 10, 3)
	if err != nil {
		t.Fatal(err)
	}
	big, err := Agencies(Places(), 200, 3)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for i, a := range big {
		if names[a.Name] {
			t.Errorf("agency %q appears twice", a.Name)
		}
		names[a.Name] = true
		if i < len(small) && small[i] != a {
			t.Errorf("Agencies(10)[%d] = %+v, want the same as Agencies(200)[%d] = %+v", i, small[i], i, a)
		}
	}
}

// TestLabelsObeyIdentities checks, on the labels of fully printed tables
// without injected breaks, that I1–I4 and the carry-over hold, and that a
// labelled break really breaks its rule.
func TestLabelsObeyIdentities(t *testing.T) {
	broken := map[string]int{}
	for _, series := range testSeries(t, 40, Options{Seed: 1, BreakRate: 0.3}) {
		var prev *Label
		for _, d := range series {
			l := d.Label
			m := l.Metrics
			if l.Form == report.FormLegacy {
				fails := legacyFailures(m)
				for _, br := range l.Breaks {
					broken[br.Rule]++
					if !fails[br.Rule] {
						t.Errorf("%s: injected %s but the labelled figures do not break it", d.Name, br.Rule)
					}
				}
				if len(l.Breaks) == 0 {
					for rule := range fails {
						t.Errorf("%s: %s fails without an injected break", d.Name, rule)
					}
				}
			}
			if l.Form == report.FormTable2019 || l.Form == report.FormTable2021 {
				fails := identityFailures(m, l.Form)
				for _, br := range l.Breaks {
					broken[br.Rule]++
					if br.Rule == "I5.carry" {
						continue // a break between reports, checked above
					}
					if !fails[strings.SplitN(br.Rule, ".", 2)[0]] {
						t.Errorf("%s: injected %s (%s) but the labelled figures do not break it", d.Name, br.Rule, br.Scope)
					}
				}
				if len(l.Breaks) == 0 {
					for rule := range fails {
						t.Errorf("%s: %s fails without an injected break", d.Name, rule)
					}
				}
				if prev != nil && (prev.Form == report.FormTable2019 || prev.Form == report.FormTable2021) {
					carryBroken := false
					for _, col := range report.Columns {
						fw, ok1 := prev.Metrics["apps_carried_forward."+col]
						ov, ok2 := m["apps_carried_over."+col]
						if ok1 && ok2 && fw != ov {
							carryBroken = true
							if !hasBreak(l.Breaks, "I5.carry") {
								t.Errorf("%s: apps_carried_over.%s = %v, last year's carried_forward = %v", d.Name, col, ov, fw)
							}
						}
					}
					for _, br := range l.Breaks {
						fw, ok1 := prev.Metrics["apps_carried_forward."+br.Scope]
						ov, ok2 := m["apps_carried_over."+br.Scope]
						if br.Rule == "I5.carry" && ok1 && ok2 && fw == ov && !carryBroken {
							t.Errorf("%s: injected I5.carry (%s) but the carry-over matches last year's", d.Name, br.Scope)
						}
					}
				}
			}
			prev = &d.Label
		}
	}
	for _, rule := range []string{"I1.flow", "I2.outcomes", "I3.rowsum", "I4.review", "I5.carry", "L1.channels", "L3.replies", "L6.review"} {
		if broken[rule] == 0 {
			t.Errorf("no report breaks %s; the break injector never chose it", rule)
		}
	}
}

// identityFailures evaluates I1–I4 on the labelled figures, where all the
// needed cells are labelled, and returns the rules that fail.
func identityFailures(m map[string]float64, form report.Form) map[string]bool {
	fails := map[string]bool{}
	outcomes := outcomeKeys2019
	if form == report.FormTable2021 {
		outcomes = outcomeKeys2021
	}
	get := func(keys ...string) (float64, bool) {
		s := 0.0
		for _, k := range keys {
			v, ok := m[k]
			if !ok {
				return 0, false
			}
			s += v
		}
		return s, true
	}
	for _, col := range report.Columns {
		if l, ok := get("apps_new."+col, "apps_carried_over."+col); ok {
			if r, ok := get("outcome_total."+col, "apps_carried_forward."+col); ok && l != r {
				fails["I1"] = true
			}
		}
		var keys []string
		for _, k := range outcomes {
			keys = append(keys, k+"."+col)
		}
		if s, ok := get(keys...); ok {
			if tot, ok := get("outcome_total." + col); ok && s != tot {
				fails["I2"] = true
			}
		}
	}
	rows := append([]string{"apps_new", "apps_carried_over", "outcome_total", "apps_carried_forward"}, outcomes...)
	for _, row := range rows {
		var keys []string
		for _, col := range partCols {
			keys = append(keys, row+"."+col)
		}
		if s, ok := get(keys...); ok {
			if tot, ok := get(row + ".total"); ok && s != tot {
				fails["I3"] = true
			}
		}
	}
	for _, blk := range []string{"review", "lit_direct", "lit_after_review"} {
		if s, ok := get(blk+".upheld", blk+".corrected", blk+".other", blk+".pending"); ok {
			if tot, ok := get(blk + ".total"); ok && s != tot {
				fails["I4"] = true
			}
		}
	}
	return fails
}

// TestLabelledFiguresArePrinted checks that every labelled count appears in
// the text as digits (or is a converted amount), so labels never invent.
func TestLabelledFiguresArePrinted(t *testing.T) {
	for _, series := range testSeries(t, 15, Options{Seed: 2, HTML: true}) {
		for _, d := range series {
			// Undo the page habits a reader also undoes: full-width digits,
			// PDF line breaks inside a sentence.
			text := strings.ReplaceAll(wideToASCII(string(d.Body)), "\n", "")
			if d.Label.Agency == "" || !strings.Contains(text, ownName(d.Label)) {
				t.Errorf("%s: agency %q (printed %q) not in the text", d.Name, d.Label.Agency, ownName(d.Label))
			}
			for k, v := range d.Label.Metrics {
				if v != float64(int(v)) || strings.HasPrefix(k, "fees.") || strings.HasSuffix(k, ".amount") || k == "budget.special" {
					continue // amounts may be printed in 元
				}
				s := strconv.Itoa(int(v))
				if !strings.Contains(text, s) && !(v <= 10 && strings.ContainsAny(text, "零一二两三四五六七八九十没未")) {
					t.Errorf("%s: %s = %v is labelled but %q is not printed", d.Name, k, v, s)
				}
			}
		}
	}
}

func TestWriteCorpus(t *testing.T) {
	dir := t.TempDir()
	st, err := Write(context.Background(), Config{Agencies: 4, From: 2018, To: 2022, Seed: 5, HTML: true, Workers: 3}, dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reports != 20 {
		t.Errorf("Write reported %d reports, want 20", st.Reports)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 20 {
		t.Errorf("wrote %d labels, want 20", len(files))
	}
	for _, f := range files {
		s := strings.TrimSuffix(f, ".json")
		_, e1 := os.Stat(s + ".txt")
		_, e2 := os.Stat(s + ".html")
		if e1 != nil && e2 != nil {
			t.Errorf("label %s has no report beside it", f)
		}
	}
}

// BenchmarkSeries measures generating reports in memory (no file writes).
func BenchmarkSeries(b *testing.B) {
	agencies, err := Agencies(Places(), 50, 1)
	if err != nil {
		b.Fatal(err)
	}
	years := []int{2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Series(agencies[i%len(agencies)], years, Options{Seed: 1, HTML: true, BreakRate: DefaultBreakRate})
	}
}

func wideToASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// legacyFailures evaluates L1–L3, L5 and L6 on labelled legacy figures.
func legacyFailures(m map[string]float64) map[string]bool {
	fails := map[string]bool{}
	rules := []struct {
		rule, total string
		parts       []string
	}{
		{"L1.channels", "apps_new.total", []string{"apps_channel.in_person", "apps_channel.fax", "apps_channel.online", "apps_channel.mail"}},
		{"L2.closed", "apps_closed.total", []string{"apps_closed.on_time", "apps_closed.extended"}},
		{"L3.replies", "outcome_total.total", []string{"reply.already_public", "granted.total", "partial.total", "denied.total",
			"reply.not_this_agency", "reply.not_exist", "reply.ask_amend", "reply.other_channel"}},
		{"L5.staff", "staff.total", []string{"staff.fulltime", "staff.parttime"}},
		{"L6.review", "review.total", []string{"review.upheld", "review.corrected", "review.other"}},
		{"L6.litigation", "litigation.total", []string{"litigation.upheld", "litigation.corrected", "litigation.other"}},
	}
	for _, x := range rules {
		tot, ok := m[x.total]
		if !ok {
			continue
		}
		sum, all := 0.0, true
		for _, p := range x.parts {
			v, ok := m[p]
			all = all && ok
			sum += v
		}
		if all && sum != tot {
			fails[x.rule] = true
		}
	}
	return fails
}

func hasBreak(bs []Break, rule string) bool {
	for _, b := range bs {
		if b.Rule == rule {
			return true
		}
	}
	return false
}

// ownName is a label's agency without the parents the label qualifies it
// with, which the printed title may leave out: "广州市番禺区人民政府" →
// "番禺区人民政府".
func ownName(l Label) string {
	name := l.Agency
	for _, p := range []string{l.City, l.Province} {
		if p != "" && strings.HasPrefix(name, p) && name != p {
			name = strings.TrimPrefix(name, p)
		}
	}
	if l.Level == "township" {
		// Drop the county: the label's first place ending in 区, 县 or 市.
		for _, suf := range []string{"区", "县", "市", "旗"} {
			if i := strings.Index(name, suf); i > 0 && !strings.HasPrefix(name[i+len(suf):], "人民政府") && !strings.HasPrefix(name[i+len(suf):], "办事处") {
				name = name[i+len(suf):]
				break
			}
		}
	}
	return name
}

// TestLabelNaming checks that labels qualify agencies the way real labels
// do, whatever parents the printed title carries: a district with its city,
// a county or county-level city alone, a township with its county (and the
// county's city when the county is a district).
func TestLabelNaming(t *testing.T) {
	justice, gov := kinds[1], kinds[0]
	tests := []struct {
		p    Place
		k    kind
		want string
	}{
		{Place{Name: "锡山区", Level: "county", Province: "江苏省", City: "无锡市"}, justice, "无锡市锡山区司法局"},
		{Place{Name: "普陀区", Level: "county", Province: "上海市", City: "上海市"}, justice, "上海市普陀区司法局"},
		{Place{Name: "高青县", Level: "county", Province: "山东省", City: "淄博市"}, justice, "高青县司法局"},
		{Place{Name: "东阳市", Level: "county", Province: "浙江省", City: "金华市"}, justice, "东阳市司法局"},
		{Place{Name: "仙桃市", Level: "county", Province: "湖北省"}, justice, "仙桃市司法局"},
		{Place{Name: "某某经济开发区", Level: "county", Province: "河北省", City: "衡水市"}, gov, "某某经济开发区管理委员会"},
		{Place{Name: "东浦镇", Level: "township", Province: "浙江省", City: "绍兴市", County: "越城区"}, gov, "绍兴市越城区东浦镇人民政府"},
		{Place{Name: "大五里镇", Level: "township", Province: "河北省", City: "唐山市", County: "迁安市"}, gov, "迁安市大五里镇人民政府"},
		{Place{Name: "厚桥街道", Level: "township", Province: "江苏省", City: "无锡市", County: "锡山区"}, gov, "无锡市锡山区厚桥街道办事处"},
		{Place{Name: "遵义市", Level: "city", Province: "贵州省", City: "遵义市"}, justice, "遵义市司法局"},
		{Place{Name: "河南省", Level: "province", Province: "河南省"}, justice, "河南省司法厅"},
	}
	for _, tt := range tests {
		titles := map[string]bool{}
		// Many seeds: the printed title varies (with or without parents), the label must not.
		for seed := uint64(0); seed < 20; seed++ {
			a := newAgency(0, tt.p, tt.k, seed)
			if a.Label != tt.want {
				t.Errorf("%s (title %q): label %q, want %q", tt.p.Name, a.Name, a.Label, tt.want)
				break
			}
			titles[a.Name] = true
		}
		if tt.p.Name == "锡山区" && len(titles) < 2 {
			t.Errorf("%s: the title never varies (%v); the test does not show the label is independent of it", tt.p.Name, titles)
		}
	}
}
