package labels

// RunKind names a kind of run of the runs table: ingest 入库, load 载入记录,
// run 入库并生成, build 生成网站和工作簿.
func RunKind(code string) string { return word("run_kind", code) }

// Change names a kind of change-log row: new 新增, changed 有变化,
// removed 已移除, failed 读取失败.
func Change(code string) string { return word("change", code) }

// ReportState says whether a stored report is its file's latest content:
// current 现行, superseded 已被修订版取代 (the words of the site's quality
// page).
func ReportState(current bool) string {
	if current {
		return word("report_state", "current")
	}
	return word("report_state", "superseded")
}
