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

// rateLabels name the ratios the rates query is known to return; a new one
// shows its key and its scope until it is named here.
var rateLabels = map[string]string{
	"grant_rate":                 "公开率",
	"granted_share":              "公开率",
	"partial_share":              "部分公开率",
	"denial_rate":                "不予公开率",
	"denied_share":               "不予公开率",
	"unavailable_share":          "无法提供率",
	"unprocessed_share":          "不予处理率",
	"review_correction_rate":     "复议纠错率",
	"review_corrected_share":     "复议纠错率",
	"litigation_correction_rate": "诉讼纠错率",
	"litigation_corrected_share": "诉讼纠错率",
	"backlog_rate":               "结转率",
	"carried_forward_share":      "结转率",
}

func rateLabel(r string) string {
	if l, ok := rateLabels[r]; ok {
		return l + "（" + r + "）"
	}
	return r
}

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
