package labels

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
