package labels

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/xxgk/xxgk/etl/report"
)

//go:embed labels.tsv
var labelsTSV string

// entry is one line of labels.tsv after its domain and code.
type entry []string

// field returns field i of the entry ("" when the line has fewer).
func (e entry) field(i int) string {
	if i < len(e) {
		return e[i]
	}
	return ""
}

// table is labels.tsv parsed: domain → code → fields, and each domain's
// codes in file order.
type table struct {
	byCode map[string]map[string]entry
	order  map[string][]string
}

var tab = parse(labelsTSV)

func parse(tsv string) *table {
	t := &table{byCode: map[string]map[string]entry{}, order: map[string][]string{}}
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			// The table is embedded: a bad line is a build defect, caught
			// by the package's tests.
			panic(fmt.Sprintf("labels.tsv line %d: want domain, code and fields separated by tabs: %q", n+1, line))
		}
		d, code := f[0], f[1]
		if t.byCode[d] == nil {
			t.byCode[d] = map[string]entry{}
		}
		if _, dup := t.byCode[d][code]; dup {
			panic(fmt.Sprintf("labels.tsv line %d: %s %q is listed twice", n+1, d, code))
		}
		t.byCode[d][code] = entry(f[2:])
		t.order[d] = append(t.order[d], code)
	}
	return t
}

// lookup returns field i of code in domain, and whether the code is listed.
func lookup(domain, code string, i int) (string, bool) {
	e, ok := tab.byCode[domain][code]
	if !ok {
		return "", false
	}
	return e.field(i), true
}

// word is the label of code in domain: "" for an empty code, the domain's
// fallback phrase for a code not in the table, never the code itself.
func word(domain, code string) string {
	if code == "" {
		return ""
	}
	if l, ok := lookup(domain, code, 0); ok {
		return l
	}
	return fallback(domain)
}

func fallback(domain string) string {
	if l, ok := lookup("fallback", domain, 0); ok {
		return l
	}
	return "未登记"
}

// Known reports whether code is listed in domain (e.g. "rule", "I1.flow"),
// for callers that show something else for an unlisted code.
func Known(domain, code string) bool {
	_, ok := tab.byCode[domain][code]
	return ok
}

// Period names a period code (year → 全年, h1 → 上半年).
func Period(code string) string { return word("period", code) }

// Level names a level of government (county → 县级).
func Level(code string) string { return word("level", code) }

// Form names a report form (table2021 → 2021 年版表格).
func Form(code string) string { return word("form", code) }

// Source names where a figure was read (table → 表格, prose → 正文).
func Source(code string) string { return word("source", code) }

// Table names one of the tables a cell was read from (applications →
// 政府信息公开申请情况表).
func Table(code string) string { return word("table", code) }

// ValueKind names the kind of a stored value (not_applicable → 不适用).
func ValueKind(code string) string { return word("value_kind", code) }

// Blank says why a cell is blank: not_reported 未报告, empty 空白,
// not_applicable 不适用, no_report 该年无报告, not_in_form 旧表无此项,
// half_year 仅有半年报告.
func Blank(code string) string { return word("blank", code) }

// Status names the outcome of a check (FAIL → 未通过).
func Status(code string) string { return word("status", code) }

// Confidence names the confidence of a crosswalk row (high → 高).
func Confidence(code string) string { return word("confidence", code) }

// Era names the era of a crosswalk row (legacy → 2019 年前).
func Era(code string) string { return word("era", code) }

// RateScope names the scope of a rates row (peer_group → 同类组合计).
func RateScope(code string) string { return word("rate_scope", code) }

// Stage names the stage at which an ingest failed (read → 读取文件).
func Stage(code string) string { return word("stage", code) }

// Ambiguity says why a figure a reader saw was not stored.
func Ambiguity(code string) string { return word("ambiguity", code) }

// Quality names a kind of finding of the quality query.
func Quality(code string) string { return word("quality", code) }

// Column names an applicant column of the application table.
func Column(code string) string { return word("column", code) }

// Rule names a check rule (I1.flow → 收支平衡).
func Rule(code string) string { return word("rule", code) }

// Metric names a comparable metric of the harmonised query, without its
// unit (see Unit).
func Metric(code string) string { return word("metric", code) }

