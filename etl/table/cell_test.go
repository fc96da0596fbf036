package table

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		ok     bool
		kind   report.ValueKind
		num    float64
		unit   string
		approx bool
	}{
		{"0", true, report.KindNumber, 0, "", false},
		{" 12 ", true, report.KindNumber, 12, "", false},
		{"0件", true, report.KindNumber, 0, "件", false},
		{"零", true, report.KindNumber, 0, "", false},
		{"零件", true, report.KindNumber, 0, "件", false},
		{"１２３", true, report.KindNumber, 123, "", false},
		{"+19", true, report.KindNumber, 19, "", false},
		{"-2", true, report.KindNumber, -2, "", false},
		{"－3", true, report.KindNumber, -3, "", false},
		{"\u22124", true, report.KindNumber, -4, "", false},
		{"0 件", true, report.KindNumber, 0, "件", false},
		{"25.1万元", true, report.KindNumber, 25.1, "万元", false},
		{"148(万)", true, report.KindNumber, 148, "万", false},
		{"148（万）", true, report.KindNumber, 148, "万", false},
		{"251000元", true, report.KindNumber, 251000, "元", false},
		{"1,036", true, report.KindNumber, 1036, "", false},
		{"3.5", true, report.KindNumber, 3.5, "", false},
		{"300余条", true, report.KindNumber, 300, "条", true},
		{"", true, report.KindEmpty, 0, "", false},
		{"-", true, report.KindEmpty, 0, "", false},
		{"—", true, report.KindEmpty, 0, "", false},
		{"/", true, report.KindNotApplicable, 0, "", false},
		{"／", true, report.KindNotApplicable, 0, "", false},
		{"无", true, report.KindNotApplicable, 0, "", false},
		{"不适用", true, report.KindNotApplicable, 0, "", false},
		{"2.其他法律行政法规禁止公开", false, "", 0, "", false},
		{"行政许可", false, "", 0, "", false},
		{"12-3", false, "", 0, "", false},
		{"2020年", false, "", 0, "", false},
		{"2 030", true, report.KindNumber, 2030, "", false},
		{"1 234 567", true, report.KindNumber, 1234567, "", false},
		{"2 030条", true, report.KindNumber, 2030, "条", false},
		{"1 2", false, "", 0, "", false},
		{"12 1000", false, "", 0, "", false},
		{"1234 567", false, "", 0, "", false},
		{"1 23 456", false, "", 0, "", false},
	}
	for _, tt := range tests {
		v, ok := Parse(tt.in)
		if ok != tt.ok || v.Kind != tt.kind || v.Number != tt.num || v.Unit != tt.unit || v.Approx != tt.approx {
			t.Errorf("Parse(%q) = %+v, %v, want {%s %v %q approx=%v}, %v", tt.in, v, ok, tt.kind, tt.num, tt.unit, tt.approx, tt.ok)
		}
	}
}

func TestBlankIsNotZero(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", " ", "/", "-", "—", "无", "不适用"} {
		v, ok := Parse(s)
		if !ok || v.IsNumber() {
			t.Errorf("Parse(%q) = %+v, %v, want a blank kind", s, v, ok)
		}
	}
}

func TestInWan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    float64
		unit string
		want float64
	}{
		{251000, "元", 25.1},
		{148, "万", 148},
		{3, "万元", 3},
		{7, "", 7},
	}
	for _, tt := range tests {
		if got := InWan(tt.n, tt.unit); got != tt.want {
			t.Errorf("InWan(%v, %q) = %v, want %v", tt.n, tt.unit, got, tt.want)
		}
	}
}

