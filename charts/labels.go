package charts

import "github.com/xxgk/xxgk/etl/report"

// metricLabels name the harmonised metrics in Chinese, in display order.
var metricOrder = []string{
	"received", "carried_over", "handled", "granted", "partial", "denied", "unavailable", "unprocessed", "other",
	"carried_forward", "proactive", "review_total", "review_corrected", "litigation_total", "litigation_corrected", "fees",
}

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
	"fees":                 "收费（元）",
}

// outcomeMetrics make up an outcome mix, in the order of the application table.
var outcomeMetrics = []string{"granted", "partial", "denied", "unavailable", "unprocessed", "other"}

// metricLabel names a harmonised metric; an unknown one keeps its key.
func metricLabel(m string) string {
	if l, ok := metricLabels[m]; ok {
		return l
	}
	return m
}

// rateLabels name the ratios of the rates query and say how each is
// computed; a ratio added to the query later shows its key until named here.
var rateLabels = map[string][2]string{
	"grant_rate":                 {"公开率", "（予以公开 + 部分公开）/ 办理结果总计"},
	"denial_rate":                {"不予公开率", "不予公开 / 办理结果总计"},
	"unavailable_rate":           {"无法提供率", "无法提供 / 办理结果总计"},
	"review_correction_rate":     {"复议纠错率", "复议结果纠正 / 行政复议总数"},
	"litigation_correction_rate": {"诉讼纠错率", "诉讼结果纠正 / 行政诉讼总数"},
}

func rateLabel(r string) string {
	if l, ok := rateLabels[r]; ok {
		return l[0]
	}
	return r
}

// rateFormula says how a ratio is computed, or "" when unknown.
func rateFormula(r string) string { return rateLabels[r][1] }

// keyLabel names a raw metric key of spec/metrics.tsv.
func keyLabel(k string) string {
	if info, ok := report.LookupKey(k); ok && info.Label != "" {
		return info.Label
	}
	if l, ok := metricLabels[k]; ok {
		return l
	}
	return k
}