// MetricSection is the section of the report a metric belongs to (主动公开,
// 依申请公开, 办理结果, 复议诉讼, 费用), "" when unknown.
func MetricSection(code string) string { s, _ := lookup("metric", code, 2); return s }

// Unit is the unit of a comparable metric (件, 条, 万元), of a ratio (%), or
// of a raw key of spec/metrics.tsv (by its longest listed prefix); "" when
// none is known.
func Unit(code string) string {
	if u, ok := lookup("metric", code, 1); ok {
		return u
	}
	if _, ok := tab.byCode["rate"][code]; ok {
		return "%"
	}
	best, unit := -1, ""
	for _, p := range tab.order["unit"] {
		if len(p) > best && strings.HasPrefix(code, p) {
			best, unit = len(p), tab.byCode["unit"][p].field(0)
		}
	}
	return unit
}

// Counted reports whether a metric's figures are counts (integers), as
// opposed to money.
func Counted(code string) bool { u := Unit(code); return u != "" && u != "万元" && u != "%" }

// Metrics lists the comparable metrics in display order: the order of the
// application table, then the other tables.
func Metrics() []string { return slices.Clone(tab.order["metric"]) }

// Outcomes lists the metrics that make up the outcome mix of handled
// applications, in the order of the table.
func Outcomes() []string { return slices.Clone(tab.order["outcome"]) }

