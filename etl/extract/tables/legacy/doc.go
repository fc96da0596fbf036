// Package legacy reads the pre-2019 statistical tables: the national
// 《政府信息公开情况统计表》 (国办发〔2014〕32号, report years 2014–2018) and the
// provincial tables of 2008–2013 before it (domain.md §1.4). A row is a name,
// an optional unit cell (the 单位 column), and its figures.
//
// Row names are mapped onto metric keys by a documented vocabulary, rows.tsv:
// each national and provincial wording (受理依申请公开信息总数, 对申请的答复总数,
// 否决公开, 当面/传真/网上/信函) with its key and the table it is attested in.
// Rows the tables print that have no key (电子邮件, 行政申诉数, 全文电子化, 咨询)
// are recognised and stored nowhere, so their figures never fill another key.
// Sections give short names their meaning: 维持具体行政行为数 is a review
// figure under 行政复议 and a litigation figure under 行政诉讼, 当面 an
// application channel under 依申请公开 and nothing under 咨询.
//
// Provincial tables print two value columns. Which is the year's figure is
// read from the column header: 本年, 本年度, 本期实际, 2009年度 and 统计数 are,
// 历年累计, 本年累计, 上年 and 增减 never are. A pipe row as wide as its header
// is read by position; other rows by their count of figures. A row whose
// figures do not fit the header, two figures under no header, and an amount
// with no money unit are left out and recorded as report.Ambiguity: blank
// stays blank rather than taking a cumulative figure for the year's.
//
// Layouts: whatever etl/table cuts (one cell per line, pipe rows, column
// gaps), and a table flattened onto one spaced line, read with the row names
// as anchors (flat.go). Fewer than three rows are not taken for a table.
package legacy
