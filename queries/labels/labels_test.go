package labels

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

func fp(v float64) *float64 { return &v }

// latinWord is what the pages' and workbooks' scans reject.
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

func TestWords(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"period", Period("h1"), "上半年"},
		{"annual", Period("year"), "全年"},
		{"level", Level("county"), "县级"},
		{"township", Level("township"), "乡级"},
		{"unknown level is a phrase, not the code", Level("planet"), "层级不明"},
		{"empty code shows nothing", Level(""), ""},
		{"form", Form("table2021"), "2021 年版表格"},
		{"blank reason", Blank("not_in_form"), "旧表无此项"},
		{"no report", Blank("no_report"), "该年无报告"},
		{"value kind", ValueKind("not_applicable"), "不适用"},
		{"status", Status("NOT_ASSESSABLE"), "无法核验"},
		{"confidence", Confidence("medium"), "中"},
		{"ambiguity", Ambiguity("split"), "粘连的数字有多种拆法"},
		{"unknown ambiguity", Ambiguity("new_reason"), "原文不足以确定"},
		{"quality kind", Quality("yoy_jump"), "与上年相比变化异常"},
		{"unknown quality kind", Quality("something_new"), "其他数据问题"},
		{"metric without gloss", Metric("fees"), "依申请公开收费"},
		{"unknown metric", Metric("new_metric"), "未登记的指标"},
		{"metric unit", Unit("fees"), "万元"},
		{"count unit", Unit("received"), "件"},
		{"rate unit", Unit("grant_rate"), "%"},
		{"key unit by longest prefix", Unit("art20.fees.amount"), "万元"},
		{"key unit of items", Unit("art20.licensing.prev_items"), "项"},
		{"trainees", Unit("trainees.total"), "人次"},
		{"rate", Rate("grant_rate"), "公开率"},
		{"unknown rate", Rate("new_rate"), "未登记的比率"},
		{"formula of an unknown rate", RateFormula("new_rate"), ""},
		{"peer group", PeerGroup("county·司法局"), "县级·司法局"},
		{"no peer group", PeerGroup(""), ""},
		{"rule", Rule("I1.flow"), "收支平衡"},
		{"unknown rule", Rule("X9.new"), "未登记的核验"},
		{"key without the legacy gloss", Key("apps_new.total"), "一、本年新收政府信息公开申请数量 × 总计"},
		{"key keeps Chinese, drops English", Key("outcome_total.total"), "（七）总计（本年度办理结果总计） × 总计"},
		{"key keeps the unit of a gloss", Key("fees.collected"), "依申请公开收取的费用（万元）"},
		{"key override", Key("art20.penalty.decisions"), "行政处罚 处理决定数量"},
		{"unknown key", Key("no.such.key"), "未登记的指标"},
		{"mechanism by rule", Mechanism("prose", "P20.reason"), "正文：不予公开等理由的句式"},
		{"mechanism by family", Mechanism("prose", "P20.outcome"), "正文：办理结果的句式"},
		{"mechanism of a new family falls back on the source", Mechanism("prose", "P99.new"), "按正文句子读取"},
		{"table mechanism not yet named", Mechanism("table", "glued.split"), "按表格的行与列读取"},
		{"nothing known", Mechanism("", "zz"), "读取方式未登记"},
		{"run kind", RunKind("ingest"), "入库"},
		{"unknown run kind", RunKind("vacuum"), "其他运行"},
		{"change", Change("removed"), "已移除"},
		{"unknown change", Change("moved"), "其他变化"},
		{"current report", ReportState(true), "现行"},
		{"superseded report", ReportState(false), "已被修订版取代"},
		{"deadline", DeadlineBasis("art49_department"), "2019 年《条例》第四十九条（政府部门）：次年 1 月 31 日前"},
		{"unknown deadline", DeadlineBasis("art99"), "期限依据不明"},
		{"timeliness", Timeliness("late"), "逾期发布"},
		{"regime", Regime("art32_2008"), "2008 年《条例》第三十二条"},
		{"part", Part("review"), "政府信息公开行政复议、行政诉讼情况"},
		{"part status", PartStatus("heading_only"), "有标题，表格未能读取"},
		{"row status", RowStatus("prose"), "仅在正文中说明"},
		{"item kind", ItemKind("row"), "表格行"},
		{"form row by scope", FormRow("granted"), "予以公开"},
		{"form row by key", FormRow("denied_law"), "（三）2.其他法律行政法规禁止公开"},
		{"unknown form row", FormRow("no_such_row"), "该项"},
		{"copy status", CopyStatus("copied_prev"), "与本机关上年报告大量雷同"},
		{"unknown copy status", CopyStatus("new"), "无法判断"},
		{"check kind", CheckKind("stale"), "与上年数字相同"},
		{"integer", Number(1234), "1,234"},
		{"negative integer", Number(-1234567), "-1,234,567"},
		{"small money", Number(0.004), "0.004"},
		{"decimal", Number(12.5), "12.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		c    report.Check
		want string
	}{
		{"flow fails", report.Check{Rule: "I1.flow", Scope: "total", Expected: fp(12), Actual: fp(10), Status: report.Fail},
			"总计列：本年新收与上年结转之和（12）不等于办理结果总计与结转下年度之和（10）"},
		{"flow passes", report.Check{Rule: "I1.flow", Scope: "person", Expected: fp(3), Actual: fp(3), Status: report.Pass},
			"自然人列：本年新收与上年结转之和（3）等于办理结果总计与结转下年度之和（3）"},
		{"not assessable names the blank cells", report.Check{Rule: "I1.flow", Scope: "ngo", Status: report.NotAssessable,
			Detail: "blank or missing: apps_new.ngo, outcome_total.ngo"},
			"社会公益组织列：本年新收与上年结转之和或办理结果总计与结转下年度之和有空白或缺失，无法核验（空白或缺失：一、本年新收政府信息公开申请数量 × 社会公益组织、（七）总计（本年度办理结果总计） × 社会公益组织）"},
		{"row sum", report.Check{Rule: "I3.rowsum", Scope: "granted", Expected: fp(5), Actual: fp(4), Status: report.Fail},
			"予以公开行：总计（5）不等于各类申请人之和（4）"},
		{"row sum of a row named by its key", report.Check{Rule: "I3.rowsum", Scope: "denied_law", Expected: fp(5), Actual: fp(4), Status: report.Fail},
			"（三）2.其他法律行政法规禁止公开行：总计（5）不等于各类申请人之和（4）"},
		{"review group", report.Check{Rule: "I4.review", Scope: "review", Expected: fp(2), Actual: fp(1), Status: report.Fail},
			"行政复议：总计（2）不等于结果维持、结果纠正、其他结果、尚未审结之和（1）"},
		{"legacy inequality", report.Check{Rule: "L4.denied", Scope: "denied.total", Expected: fp(2), Actual: fp(3), Status: report.Fail},
			"不同意公开答复数（2）小于其中所列各项之和（3）"},
		{"prose against table quotes the sentence", report.Check{Rule: "P1.prose_table", Scope: "apps_new.total", Expected: fp(2), Actual: fp(3), Status: report.Fail,
			Detail: `prose "共收到申请2件" says 2, table says 3`},
			"一、本年新收政府信息公开申请数量 × 总计：正文所述（2）不等于表格所列（3）。正文原句：“共收到申请2件”"},
		{"approximate prose", report.Check{Rule: "P1.prose_table", Scope: "proactive.total", Expected: fp(300), Actual: fp(310), Status: report.NotAssessable,
			Detail: "prose figure is approximate: 300余条"},
			"主动公开政府信息总数（本年，本机关）：正文所述为约数，无法与表格所列比较"},
		{"carry-over across years", report.Check{Rule: "I5.carry", Scope: "total", Expected: fp(4), Actual: fp(1)},
			"总计列：上年报告的结转下年度继续办理（4）不等于本年报告的上年结转（1）"},
		{"stock of rules", report.Check{Rule: "S1.in_force", Scope: "rules", Expected: fp(10), Actual: fp(9), Status: report.Fail},
			"规章：上年现行有效件数加本年制发、减本年废止（10）不等于本年现行有效件数（9）"},
		{"jump", report.Check{Rule: "yoy.above_5x", Scope: "received", Expected: fp(10), Actual: fp(60)},
			"收到申请：上一报告年度为 10，本年为 60，是前者的 6.0 倍"},
		{"drop", report.Check{Rule: "yoy.below_0.2x", Scope: "proactive", Expected: fp(1000), Actual: fp(150)},
			"主动公开：上一报告年度为 1,000，本年为 150，是前者的 0.15 倍"},
		{"missing year", report.Check{Rule: "coverage.year"}, "该年没有年度报告，前后年份都有"},
		{"unknown rule with figures", report.Check{Rule: "R9.glued", Scope: "total", Expected: fp(1), Actual: fp(2), Detail: "english words"},
			"总计列：未登记的核验未通过：应为 1，实际为 2"},
		{"unknown rule without figures", report.Check{Rule: "R9.glued", Scope: "nothing known"}, "未登记的核验未通过"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Check(tt.c); got != tt.want {
				t.Errorf("Check(%+v) =\n  %s\nwant\n  %s", tt.c, got, tt.want)
			}
		})
	}
}

