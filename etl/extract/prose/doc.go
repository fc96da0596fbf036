// Package prose reads the figures a report states in sentences ("全年共主动
// 公开政府信息1901条", "共受理依申请公开事项15项", "未发生…行政复议和行政
// 诉讼") under the metric keys of spec/metrics.tsv. Every figure carries the
// sentence it came from, quoted from the original text with its offsets, and
// the id of the rule that read it.
//
// The rules work on the normalised text (simplified, half-width) clause by
// clause: a figure is a number with a counting unit, and the words between
// the previous figure of the clause and this one say what it counts. Words
// that mark other things counted in the same paragraphs (来信, 留言, 法律援助,
// visits, followers), other years, cumulative totals and comparisons veto a
// figure. The package does not read tables: pipe rows, and label cells of
// tables laid out one cell a line (a label followed by numeric cells), are no
// sentences; table cells win over prose when the extractor merges them. A
// line broken inside a sentence (PDF and narrow web copies) is joined to the
// next before sentences are cut; the quote then spans the break.
package prose
