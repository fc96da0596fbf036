// Package table rebuilds table cells from report text and parses cell values.
//
// Reports reach xxgk as text in several layouts: one cell per line (web pages
// copied as text), pipe rows ("| a | b |", what the HTML, docx and xlsx
// readers print), and tab- or multi-space-separated rows (pdftotext -layout,
// catdoc). Tokens flattens all of them into one stream of cells with byte
// offsets, so the form extractors can read a row as "a label followed by its
// values" whatever the layout. Parse reads one cell: a number (with sign,
// unit and full-width digits), a blank, or a not-applicable mark; blank is
// never zero.
//
// The package knows nothing of the report forms: which labels name which rows
// is the job of etl/extract/tables.
package table
