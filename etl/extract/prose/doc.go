// Package prose reads the figures a report states in sentences ("全年共主动
// 公开政府信息1901条", "共受理依申请公开事项15项", "未发生…行政复议和行政
// 诉讼") under the metric keys of spec/metrics.tsv, and the figures it saw
// but would not store (report.Ambiguity: two readings fit, a unit is lost,
// whose figure it is is unclear, a value would only follow by arithmetic).
//
// A sentence is read as clauses, not matched against one pattern per
// phrasing. It is cut into tokens once (tokens.go): counts (a number, 余/多,
// 万 and a unit of a class: items, events, places, people, money), the
// words of the lexicon (lexicon.go) and the marks that cut clauses and
// asides. The lexicon is the phrasing table of domain.md §4.1 as data: each
// word says which part of a clause it plays — an act (主动公开, 收到, 答复,
// 制发, 报送), a channel (网站 in its names 政务网, 信息网, 门户, “中国XX”;
// 微博, 微信, new-media platforms, 公报, the disclosure catalogue), an object
// (information in general, one kind of it, documents, applications), a
// scope (本级, 全区, 各部门), another body's business (留言, 法律援助, a
// platform), an outcome row, a reason, a case kind or result, a legacy
// indicator, a mark (其中, 含, 累计, 较, 等), a denial.
//
// Each count is a frame (read.go): the words of its clause before it back
// to the previous count, or after it when the figure comes first ("1件予以
// 公开"). The nearest deciding word gives its domain (proactive, policy
// interpretations, applications, answers, cases, fees, legacy indicators,
// Article 20), and the domain's reader decides the key from the frame's
// act, object, channels, scope and its relation to its neighbours: a 其中
// list or an aside "(含…)" holds parts of the figure before, so a kind of
// item (规章13件, 公文93件, 工作动态) is never a total or a channel's count,
// and a total needs wording of information in general. Zeros in words
// (zero.go) are read from a denial and what follows it, or a topic answered
// 无 or 为零.
//
// Scope: a figure carries the scope its clause names (or the sentence named
// before it). The report's own scope wins: a government's 本级 over 全区, the
// aggregate in a report compiled from the area's bodies' reports; a
// department's report quoting every body of the area stores nothing. In a
// government's report a 本级 figure listed after the area's ("全区…6800余条,
// 其中区政府本级…1260条") and a 本级 zero ("区政府本级未发生行政诉讼") are
// figures of the own scope, not parts of the area's. The
// rule codes and their Chinese descriptions are listed in Rules; every
// figure's provenance names its rule and quotes its sentence from the
// original bytes (normalize.Text.Quote), a sentence joined across broken
// lines included.
//
// The package does not read tables: pipe rows, and label cells of tables
// laid out one cell a line (a label followed by numeric cells), are no
// sentences; table cells win over prose when the extractor merges them.
// Damaged text is read as it is: a count on the line after its noun, a page
// number inside a word ("其3中"), page furniture ("- 2 -", "第 3 页") inside
// a sentence, digits spaced out ("2 030 条", joined only when every group
// has three digits and the figure ends at its unit), '?' for a lost blank,
// lost 年/月/日 glyphs (a date fragment has no unit, so it is no count); the
// review table's header laid out as text is no sentence.
package prose
