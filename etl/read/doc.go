// Package read turns an input file into a report.Document: the file's
// identity (SHA-256, size), its format and encoding, and its decoded text
// with tables laid out as pipe rows.
//
// The reader is chosen by content (magic bytes, markup), not by extension:
// plain text, HTML, docx and xlsx are read in process; PDF, legacy .doc and
// .xls go through pdftotext (poppler-utils), catdoc or antiword, and xls2csv
// (catdoc) when installed.
// Untrusted input is bounded by Limits: file size checked before reading,
// zip expansion capped, and what a reader may accumulate — text, table
// cells, spreadsheet rows, markup nodes — capped while it reads: xlsx rows
// come through excelize's row iterator and docx elements from the
// archive's stream, never whole. Every reader stops when its context ends,
// closing and removing its temporaries; external tools run in a process
// group of their own, killed whole. A file is opened non-blocking and
// checked to be regular on the open descriptor (OpenRegular). Every
// failure is a *report.FileError at StageRead naming the file and the
// reason; a limit passed is a *LimitError naming the flag that raises it.
//
// A report delivered as HTML inside a JavaScript or JSON string (a script
// data file saved as text, or a page that fills itself in from a script) is
// laid out as any page is: the string's HTML replaces it (jshtml.go). A
// text file holding tables as page source (<table><tr><td>… blocks between
// prose lines) has each block laid out as pipe rows (rawhtml.go).
//
// The package does not normalise text (etl/normalize does) and does not
// interpret it.
package read
