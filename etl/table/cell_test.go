package table

import (
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