// SortMetrics orders metric codes for display, in place, and returns them:
// the listed ones in table order, then any others by code.
func SortMetrics(ms []string) []string {
	order := tab.order["metric"]
	rank := func(m string) int {
		if i := slices.Index(order, m); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(ms, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return ms
}

// Rates lists the ratios of the rates query in display order.
func Rates() []string { return slices.Clone(tab.order["rate"]) }

// Rate names a ratio of the rates query (grant_rate → 公开率).
func Rate(code string) string { return word("rate", code) }

// RateFormula says how a ratio is computed, "" when it is not listed.
func RateFormula(code string) string { f, _ := lookup("rate", code, 1); return f }

// PeerGroup names a peer group code of the queries (level·kind, e.g.
// "county·司法局") in words: 县级·司法局. An empty code is "".
func PeerGroup(code string) string {
	if code == "" {
		return ""
	}
	level, kind, ok := strings.Cut(code, "·")
	if !ok {
		return fallback("scope")
	}
	return Level(level) + "·" + kind
}

// Key is the Chinese label of a raw metric key of spec/metrics.tsv, without
// the file's English glosses ("(legacy: …)"): an override of labels.tsv
// when there is one, else the file's label with every parenthesised part
// that holds Latin letters dropped (only those parts of a "; " list) and
// brackets made full-width.
func Key(key string) string {
	if key == "" {
		return ""
	}
	if l, ok := lookup("key", key, 0); ok {
		return l
	}
	if l, ok := keyLabels[key]; ok {
		return l
	}
	if info, ok := report.LookupKey(key); ok && info.Label != "" {
		return cleanLabel(info.Label)
	}
	return fallback("key")
}

// keyLabels are the cleaned labels of spec/metrics.tsv, made once.
var keyLabels = func() map[string]string {
	m := map[string]string{}
	for _, k := range report.Keys() {
		m[k.Key] = cleanLabel(k.Label)
	}
	return m
}()

// cleanLabel drops the English glosses of a metrics.tsv label.
func cleanLabel(s string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			b.WriteString(s)
			break
		}
		end := strings.IndexByte(s[open:], ')')
		if end < 0 {
			b.WriteString(s)
			break
		}
		var keep []string
		for _, part := range strings.Split(s[open+1:open+end], ";") {
			if part = strings.TrimSpace(part); part != "" && !hasLatin(part) {
				keep = append(keep, strings.ReplaceAll(strings.ReplaceAll(part, ", ", "，"), ",", "，"))
			}
		}
		if len(keep) > 0 {
			// A full-width bracket needs no space before it.
			b.WriteString(strings.TrimRight(s[:open], " "))
			b.WriteString("（" + strings.Join(keep, "；") + "）")
		} else {
			b.WriteString(s[:open])
		}
		s = s[open+end+1:]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasLatin(s string) bool {
	for _, r := range s {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Mechanism names how a figure was read, from its provenance's source
// (table, prose) and rule: the rule's own label, else its family's (the
// part before the first dot: P20 for P20.outcome), else the source's. An
// unlisted code is never shown.
func Mechanism(source, rule string) string {
	if rule != "" {
		if l, ok := lookup("mechanism", rule, 0); ok {
			return l
		}
		if fam, _, ok := strings.Cut(rule, "."); ok {
			if l, ok := lookup("mechanism", fam, 0); ok {
				return l
			}
		}
	}
	if l, ok := lookup("mechanism", source, 0); ok {
		return l
	}
	return fallback("mechanism")
}

// Number shows a figure for readers: an integer with thousands separators
// (1,234), other values with up to four decimals and no trailing zeros
// (0.004, 12.5).
func Number(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return groupThousands(strconv.FormatInt(int64(f), 10))
	}
	s := strconv.FormatFloat(f, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func groupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// Domain returns every code of a domain with its label (e.g. "mechanism",
// "form"), for renderers that name codes in the browser, such as the site's
// source pages.
func Domain(domain string) map[string]string {
	out := make(map[string]string, len(tab.order[domain]))
	for _, c := range tab.order[domain] {
		out[c] = tab.byCode[domain][c].field(0)
	}
	return out
}

// DeadlineBasis names the rule a report's publication deadline comes from
// (art49_department → 2019 年《条例》第四十九条（政府部门）：次年 1 月 31 日前).
func DeadlineBasis(code string) string { return word("deadline_basis", code) }

// Timeliness names the timeliness verdict of a report (late → 逾期发布).
func Timeliness(code string) string { return word("timeliness", code) }

// Regime names what the regulations require of a report's contents
// (art32_2008 → 2008 年《条例》第三十二条).
func Regime(code string) string { return word("regime", code) }

// Part names a required part of a report (review → 政府信息公开行政复议、
// 行政诉讼情况).
func Part(code string) string { return word("part", code) }

// PartStatus says whether a required part is there (missing → 缺少).
func PartStatus(code string) string { return word("part_status", code) }

// RowStatus says what a row of the form's tables holds (blank → 空白).
func RowStatus(code string) string { return word("row_status", code) }

// ItemKind names the kind of a completeness item (row → 表格行).
func ItemKind(code string) string { return word("item_kind", code) }

// FormRow names a row of the form's tables as completeness_items lists it
// (granted → 予以公开, denied_law → （三）2.其他法律行政法规禁止公开).
func FormRow(code string) string {
	if code == "" {
		return ""
	}
	if n := rowName(code); n != "" {
		return n
	}
	return fallback("scope")
}

// CopyStatus names the verdict of the similarity query (copied_prev → 与本
// 机关上年报告大量雷同).
func CopyStatus(code string) string { return word("copy_status", code) }

// CheckKind names a kind of consistency finding (prose_table → 正文与表格一致).
func CheckKind(code string) string { return word("check_kind", code) }

// Fallback is the phrase shown for a code of domain that is not listed.
func Fallback(domain string) string { return fallback(domain) }

// Sections lists the sections of a report the comparable metrics belong
// to, in the order a report prints them, then the ratios (比率): how the
// explorer and the metric pages group them.
func Sections() []string {
	out := make([]string, 0, len(tab.order["section"]))
	for _, c := range tab.order["section"] {
		out = append(out, tab.byCode["section"][c].field(0))
	}
	return out
}

// Header is the Chinese header of a query column (agency → 机关, value →
// 数值) for CSV files and downloads. A column not listed keeps its code
// rather than a fallback phrase: two unlisted columns must not share a
// header, and a new column is never dropped (the tests of exports/dataset
// hold every named query's columns to having one).
func Header(col string) string {
	if h, ok := lookup("header", col, 0); ok {
		return h
	}
	return col
}

// ColumnNote says what column col of file (dataset, reports, checks,
// dictionary) of the dataset holds, for its dictionary and
// datapackage.json; "" when it is not listed.
func ColumnNote(file, col string) string { d, _ := lookup("dataset_column", file+"."+col, 0); return d }

// DataType names a Frictionless data type (integer → 整数).
func DataType(code string) string { return word("data_type", code) }

// DictionaryEntry names a kind of entry of the data dictionary: column
// 字段, metric 指标, key 原始指标, code 代码.
func DictionaryEntry(code string) string { return word("dictionary_entry", code) }

// Codes lists the codes of a domain in the order of the table (e.g. every
// level, every form), for callers that list a domain whole.
func Codes(domain string) []string { return slices.Clone(tab.order[domain]) }
