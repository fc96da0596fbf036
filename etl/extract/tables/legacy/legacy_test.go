package legacy

import (
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/table"
)

func TestIndicatorLabels(t *testing.T) {
	t.Parallel()
	tests := []struct{ label, want string }{
		{"（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "proactive.total"},
		{"其中：主动公开规范性文件数", "legacy.normative_disclosed"},
		{"1.政府公报公开政府信息数", "proactive.gazette"},
		{"2.政府网站公开政府信息数", "proactive.website"},
		{"（一）收到申请数", "apps_new.total"},
		{"1.当面申请数", "apps_channel.in_person"},
		{"（三）申请答复数", "outcome_total.total"},
		{"4.不同意公开答复数", "denied.total"},
		{"其中：涉及国家秘密", "denied_state_secret.total"},
		{"危及国家安全、公共安全、经济安全和社会稳定", "denied_safety.total"},
		{"不是《条例》所指政府信息", "denied_not_gov_info.total"},
		{"（一）维持具体行政行为数", ".upheld"},
		{"从事政府信息公开工作人员数", "staff.total"},
		{"1.专职人员数（不包括政府公报及政府网站工作人员数）", "staff.fulltime"},
		{"主要负责同志参加新闻发布会次数", ""},
		{"本年度共收到申请数10件", ""},
	}
	// The second round is answered from the remembered verdicts.
	for round := 0; round < 2; round++ {
		for _, tt := range tests {
			ind, _ := match(table.Canon(normalize.New(tt.label).Norm))
			if ind.key != tt.want {
				t.Errorf("round %d: match(%q) = %q, want %q", round, tt.label, ind.key, tt.want)
			}
		}
	}
}

func TestFewRowsAreNoTable(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{"收到申请数", "件", "3", "兼职人员数", "人", "2", ""}, "\n")
	tx := normalize.New(txt)
	if res := Read(tx, table.TextTokens(tx)); res.Cells != nil {
		t.Errorf("Read(two indicators) = %d cells, want none", len(res.Cells))
	}
}

func TestSectionNamesTheOutcome(t *testing.T) {
	t.Parallel()
	txt := strings.Join([]string{
		"四、行政复议数量", "件", "2", "（一）维持具体行政行为数", "件", "1",
		"五、行政诉讼数量", "件", "1", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1", "",
	}, "\n")
	tx := normalize.New(txt)
	got := map[string]float64{}
	for _, c := range Read(tx, table.TextTokens(tx)).Cells {
		got[c.Key] = c.Value.Number
	}
	want := map[string]float64{"review.total": 2, "review.upheld": 1, "litigation.total": 1, "litigation.upheld": 1}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
}

// TestIndicatorsStartLiteral guards the first-character index: a pattern
// that began with a group or class would never be tried.
func TestIndicatorsStartLiteral(t *testing.T) {
	t.Parallel()
	for _, ind := range indicators {
		p := strings.TrimPrefix(ind.re.String(), "^")
		if p == "" || strings.ContainsRune(`([.\`, rune(p[0])) {
			t.Errorf("indicator %s pattern %q does not start with a literal character", ind.key, ind.re)
		}
	}
}

func TestLiteralStart(t *testing.T) {
	t.Parallel()
	tests := []struct{ pattern, want string }{
		{`^主动公开政府信息(总)?数`, "主动公开政府信息"},
		{`^制发规范性文件总?数`, "制发规范性文件"},
		{`^行政复议数量?$`, "行政复议数"},
		{`^危及国家安全、?公共安全`, "危及国家安全"},
		{`^不是《?条例》?所指政府信息(数)?$`, "不是"},
		{`^按时办结数`, "按时办结数"},
		{`^当面(申请)?数?$`, "当面"},
	}
	for _, tt := range tests {
		if got := literalStart(tt.pattern); got != tt.want {
			t.Errorf("literalStart(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
	// Every indicator has a literal start, or the prefilter would run its
	// regexp on every label sharing its first character.
	for _, inds := range byFirst {
		for _, ind := range inds {
			if ind.lit == "" {
				t.Errorf("%s: no literal start", ind.re)
			}
		}
	}
}