func TestCanon(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"（三）3.危及“三安全一稳定”", "危及三安全一稳定"},
		{"一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"},
		{"  1. 属于国家秘密 ", "属于国家秘密"},
		{"其中：主动公开规范性文件数", "主动公开规范性文件数"},
		{"其中：1.通过政府网站公开数", "通过政府网站公开数"},
		{"其中:（一）", "(一)"},
		{"第二十条  第(一)项", "第二十条第(一)项"},
		{"(七)总计", "总计"},
		{"四、结转下年度继续办理", "结转下年度继续办理"},
		{"2", "2"},
	}
	for _, tt := range tests {
		if got := Canon(tt.in); got != tt.want {
			t.Errorf("Canon(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// figureRE is the grammar figure implements by hand, kept as the reference
// the scanner is checked against.
var figureRE = regexp.MustCompile(`^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(余|多)?\(?(万元|万|元|件次|人次|件|条|个|项|次|人|篇|家|起|宗|份|封)?\)?(余|多)?$`)

// refFigure reads c with figureRE, as Parse did before it scanned by hand.
func refFigure(c string) (Value, bool) {
	m := figureRE.FindStringSubmatch(c)
	if m == nil {
		return Value{}, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", "")+m[3], 64)
	if err != nil {
		return Value{}, false
	}
	if m[1] == "-" {
		f = -f
	}
	return Value{Kind: report.KindNumber, Number: f, Unit: m[5], Approx: m[4] != "" || m[6] != ""}, true
}

// TestFigureMatchesGrammar checks the hand scanner against the regexp on
// every combination of the grammar's pieces, well formed or not.
func TestFigureMatchesGrammar(t *testing.T) {
	t.Parallel()
	signs := []string{"", "+", "-", "--"}
	ints := []string{"", "0", "7", "12", "123", "1234", "1,234", "12,345,678", "1234,567", "1,23", "1,2345", "1,", ",123", "1,234,"}
	fracs := []string{"", ".5", ".25", ".", "..5", ".5.5"}
	approx := []string{"", "余", "多", "x"}
	opens := []string{"", "(", "(("}
	units := []string{"", "万元", "万", "元", "件次", "人次", "件", "次", "份", "封", "年", "元万"}
	closes := []string{"", ")", "))"}
	n := 0
	for _, sg := range signs {
		for _, in := range ints {
			for _, fr := range fracs {
				for _, a1 := range approx {
					for _, op := range opens {
						for _, u := range units {
							for _, cl := range closes {
								for _, a2 := range approx {
									c := sg + in + fr + a1 + op + u + cl + a2
									got, gok := figure(c)
									want, wok := refFigure(c)
									n++
									if gok != wok || got != want {
										t.Fatalf("figure(%q) = %+v, %v; regexp gives %+v, %v", c, got, gok, want, wok)
									}
								}
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d cells compared", n)
}

func FuzzFigure(f *testing.F) {
	for _, s := range []string{"1,234.5万元", "300余条", "-2", "12(件)多", "1,2345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		got, gok := figure(c)
		want, wok := refFigure(c)
		if gok != wok || got != want && !(got.Number != got.Number && want.Number != want.Number) {
			t.Fatalf("figure(%q) = %+v, %v; regexp gives %+v, %v", c, got, gok, want, wok)
		}
	})
}

// TestNeedsCompact checks the byte scan against the rune set compact
// rewrites, for every rune of the Basic Multilingual Plane and beyond.
func TestNeedsCompact(t *testing.T) {
	t.Parallel()
	inSet := func(r rune) bool {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E, r == ' ', r == '\t', r == '\n', r == '\r', r == 0x3000, r == 0xA0,
			r == 0x200B, r == 0xFEFF, r == '【', r == '〔', r == '［', r == '】', r == '〕', r == '］', r == 0x2212, r == 0xFE63:
			return true
		}
		return false
	}
	for r := rune(0); r < 0x20000; r++ {
		s := "中" + string(r) + "1"
		if got := needsCompact(s); got != inSet(r) {
			t.Fatalf("needsCompact(%q) = %v, want %v", s, got, inSet(r))
		}
	}
}

// TestParseDigits checks the integer fast path against strconv up to the
// longest run it takes.
func TestParseDigits(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"0", "007", "12", "999999999999999", "123456789012345", "100000000000000"} {
		want, _ := strconv.ParseFloat(s, 64)
		if v, ok := Parse(s); !ok || v.Number != want {
			t.Errorf("Parse(%q) = %v, %v, want %v", s, v.Number, ok, want)
		}
	}
}
