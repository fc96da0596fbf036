package labels

import (
	"strconv"
	"strings"
)

// Correction names the parts of a human correction a reader sees: mark
// 人工校正, extracted 原读取值, corrected 校正值, why 校正理由, who 校正人,
// none 未读取 (the parser read nothing there), blank 空白, not_a_report
// 非年度报告.
func Correction(code string) string { return word("correction", code) }

// Stale says why a correction no longer does anything: gone, superseded,
// equal, flag_gone (the codes of the named query corrections).
func Stale(code string) string { return word("stale", code) }

// Review names a reader's verdict on a quality flag: confirmed 确认无误,
// needs_fix 需修正.
func Review(code string) string { return word("review", code) }

// Refusal says in Chinese why a line of the corrections file was refused
// (the Refused* codes of etl/correct), with the value the line wrote in
// place of its %s. The caller escapes value for where it is shown.
func Refusal(code, value string) string {
	return strings.Replace(word("refusal", code), "%s", value, 1)
}

// CorrectionLine is 第 N 行, a line of the corrections file.
func CorrectionLine(n int) string {
	return strings.Replace(word("correction", "line"), "%s", strconv.Itoa(n), 1)
}
