// Package read turns an input file into a report.Document: the file's
// identity (SHA-256, size), its format and encoding, and its decoded text
// with tables laid out as pipe rows.
//
// The reader is chosen by content (magic bytes, markup), not by extension:
// plain text, HTML, docx and xlsx are read in process; PDF, legacy .doc and
// .xls go through pdftotext (poppler-utils), catdoc or antiword, and xls2csv
// (catdoc) when installed.
// Untrusted input is bounded by Limits: file size checked before reading,
// zip expansion capped, external tools killed after a timeout. Every failure
// is a *report.FileError at StageRead naming the file and the reason.
//
// A report delivered as HTML inside a JavaScript or JSON string (a script
// data file saved as text, or a page that fills itself in from a script) is
// laid out as any page is: the string's HTML replaces it (jshtml.go).
//
// The package does not normalise text (etl/normalize does) and does not
// interpret it.
package read
