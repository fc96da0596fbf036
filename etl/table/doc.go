// Package table rebuilds table cells from report text and parses cell values.
//
// Reports reach xxgk as text in several layouts: one cell per line (web pages
// copied as text), pipe rows ("| a | b |", what the HTML, docx and xlsx
// readers print, see HTMLGrid and PipeRows), and rows whose cells are apart
// by tabs or runs of spaces (pdftotext -layout, catdoc, browser copies).
// TextTokens flattens all of them into one stream of cells with byte offsets
// into the normalised text, so the form extractors can read a row as "a
// label followed by its values" whatever the layout; since normalisation
// folds white space, column gaps are judged on the original text. Parse
// reads one cell: a number (with sign, unit and full-width digits), a blank,
// or a not-applicable mark; blank is never zero. White space inside a
// figure is read only as a thousands separator ("2 030", as PDF text layers
// print it); figures whose column gaps were lost ("1 2") are cut into cells.
// A line that is only a page number ("- 3 -", "第3页 共10页") is page
// furniture, not a cell. Each token records the layout of its line (Layout),
// which provenance names as the mechanism that read a cell.
//
// The package knows nothing of the report forms: which labels name which rows
// is the job of etl/extract/tables.
package table
