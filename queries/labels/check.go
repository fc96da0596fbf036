package labels

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// The fields of a rule line of labels.tsv after its code.
const (
	ruleName = iota
	ruleScope
	ruleLeft
	ruleRelation
	ruleRight
)

// Scope names the scope of a check of rule (the applicant column, table
// row, key, metric or group it was applied to) for the start of its
// sentence: 总计列, 予以公开行, 行政复议. It is "" when the rule names its
// scope itself or there is none.
func Scope(rule, scope string) string {
	if scope == "" {
		return ""
	}
	kind, ok := lookup("rule", rule, ruleScope)
	if !ok {
		// An unlisted rule: name the scope by what it looks like.
		switch {
		case Known("column", scope):
			return Column(scope) + "列"
		case Known("scope", scope):
			return word("scope", scope)
		case Known("metric", scope):
			return Metric(scope)
		}
		if _, ok := report.LookupKey(scope); ok {
			return Key(scope)
		}
		return ""
	}
	switch kind {
	case "column":
		return Column(scope) + "列"
	case "row":
		if n := rowName(scope); n != "" {
			return n + "行"
		}
		return fallback("scope")
	case "key":
		return Key(scope)
	case "metric":
		return Metric(scope)
	case "group":
		return word("scope", scope)
	}
	return ""
}

// rowName names a row of a form's tables (granted, denied_law, rules) by
// the scope domain, else by the label of its total cell; "" when neither
// knows it.
func rowName(row string) string {
	if Known("scope", row) {
		return word("scope", row)
	}
	if _, ok := report.LookupKey(row + ".total"); ok {
		return strings.TrimSuffix(Key(row+".total"), " × 总计")
	}
	return ""
}

// Check writes a check or a quality finding as a Chinese sentence with its
// figures, e.g. 「总计列：本年新收与上年结转之和（12）不等于办理结果总计与
// 结转下年度之和（10）」. An empty status is read as a failure (the quality
// query lists only problems). Keys named in the detail of a check that
// could not be assessed are listed by their labels; the rest of the detail
// (written in English by the validator) is not shown. A rule that is not
// in the table gets a generic sentence, never its code.
func Check(c report.Check) string {
	e, a := figure(c.Expected), figure(c.Actual)
	status := c.Status
	if status == "" {
		status = report.Fail
	}
	if !Known("rule", c.Rule) {
		var s string
		switch status {
		case report.NotAssessable:
			s = fallback("rule") + "：无法核验"
		case report.Pass:
			s = fallback("rule") + "：通过"
		default:
			s = fallback("rule") + "未通过"
			if c.Expected != nil || c.Actual != nil {
				s += "：应为 " + e + "，实际为 " + a
			}
		}
		return prefix(Scope(c.Rule, c.Scope), s)
	}
	left, _ := lookup("rule", c.Rule, ruleLeft)
	right, _ := lookup("rule", c.Rule, ruleRight)
	rel, _ := lookup("rule", c.Rule, ruleRelation)
	var s string
	switch {
	case rel == "none":
		s = left
	case status == report.NotAssessable:
		if strings.Contains(c.Detail, "approximate") {
			s = left + "为约数，无法与" + right + "比较"
		} else {
			s = left + "或" + right + "有空白或缺失，无法核验"
			if keys := detailKeys(c.Detail); len(keys) > 0 {
				s += "（空白或缺失：" + strings.Join(keys, "、") + "）"
			}
		}
	case rel == "jump":
		s = left + "为 " + e + "，" + right + "为 " + a
		if c.Expected != nil && c.Actual != nil && *c.Expected != 0 {
			s += "，是前者的 " + ratio(*c.Actual / *c.Expected) + " 倍"
		}
	case rel == "ge":
		verb := "小于"
		if status == report.Pass {
			verb = "不小于"
		}
		s = left + "（" + e + "）" + verb + right + "（" + a + "）"
	default: // eq, carry
		verb := "不等于"
		if status == report.Pass {
			verb = "等于"
		}
		s = left + "（" + e + "）" + verb + right + "（" + a + "）"
	}
	if q := proseQuote(c.Detail); q != "" {
		s += "。正文原句：“" + q + "”"
	}
	return prefix(Scope(c.Rule, c.Scope), s)
}

func prefix(scope, s string) string {
	if scope == "" {
		return s
	}
	return scope + "：" + s
}

func figure(v *float64) string {
	if v == nil {
		return "—"
	}
	return Number(*v)
}

// ratio shows a multiple: one decimal from 1 up, two below.
func ratio(r float64) string {
	if r >= 1 {
		return strconv.FormatFloat(r, 'f', 1, 64)
	}
	return strconv.FormatFloat(r, 'f', 2, 64)
}

// keyRE finds metric keys in a validator's detail ("blank or missing:
// apps_new.person, granted.person").
var keyRE = regexp.MustCompile(`[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+`)

// detailKeys names the known metric keys of a detail, in order, once each.
func detailKeys(detail string) []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range keyRE.FindAllString(detail, -1) {
		if _, ok := report.LookupKey(k); !ok || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, Key(k))
	}
	return out
}

// proseRE is the prose-against-table detail: prose "SENTENCE" says X, ...
var proseRE = regexp.MustCompile(`^prose ("(?:[^"\\]|\\.)*") says`)

// proseQuote is the sentence quoted by a prose-against-table detail, "" when
// there is none.
func proseQuote(detail string) string {
	m := proseRE.FindStringSubmatch(detail)
	if m == nil {
		return ""
	}
	q, err := strconv.Unquote(m[1])
	if err != nil {
		return ""
	}
	return strings.Join(strings.Fields(q), " ")
}
