package queries

import (
	"slices"

	"github.com/xxgk/xxgk/etl/report"
)

// metricOrder lists the metrics of the harmonised query in display order:
// the order of the application table, then the other tables.
var metricOrder = []string{
	"received", "carried_over", "handled", "granted", "partial", "denied", "unavailable", "unprocessed", "other",
	"carried_forward", "proactive", "review_total", "review_corrected", "litigation_total", "litigation_corrected", "fees",
}

// metricLabels name the metrics of the harmonised query in Chinese.
var metricLabels = map[string]string{
	"received":             "收到申请",
	"carried_over":         "上年结转",
	"handled":              "办理结果总计",
	"granted":              "予以公开",
	"partial":              "部分公开",
	"denied":               "不予公开",
	"unavailable":          "无法提供",
	"unprocessed":          "不予处理",
	"other":                "其他处理",
	"carried_forward":      "结转下年度",
	"proactive":            "主动公开",
	"review_total":         "行政复议",
	"review_corrected":     "复议纠正",
	"litigation_total":     "行政诉讼",
	"litigation_corrected": "诉讼纠正",
	"fees":                 "收费（万元）",
}

// MetricLabel names a metric of the harmonised query in Chinese; a metric
// added to the query later keeps its key until named here.
func MetricLabel(m string) string {
	if l, ok := metricLabels[m]; ok {
		return l
	}
	return m
}

// SortMetrics orders metric keys for display, in place, and returns them:
// the known ones in the order of the application table, then any others by
// key.
func SortMetrics(ms []string) []string {
	rank := func(m string) int {
		if i := slices.Index(metricOrder, m); i >= 0 {
			return i
		}
		return len(metricOrder)
	}
	slices.SortStableFunc(ms, func(a, b string) int {
		ra, rb := rank(a), rank(b)
		if ra != rb {
			return ra - rb
		}
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	})
	return ms
}

// KeyLabel names a raw metric key of spec/metrics.tsv (the keys of the
// sources query), falling back on MetricLabel.
func KeyLabel(k string) string {
	if info, ok := report.LookupKey(k); ok && info.Label != "" {
		return info.Label
	}
	return MetricLabel(k)
}

// rateLabels name the ratios of the rates query and say how each is
// computed.
var rateLabels = map[string][2]string{
	"grant_rate":                 {"公开率", "（予以公开 + 部分公开）/ 办理结果总计"},
	"denial_rate":                {"不予公开率", "不予公开 / 办理结果总计"},
	"unavailable_rate":           {"无法提供率", "无法提供 / 办理结果总计"},
	"review_correction_rate":     {"复议纠错率", "复议结果纠正 / 行政复议总数"},
	"litigation_correction_rate": {"诉讼纠错率", "诉讼结果纠正 / 行政诉讼总数"},
}

// RateLabel names a ratio of the rates query in Chinese; a ratio added to
// the query later keeps its key until named here.
func RateLabel(r string) string {
	if l, ok := rateLabels[r]; ok {
		return l[0]
	}
	return r
}

// RateFormula says how a ratio of the rates query is computed, or "" when
// it is not named here.
func RateFormula(r string) string { return rateLabels[r][1] }

// OutcomeMetrics returns the metrics that make up the outcome mix of the
// handled applications, in the order of the application table.
func OutcomeMetrics() []string {
	return []string{"granted", "partial", "denied", "unavailable", "unprocessed", "other"}
}

// levelLabels name the levels of government the way readers of the pages
// and workbooks say them; the database keeps the codes.
var levelLabels = map[string]string{
	"province": "省级", "city": "市级", "county": "县级", "township": "乡镇级",
}

// LevelLabel is the Chinese name of a level code; an unknown code is shown
// as it is.
func LevelLabel(code string) string {
	if l, ok := levelLabels[code]; ok {
		return l
	}
	return code
}

// ambiguityLabels name the reasons a figure was seen and left out
// (report.AmbiguityReason), the way pages and workbooks say them.
var ambiguityLabels = map[report.AmbiguityReason]string{
	report.AmbiguousReadings: "多种读法",
	report.AmbiguousUnit:     "单位不明",
	report.AmbiguousScope:    "归属不明",
	report.AmbiguousSplit:    "粘连数字可多种拆分",
	report.AmbiguousNoSplit:  "粘连数字无一致拆分",
	report.AmbiguousBound:    "拆分搜索超出限度",
}

// AmbiguityLabel is the Chinese name of an ambiguity reason code; a code a
// reader adds later is shown as it is until named here.
func AmbiguityLabel(reason string) string {
	if l, ok := ambiguityLabels[report.AmbiguityReason(reason)]; ok {
		return l
	}
	return reason
}