// TestNoLatinWords checks that no label a reader sees holds English: every
// label, every sentence part, every cleaned key label.
func TestNoLatinWords(t *testing.T) {
	for d, codes := range tab.byCode {
		for code, e := range codes {
			for i, f := range e {
				if d == "rule" && i == ruleScope || d == "rule" && i == ruleRelation {
					continue // codes of the sentence builder
				}
				if d == "dataset_column" || d == "data_type" {
					continue // the data dictionary explains the codes and formats of the files, so it quotes them
				}
				if latinWord.MatchString(f) {
					t.Errorf("%s %s: field %d %q holds Latin letters", d, code, i, f)
				}
			}
		}
	}
	for _, k := range report.Keys() {
		if l := Key(k.Key); latinWord.MatchString(l) || l == "" {
			t.Errorf("Key(%q) = %q", k.Key, l)
		}
	}
}

// TestEveryKeyHasAUnit checks the unit table against spec/metrics.tsv.
func TestEveryKeyHasAUnit(t *testing.T) {
	for _, k := range report.Keys() {
		if Unit(k.Key) == "" {
			t.Errorf("key %q has no unit", k.Key)
		}
	}
	for _, m := range Metrics() {
		if Unit(m) == "" || MetricSection(m) == "" {
			t.Errorf("metric %q: unit %q, section %q", m, Unit(m), MetricSection(m))
		}
	}
	for _, m := range Outcomes() {
		if !Known("metric", m) {
			t.Errorf("outcome %q is not a metric", m)
		}
	}
}

