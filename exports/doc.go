// Package exports writes the Excel workbooks officials download and keep
// working in: one comparison workbook (every agency × year for the main
// figures and ratios, group ratios, recent changes, peer ranks, trust,
// failed checks, data-quality findings, the grades of every report (报告质量:
// timeliness, completeness, checks, copying, score and rank in the peer
// group), the agencies left out of comparisons, an index of the agency workbooks and the crosswalk, with
// native Excel charts), one workbook per agency (its figures year by year,
// its peer group with every peer's figures, its rank, percentile and the
// median of its peers without itself, its ratios against its group's, its
// changes, the source of every figure, its trust, its data-quality
// findings and its reports' grades), and an index workbook in the folder of agency workbooks, which
// has one sub-folder per province.
//
// Every workbook follows the practice statistical offices use for
// spreadsheets: a cover sheet (封面: what it covers, the data stamp, how it
// was made, source, contact, how to cite), a contents sheet (目录) linking
// every sheet with a line saying what it holds, a notes sheet (注释) whose
// numbered notes the headers refer to as 〔注N〕, then one table per sheet:
// the title in A1, a line of description in A2, a named Excel table from
// A3 with the units in its header (件, 条, 万元, %). No merged cells; fonts
// set explicitly (等线 11); widths fitted to Chinese text; every sheet prints
// landscape, one page wide, its header row repeated, with a footer naming
// the sheet, the page and the data checksum. Streamed sheets declare their
// real <dimension> and write <col> in ascending order; a table that would
// pass Excel's 1,048,576 rows is split by year and the contents say so.
//
// Everything a reader sees is Chinese, named through package labels (the
// one table of words the site uses too). A blank figure says why in its
// cell (未报告, 空白, 不适用, 该年无报告, 仅有半年报告, 旧表无此项); blank is never
// zero. Marks on a figure are cell styles explained on the notes sheet, and
// words in a 标记 column where a table has one: 约 before an approximate
// figure (a number format: the cell stays a number), a shaded cell for a
// legacy figure mapped by the crosswalk, grey italics for a report whose
// trust score is below lowTrust, 跨表格改版 for a change across two forms.
//
// Agencies are ordered by the division code etl/load stores with their
// reports (etl/detect/divisions.Code of their name, level, province and
// city; the coverage query's division_code). A peer group is one level ×
// one kind of body (etl/load's table of kinds, stored as agency_kind);
// unidentified agencies (未识别机关…), incomplete names (no place) and
// reports of unknown year are kept out of charts, rankings and group sums
// and listed on their own sheet. Group
// statistics are computed here (peers.go) from the harmonised figures and
// the rates query's agency rows, ratios from summed counts.
//
// Workbooks read only named queries (package queries), never their own SQL.
// Text from the reports is untrusted: a cell that would start a formula
// (= + - @ tab CR) gets a leading apostrophe, and file names made from
// agency names are sanitised. Each file is written to a temporary name
// beside its target and renamed into place; the folder of agency workbooks
// is swapped in whole, and an agency's workbook is reused when nothing it
// shows changed (its rows, its group's, the layout and the version).
//
// Extending: a new sheet is a function returning a *sheetSpec, added to the
// list in writeComparison or writeAgency (a report-quality sheet goes
// there). A new mark on figures (e.g. a corrected figure) is a mark bit, its
// style in book.style, its word in markWords and labels.tsv (domain
// marker), and a note in noteTexts; fig carries it to every cell.
package exports
