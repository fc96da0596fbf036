package legacy

import (
	"sort"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
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
		// Provincial row names (domain.md §1.4.2).
		{"受理依申请公开信息总数", "apps_new.total"},
		{"对申请的答复总数", "outcome_total.total"},
		{"“否决公开”答复总数", "denied.total"},
		{"“同意部分公开”答复数", "partial.total"},
		{"网上申请", "apps_channel.online"},
		{"其中当面申请", "apps_channel.in_person"},
		{"非本部门掌握", "reply.not_this_agency"},
		{"信息不存在", "reply.not_exist"},
		{"行政复议数", "review.total"},
		// In traditional characters, as mirrors print them.
		{"受理依申請公開信息總數", "apps_new.total"},
		{"對申請的答覆總數", "outcome_total.total"},
		{"網上申請", "apps_channel.online"},
		// Rows the tables print that have no key stay out.
		{"电子邮件申请", "apps_channel.email"}, // check-only: L1 counts it
		{"行政申诉数", ""},
		{"其中：全文电子化", ""},
		{"主要负责同志参加新闻发布会次数", ""},
		{"申请内容不明确", ""},
		// Not row names.
		{"本年度共收到申请数10件", ""},
		{"历年累计主动公开信息数", ""},
		{"当面咨询", ""},
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

// TestRowsTSV checks the vocabulary file: every key is a key of
// spec/metrics.tsv (or a section-relative outcome), every row says where
// its wording comes from, and every pattern starts with a literal
// character, or the first-character index would never try it.
func TestRowsTSV(t *testing.T) {
	t.Parallel()
	for _, ind := range indicators {
		p := strings.TrimPrefix(ind.re.String(), "^")
		if p == "" || strings.ContainsRune(`([.\`, rune(p[0])) {
			t.Errorf("row %s: pattern %q does not start with a literal character", ind.key, ind.re)
		}
		if ind.lit == "" {
			t.Errorf("row %s: pattern %q has no literal start", ind.key, ind.re)
		}
		if ind.source == "" {
			t.Errorf("row %q: no source", ind.re)
		}
		switch {
		case ind.key == "", ind.key == ".upheld", ind.key == ".corrected", ind.key == ".other":
		case !known(ind.key):
			t.Errorf("row %q: key %q is not in metrics.tsv", ind.re, ind.key)
		}
		switch ind.where {
		case "", secProactive, secApps, secFees, secStaff:
		default:
			t.Errorf("row %q: unknown section %q", ind.re, ind.where)
		}
	}
}

func known(key string) bool { _, ok := report.LookupKey(key); return ok || report.IsCheckOnly(key) }

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
		{`^其[他它](原因|情形)$`, "其"},
	}
	for _, tt := range tests {
		if got := literalStart(tt.pattern); got != tt.want {
			t.Errorf("literalStart(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want colClass
	}{
		{"统计指标", colLabel}, {"指标名称", colLabel}, {"项目", colLabel},
		{"单位", colUnit}, {"计量单位", colUnit}, {"序号", colSeq}, {"备注", colRemark},
		{"本年", colYear}, {"本年度", colYear}, {"本期实际", colYear}, {"2009年度", colYear}, {"统计数", colYear},
		{"本年度(件)", colYear},
		{"历年累计", colCumulative}, {"本年累计", colCumulative}, {"累计", colCumulative}, {"截至2009年底", colCumulative},
		{"上年", colPrevious}, {"去年同期", colPrevious}, {"增减", colChange}, {"同比增长", colChange},
		{"主动公开信息数", colUnknown}, {"条", colUnknown},
	}
	for _, tt := range tests {
		if got := classify(table.Canon(tt.in)); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// legacyCase is one text and what Read must make of it.
type legacyCase struct {
	name  string
	lines []string
	want  map[string]float64          // figures stored
	kinds map[string]report.ValueKind // blank cells stored with their kind
	none  []string                    // keys that must not be stored
	amb   map[string]report.AmbiguityReason
	rule  string // the Provenance.Rule of every cell, when set
	col   string // the column label of every cell, when set
}

func runLegacy(t *testing.T, tt legacyCase) {
	t.Helper()
	tx := normalize.New(strings.Join(tt.lines, "\n") + "\n")
	res := Read(tx, table.TextTokens(tx))
	got := map[string]table.Cell{}
	for _, c := range res.Cells {
		if _, dup := got[c.Key]; dup {
			t.Errorf("%s: key %s placed twice", tt.name, c.Key)
		}
		got[c.Key] = c
		m := c.Metric(tx)
		if tx.Orig[m.Prov.Start:m.Prov.End] != m.Prov.Text {
			t.Errorf("%s: %s provenance %q does not quote the original at [%d,%d)", tt.name, c.Key, m.Prov.Text, m.Prov.Start, m.Prov.End)
		}
		if tt.rule != "" && m.Prov.Rule != tt.rule {
			t.Errorf("%s: %s rule = %q, want %q", tt.name, c.Key, m.Prov.Rule, tt.rule)
		}
		if tt.col != "" && c.Col != tt.col {
			t.Errorf("%s: %s column = %q, want %q", tt.name, c.Key, c.Col, tt.col)
		}
		if c.Row == "" || !strings.Contains(tx.Orig, c.Row) {
			t.Errorf("%s: %s row label %q is not as printed", tt.name, c.Key, c.Row)
		}
	}
	for k, v := range tt.want {
		c, ok := got[k]
		if !ok || !c.Value.IsNumber() || c.Value.Number != v {
			t.Errorf("%s: %s = %+v (found %v), want %v", tt.name, k, c.Value, ok, v)
		}
	}
	for k, kind := range tt.kinds {
		if c, ok := got[k]; !ok || c.Value.Kind != kind {
			t.Errorf("%s: %s kind = %q (found %v), want %q", tt.name, k, c.Value.Kind, ok, kind)
		}
	}
	for _, k := range tt.none {
		if c, ok := got[k]; ok {
			t.Errorf("%s: %s = %+v stored, want nothing", tt.name, k, c.Value)
		}
	}
	amb := map[string]report.AmbiguityReason{}
	for _, a := range res.Ambiguous {
		amb[a.Key] = a.Reason
		if tx.Orig[a.Prov.Start:a.Prov.End] != a.Prov.Text || a.Detail == "" {
			t.Errorf("%s: ambiguity %+v does not quote the original or says no why", tt.name, a)
		}
		if _, stored := got[a.Key]; stored {
			t.Errorf("%s: %s both stored and ambiguous", tt.name, a.Key)
		}
	}
	for k, r := range tt.amb {
		if amb[k] != r {
			t.Errorf("%s: ambiguity of %s = %q, want %q (all: %v)", tt.name, k, amb[k], r, amb)
		}
	}
	if len(tt.amb) == 0 && len(amb) > 0 {
		keys := make([]string, 0, len(amb))
		for k := range amb {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		t.Errorf("%s: unexpected ambiguities %v", tt.name, keys)
	}
}

// TestNationalTable reads the national 统计表 (国办发〔2014〕32号): one value
// column, a unit column, sections that give the outcome rows their meaning.
func TestNationalTable(t *testing.T) {
	t.Parallel()
	for _, tt := range []legacyCase{
		{name: "pipe rows",
			lines: []string{
				"| 统计指标 | 单位 | 统计数 |",
				"| 一、主动公开情况 | —— | —— |",
				"| （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条） | 条 | 412 |",
				"| 其中：主动公开规范性文件数 | 条 | 6 |",
				"| 三、依申请公开情况 | —— | —— |",
				"| （一）收到申请数 | 件 | 9 |",
				"| 1.当面申请数 | 件 | 2 |",
				"| 3.网络申请数 | 件 | 7 |",
				"| 四、行政复议数量 | 件 | 1 |",
				"| （一）维持具体行政行为数 | 件 | 1 |",
				"| 五、行政诉讼数量 | 件 | 2 |",
				"| （一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 1 |",
				"| （二）被依法纠错数 | 件 | / |",
				"| （三）其他情形数 | 件 | 1 |",
				"| 七、依申请公开信息收取的费用 | 万元 | 0.05 |",
			},
			want: map[string]float64{"proactive.total": 412, "legacy.normative_disclosed": 6, "apps_new.total": 9,
				"apps_channel.in_person": 2, "apps_channel.online": 7, "review.total": 1, "review.upheld": 1,
				"litigation.total": 2, "litigation.upheld": 1, "litigation.other": 1, "fees.collected": 0.05},
			kinds: map[string]report.ValueKind{"litigation.corrected": report.KindNotApplicable},
			rule:  "table.pipe", col: "统计数"},
		{name: "one cell per line, a label wrapped onto the next line",
			lines: []string{"统计指标", "单位", "统计数",
				"（一）主动公开政府信息数（不同渠道和方", "式公开相同信息计1条）", "条", "87",
				"（一）收到申请数", "件", "3", "1.当面申请数", "件", "—", "（三）申请答复数", "件", "3"},
			want:  map[string]float64{"proactive.total": 87, "apps_new.total": 3, "outcome_total.total": 3},
			kinds: map[string]report.ValueKind{"apps_channel.in_person": report.KindEmpty},
			rule:  "table.cells"},
		{name: "an outcome row outside 行政复议/行政诉讼 has no key",
			lines: []string{"| 统计指标 | 单位 | 统计数 |", "| 收到申请数 | 件 | 4 |", "| 维持具体行政行为数 | 件 | 1 |",
				"| 申请办结数 | 件 | 4 |", "| 按时办结数 | 件 | 4 |"},
			want: map[string]float64{"apps_new.total": 4, "apps_closed.total": 4, "apps_closed.on_time": 4},
			none: []string{"review.upheld", "litigation.upheld"}},
	} {
		runLegacy(t, tt)
	}
}

// TestProvincialTables reads the provincial tables of 2008–2013 (domain.md
// §1.4.2): their own row names, a 单位 column, and two value columns of which
// only the year's is read.
func TestProvincialTables(t *testing.T) {
	t.Parallel()
	for _, tt := range []legacyCase{
		{name: "two columns, the year's first (莆田-type)",
			lines: []string{
				"| 指标 | 单位 | 2009年度 | 历年累计 |",
				"| 一、主动公开情况 | | | |",
				"| 主动公开信息数 | 条 | 356 | 1022 |",
				"| 二、依申请公开情况 | | | |",
				"| 受理依申请公开信息总数 | 件 | 14 | 31 |",
				"| 其中：当面申请 | 件 | 5 | 12 |",
				"| 网上申请 | 件 | 8 | 15 |",
				"| 电子邮件申请 | 件 | 1 | 4 |",
				"| 对申请的答复总数 | 件 | 14 | 31 |",
				"| 其中：“同意公开”答复数 | 件 | 10 | 22 |",
				"| “否决公开”答复总数 | 件 | 1 | 2 |",
				"| 三、行政复议、诉讼和申诉情况 | | | |",
				"| 行政复议数 | 件 | 0 | 1 |",
				"| 行政诉讼数 | 件 | 0 | 0 |",
				"| 行政申诉数 | 件 | 2 | 3 |",
			},
			want: map[string]float64{"proactive.total": 356, "apps_new.total": 14, "apps_channel.in_person": 5,
				"apps_channel.online": 8, "outcome_total.total": 14, "granted.total": 10, "denied.total": 1,
				"review.total": 0, "litigation.total": 0},
			col: "2009年度"},
		{name: "two columns, the cumulative first",
			lines: []string{
				"| 指标名称 | 计量单位 | 历年累计 | 本年度 |",
				"| 主动公开信息数 | 条 | 1022 | 356 |",
				"| 受理依申请公开信息总数 | 件 | 31 | 14 |",
				"| 对申请的答复总数 | 件 | 31 | 14 |",
			},
			want: map[string]float64{"proactive.total": 356, "apps_new.total": 14, "outcome_total.total": 14},
			col:  "本年度"},
		{name: "one cell per line, 本期实际 / 本年累计 (定西-type)",
			lines: []string{"指标名称", "计量单位", "本期实际", "本年累计",
				"主动公开信息数", "条", "64", "64",
				"其中：全文电子化", "条", "60", "60",
				"申请总数", "件", "3", "3",
				"当面申请", "件", "1", "1",
				"传真申请", "件", "0", "0",
				"网上申请", "件", "2", "2",
				"信函申请", "件", "0", "0",
				"电子邮件", "件", "0", "0",
				"对申请的答复总数", "件", "3", "3",
				"同意公开", "件", "2", "2",
				"同意部分公开", "件", "1", "1",
				"否决公开", "件", "0", "0",
				"行政申诉数", "件", "0", "0"},
			want: map[string]float64{"proactive.total": 64, "apps_new.total": 3, "apps_channel.in_person": 1,
				"apps_channel.fax": 0, "apps_channel.online": 2, "apps_channel.mail": 0, "outcome_total.total": 3,
				"granted.total": 2, "partial.total": 1, "denied.total": 0},
			col: "本期实际", rule: "table.cells"},
		{name: "the latest of two year columns is the report's",
			lines: []string{"| 项目 | 单位 | 2011年 | 2012年 |",
				"| 主动公开信息数 | 条 | 120 | 180 |", "| 受理申请总数 | 件 | 4 | 6 |", "| 行政复议数 | 件 | 0 | 1 |"},
			want: map[string]float64{"proactive.total": 180, "apps_new.total": 6, "review.total": 1},
			col:  "2012年"},
		{name: "a 序号 column, one cell per line: the next row's number is not a figure",
			lines: []string{"序号", "指标", "单位", "本年度", "历年累计",
				"1", "主动公开信息数", "条", "45", "300",
				"2", "受理依申请公开信息总数", "件", "2", "9",
				"3", "对申请的答复总数", "件", "2", "9",
				"4", "行政复议数", "件", "0", "0"},
			want: map[string]float64{"proactive.total": 45, "apps_new.total": 2, "outcome_total.total": 2, "review.total": 0}},
		{name: "channels under 咨询 are no application channels",
			lines: []string{"| 指标 | 单位 | 本年度 | 历年累计 |",
				"| 二、依申请公开情况 | | | |", "| 受理申请总数 | 件 | 6 | 20 |", "| 当面 | 件 | 2 | 5 |", "| 网上 | 件 | 4 | 15 |",
				"| 三、咨询情况 | | | |", "| 咨询总量 | 人次 | 90 | 400 |", "| 当面 | 人次 | 50 | 210 |", "| 网上 | 人次 | 40 | 190 |"},
			want: map[string]float64{"apps_new.total": 6, "apps_channel.in_person": 2, "apps_channel.online": 4}},
		{name: "a page break repeats the header; a page number sits between rows",
			lines: []string{"| 指标 | 单位 | 本年度 | 历年累计 |",
				"| 主动公开信息数 | 条 | 210 | 900 |", "| 受理申请总数 | 件 | 5 | 11 |",
				"- 2 -",
				"| 指标 | 单位 | 本年度 | 历年累计 |",
				"| 对申请的答复总数 | 件 | 5 | 11 |", "| 行政复议数 | 件 | 1 | 1 |"},
			want: map[string]float64{"proactive.total": 210, "apps_new.total": 5, "outcome_total.total": 5, "review.total": 1}},
		{name: "a page number between rows printed one cell per line",
			lines: []string{"指标", "单位", "本年度", "历年累计", "主动公开信息数", "条", "210", "900",
				"第 2 页 共 3 页", "受理申请总数", "件", "5", "— 3 —", "11", "对申请的答复总数", "件", "5", "11"},
			want: map[string]float64{"proactive.total": 210, "apps_new.total": 5, "outcome_total.total": 5}},
		{name: "money in 元 from the unit column",
			lines: []string{"| 指标 | 单位 | 本年度 | 历年累计 |", "| 受理申请总数 | 件 | 5 | 11 |", "| 对申请的答复总数 | 件 | 5 | 11 |",
				"| 依申请公开收取的费用 | 元 | 1500 | 3200 |"},
			want: map[string]float64{"apps_new.total": 5, "outcome_total.total": 5, "fees.collected": 0.15}},
		{name: "a provincial form, one cell per line (指标名称 / 计量单位 / 数量)",
			lines: []string{"指标名称", "计量单位", "数量",
				"一、主动公开政府信息数", "条", "5120",
				"其中：1.通过政府网站公开数", "条", "4300",
				"2.通过政府公报公开数", "条", "70",
				"3.通过其他方式公开数", "条", "750",
				"二、依申请公开政府信息数", "", "",
				"（一）受理申请数", "件", "31",
				"（二）答复申请数", "件", "30",
				"1.同意公开", "件", "21",
				"三、行政复议数", "件", "1",
				"四、行政诉讼数", "件", "0",
				"五、申诉（举报）数", "件", "2",
				"六、依申请公开收费", "元", "300",
				"七、政府信息公开工作人员", "", "",
				"专职人员", "人", "4",
				"兼职人员", "人", "27"},
			want: map[string]float64{"proactive.total": 5120, "proactive.website": 4300, "proactive.gazette": 70,
				"proactive.other_channels": 750, "apps_new.total": 31, "outcome_total.total": 30, "granted.total": 21,
				"review.total": 1, "litigation.total": 0, "complaints.total": 2, "fees.collected": 0.03,
				"staff.fulltime": 4, "staff.parttime": 27}},
		{name: "trap: 行政申诉数 alone is no complaint count",
			lines: []string{"| 指标 | 单位 | 本年度 | 历年累计 |", "| 受理申请总数 | 件 | 5 | 11 |", "| 对申请的答复总数 | 件 | 5 | 11 |",
				"| 行政复议数 | 件 | 1 | 1 |", "| 行政申诉数 | 件 | 2 | 3 |"},
			want: map[string]float64{"apps_new.total": 5, "review.total": 1}, none: []string{"complaints.total"}},
	} {
		runLegacy(t, tt)
	}
}

// TestFlattened reads a table flattened onto one spaced line: the row names
// are the anchors.
func TestFlattened(t *testing.T) {
	t.Parallel()
	for _, tt := range []legacyCase{
		{name: "header and rows on one line",
			lines: []string{"附表：政府信息公开情况统计表",
				"指标名称 单位 本年度 历年累计 一、主动公开情况 主动公开信息数 条 138 912 其中：全文电子化 条 120 800 " +
					"二、依申请公开情况 受理依申请公开信息总数 件 7 40 其中：当面申请 件 2 11 网上申请 件 4 25 信函申请 件 1 3 电子邮件 件 0 1 " +
					"对申请的答复总数 件 7 40 同意公开 件 5 30 同意部分公开 件 1 4 否决公开 件 1 6 " +
					"三、行政复议、诉讼和申诉情况 行政复议数 件 0 2 行政诉讼数 件 0 1 行政申诉数 件 1 1"},
			want: map[string]float64{"proactive.total": 138, "apps_new.total": 7, "apps_channel.in_person": 2,
				"apps_channel.online": 4, "apps_channel.mail": 1, "outcome_total.total": 7, "granted.total": 5,
				"partial.total": 1, "denied.total": 1, "review.total": 0, "litigation.total": 0},
			rule: RuleFlattened, col: "本年度"},
		{name: "the header on a line of its own, numbered row names",
			lines: []string{"| 统计指标 | 单位 | 本年 | 历年累计 |",
				"（一） 主动公开信息数 条 52 300 （二） 受理依申请公开信息总数 件 3 17 1. 当面申请 件 1 9 2. 网上申请 件 2 8 （三） 对申请的答复总数 件 3 17"},
			want: map[string]float64{"proactive.total": 52, "apps_new.total": 3, "apps_channel.in_person": 1,
				"apps_channel.online": 2, "outcome_total.total": 3},
			rule: RuleFlattened},
		{name: "in traditional characters",
			lines: []string{"指標名稱 單位 本年度 歷年累計 主動公開信息數 條 40 260 受理依申請公開信息總數 件 2 12 對申請的答覆總數 件 2 12 行政複議數 件 0 0"},
			want:  map[string]float64{"proactive.total": 40, "apps_new.total": 2, "outcome_total.total": 2, "review.total": 0}},
		{name: "two figures a row and no header: which is the year's cannot be told",
			lines: []string{"主动公开信息数 条 138 912 受理依申请公开信息总数 件 7 40 对申请的答复总数 件 7 40"},
			none:  []string{"proactive.total", "apps_new.total", "outcome_total.total"},
			amb: map[string]report.AmbiguityReason{"proactive.total": report.AmbiguousReadings,
				"apps_new.total": report.AmbiguousReadings, "outcome_total.total": report.AmbiguousReadings}},
		{name: "a sentence is not a flattened table",
			lines: []string{"全年 主动公开信息数 达到 138 条 ， 比上年 增加 12 条 。"},
			none:  []string{"proactive.total"}},
	} {
		runLegacy(t, tt)
	}
}

// TestTraps: a figure is stored only where the table settles it.
func TestTraps(t *testing.T) {
	t.Parallel()
	for _, tt := range []legacyCase{
		{name: "a header-only fragment",
			lines: []string{"| 指标 | 单位 | 本年度 | 历年累计 |", "| 一、主动公开情况 | | | |", "| 二、依申请公开情况 | | | |", "| 三、咨询情况 | | | |"},
			none:  []string{"proactive.total", "apps_new.total"}},
		{name: "a row whose figures do not fit the columns",
			lines: []string{"| 指标 | 单位 | 本年度 | 历年累计 |", "| 主动公开信息数 | 条 | 138 | 912 |", "| 受理申请总数 | 件 | 7 | 40 | 3 |",
				"| 对申请的答复总数 | 件 | 7 |", "| 行政复议数 | 件 | 0 | 0 |"},
			want: map[string]float64{"proactive.total": 138, "review.total": 0},
			amb:  map[string]report.AmbiguityReason{"apps_new.total": report.AmbiguousReadings, "outcome_total.total": report.AmbiguousReadings}},
		{name: "only cumulative and last year's columns",
			lines: []string{"| 指标 | 单位 | 上年 | 历年累计 |", "| 主动公开信息数 | 条 | 138 | 912 |", "| 受理申请总数 | 件 | 7 | 40 |", "| 行政复议数 | 件 | 0 | 0 |"},
			amb: map[string]report.AmbiguityReason{"proactive.total": report.AmbiguousReadings,
				"apps_new.total": report.AmbiguousReadings, "review.total": report.AmbiguousReadings}},
		{name: "an amount without a money unit",
			lines: []string{"| 统计指标 | 单位 | 统计数 |", "| 收到申请数 | 件 | 3 |", "| 申请答复数 | 件 | 3 |", "| 行政复议数量 | 件 | 0 |",
				"| 依申请公开信息收取的费用 | | 120 |", "| 政府信息公开专项经费 | | 0 |"},
			want: map[string]float64{"apps_new.total": 3, "budget.special": 0},
			amb:  map[string]report.AmbiguityReason{"fees.collected": report.AmbiguousUnit}},
		{name: "rows with no key keep their figures to themselves",
			lines: []string{"统计指标", "单位", "统计数", "收到申请数", "件", "3", "电子邮件申请", "件", "2",
				"行政申诉数", "件", "1", "其中：主要负责同志参加新闻发布会次数", "次", "4", "申请答复数", "件", "3",
				"同意公开答复数", "件", "3"},
			want: map[string]float64{"apps_new.total": 3, "outcome_total.total": 3, "granted.total": 3},
			none: []string{"apps_channel.online", "apps_channel.mail", "response.press_conferences", "review.total"}},
		{name: "fewer than three rows are no table",
			lines: []string{"收到申请数", "件", "3", "兼职人员数", "人", "2"},
			none:  []string{"apps_new.total", "staff.parttime"}},
	} {
		runLegacy(t, tt)
	}
}

func TestHeadingSection(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"三、依申请公开情况", secApps}, {"二、依申请公开和咨询情况", secConsult}, {"申请情况", secApps},
		{"（二）通过不同渠道和方式公开政府信息的情况", ""}, {"一、主动公开情况", secProactive},
		{"二、回应解读情况", secResponse}, {"四、行政复议、诉讼和申诉情况", secReview}, {"五、收费情况", secFees},
		{"八、机构建设和保障经费情况", secStaff}, {"九、政府信息公开会议和培训情况", secMeetings},
		{"申请人情况表说明", ""}, {"予以公开", ""},
	}
	for _, tt := range tests {
		if got := headingSection(table.Canon(tt.in)); got != tt.want {
			t.Errorf("headingSection(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