// TestEveryRuleIsNamed finds the rule codes etl/validate writes and the
// quality query adds, and the ambiguity reasons of etl/report, and wants
// each in the table, so a new code is named where readers see it.
func TestEveryRuleIsNamed(t *testing.T) {
	codes := map[string]bool{}
	lit := regexp.MustCompile(`"([A-Z][A-Z0-9]*\.[a-z_0-9.]+)"`)
	files, err := filepath.Glob("../../etl/validate/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("etl/validate sources: %v", err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(b), -1) {
			codes[m[1]] = true
		}
	}
	// I4.<group> is built from the group names.
	for _, g := range []string{"review", "lit_direct", "lit_after_review"} {
		codes["I4."+g] = true
	}
	sql, err := os.ReadFile("../quality.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`'([A-Za-z][A-Za-z0-9_]*\.[A-Za-z0-9_.]+)' AS rule`).FindAllStringSubmatch(string(sql), -1) {
		codes[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`THEN '(yoy\.[^']+)'|ELSE '(yoy\.[^']+)'`).FindAllStringSubmatch(string(sql), -1) {
		codes[m[1]+m[2]] = true
	}
	if len(codes) < 15 {
		t.Fatalf("found only %d rule codes: %v", len(codes), codes)
	}
	for c := range codes {
		if !Known("rule", c) {
			t.Errorf("rule %q is written by etl/validate or the quality query but not named in labels.tsv", c)
		}
	}
	for _, m := range regexp.MustCompile(`'([a-z_]+)' AS kind`).FindAllStringSubmatch(string(sql), -1) {
		if !Known("quality", m[1]) {
			t.Errorf("quality kind %q is not named in labels.tsv", m[1])
		}
	}
	for _, r := range []report.AmbiguityReason{report.AmbiguousReadings, report.AmbiguousUnit, report.AmbiguousScope,
		report.AmbiguousSplit, report.AmbiguousNoSplit, report.AmbiguousBound} {
		if !Known("ambiguity", string(r)) {
			t.Errorf("ambiguity reason %q is not named", r)
		}
	}
	for _, f := range []report.Form{report.FormTable2021, report.FormTable2019, report.FormLegacy, report.FormNarrative} {
		if !Known("form", string(f)) {
			t.Errorf("form %q is not named", f)
		}
	}
	for _, c := range report.Columns {
		if !Known("column", c) {
			t.Errorf("column %q is not named", c)
		}
	}
}

func TestSortMetrics(t *testing.T) {
	tests := []struct {
		name     string
		in, want []string
	}{
		{"listed in table order", []string{"fees", "received", "granted", "handled"}, []string{"received", "handled", "granted", "fees"}},
		{"unlisted after listed, by code", []string{"zeta", "proactive", "alpha", "received"}, []string{"received", "proactive", "alpha", "zeta"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SortMetrics(slices.Clone(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("SortMetrics(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseRejectsBadLines(t *testing.T) {
	for _, tsv := range []string{"period\n", "period\tyear\t全年\nperiod\tyear\t全年\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("parse(%q) did not refuse the table", tsv)
				}
			}()
			parse(tsv)
		}()
	}
}

// TestSections: every metric's section is one of Sections, in the order a
// report prints them, and the ratios come last.
func TestSections(t *testing.T) {
	secs := Sections()
	if len(secs) == 0 || secs[len(secs)-1] != "比率" {
		t.Fatalf("Sections() = %v, want the report's sections then 比率", secs)
	}
	for _, m := range Metrics() {
		if !slices.Contains(secs, MetricSection(m)) {
			t.Errorf("metric %q: section %q is not listed in Sections %v", m, MetricSection(m), secs)
		}
	}
}
