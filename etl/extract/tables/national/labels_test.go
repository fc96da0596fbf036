package national

import (
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// canon folds a printed label the way the reader sees it: normalised
// (simplified, half-width) and then folded by table.Canon.
func canon(s string) string { return table.Canon(normalize.New(s).Norm) }

func TestRowLabels(t *testing.T) {
	t.Parallel()
	tests := []struct{ label, want string }{
		{"一、本年新收政府信息公开申请数量", "apps_new"},
		{"一、本年新收政府信息公开申请", "apps_new"},
		{"1.本年新收政府信息公开申请数", "apps_new"},
		{"（二）上年结转政府信息公开申请数量", "apps_carried_over"},
		{"(一)予以公开", "granted"},
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"},
		{"二、部分公开", "partial"},
		{"3.危及“三安全一稳定”", "denied_safety"},
		{"3、危及\"三安全一稳定\"", "denied_safety"},
		{"①属于国家秘密", "denied_state_secret"},
		{"5.属于三类内部事务信息", "denied_internal"},
		{"1. 本机关不掌握相关政府信息", "unavailable_not_held"},
		{"2.重复申请", "unprocessed_repeat"},
		{"（六）其他处理", "other"},
		{"3.其他", "other_misc"},
		{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"},
		{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_no_fee"},
		{"（七）总计", "outcome_total"},
		{"四、结转下年度继续办理", "apps_carried_forward"},
		{"四、結轉下年度繼續辦理", "apps_carried_forward"},
		{"（一）予以公開", "granted"},
		{"本年新收政府信息公开申请3件，予以公开2件", ""},
		{"自然人", ""},
	}
	for _, tt := range tests {
		if got := rowApps(canon(tt.label)); got != tt.want {
			t.Errorf("rowApps(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

func TestArticle20Labels(t *testing.T) {
	t.Parallel()
	rows := []struct{ label, want string }{
		{"规章", "art20.rules"},
		{"規章", "art20.rules"},
		{"规范性文件", "art20.normative"},
		{"行政规范性文件", "art20.normative"},
		{" 行政 规范性文件 ", "art20.normative"},
		{"行政事业性收费", "art20.fees"},
		{"规章制度", ""},
	}
	for _, tt := range rows {
		if got := rowArt20(canon(tt.label)); got != tt.want {
			t.Errorf("rowArt20(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
	cols := []struct{ label, want string }{
		{"本年制发件数", "issued"},
		{"本年新制作数量", "made"},
		{"本年增/减", "change"},
		{"本年增／减", "change"},
		{"本年增/", "change"},
		{"本年处理决定数量", "decisions"},
		{"处理决定数量", "decisions"},
		{"本年收费金额（单位：万元）", "amount"},
		{"采购总金额", "amount"},
		{"本年新", ""},
	}
	for _, tt := range cols {
		if got := colArt20(canon(tt.label)); got != tt.want {
			t.Errorf("colArt20(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

func TestCueForm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		label string
		want  report.Form
	}{
		{"第二十条第(一)项本年制发件数", report.FormTable2021},
		{"信息内容现行有效件数", report.FormTable2021},
		{"本年新制作数量", report.FormTable2019},
		{"采购总金额(万元)", report.FormTable2019},
		{"对外公开总数量本年制发件数", report.FormTable2021}, // both: 2021 wins
		{"行政许可本年增/减", ""},
		{"本年新收政府信息公开申请数量", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cueForm(tt.label); got != tt.want {
			t.Errorf("cueForm(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestPrefilterText guards the substring tests run before the patterns: a
// need that the pattern does not spell out would hide matching cells.
func TestPrefilterText(t *testing.T) {
	t.Parallel()
	for _, r := range art20Cols {
		if !strings.Contains(r.re.String(), r.need) {
			t.Errorf("art20Cols %s: need %q is not in the pattern", r.re, r.need)
		}
	}
	for _, r := range appFlexible {
		if !strings.Contains(r.re.String(), r.need) || !strings.HasPrefix(strings.TrimPrefix(r.re.String(), "^"), r.prefix) {
			t.Errorf("appFlexible %s: prefix %q or need %q is not in the pattern", r.re, r.prefix, r.need)
		}
	}
	for _, tt := range []struct{ cell, want string }{
		{"上一年项目数量", "prev_items"}, {"上年度项目数量", "prev_items"}, {"本年增/减", "change"},
		{"增、减", "change"}, {"采购总金额", "amount"}, {"采购金额(万元)", "amount"}, {"项目", ""}, {"金额", ""},
	} {
		if got := colArt20(tt.cell); got != tt.want {
			t.Errorf("colArt20(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

func TestMergedLabel(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ cell, last string }{
		{"三、本年度办理结果 （一）予以公开", "（一）予以公开"},
		{"（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
		{"（一）予以公开", ""},
		{"（二）部分公开 （区分处理的，只计这一情形，不计其他情形）", ""},
		{"三、本年度办理结果 说明", ""},
	} {
		if _, last := mergedLabel(tt.cell); last != tt.last {
			t.Errorf("mergedLabel(%q) last = %q, want %q", tt.cell, last, tt.last)
		}
	}
}
