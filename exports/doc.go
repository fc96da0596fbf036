// Package exports writes the Excel workbooks officials download: one
// comparison workbook (every agency × year for the main figures, ratios,
// year-on-year changes, peer ranks, trust and failed checks, with native
// Excel charts) and one workbook per agency that sets the agency against its
// peers year over year, with the source sentence of every figure.
//
// Workbooks read only named queries (package queries), never their own SQL.
// Blank stays blank: a NULL figure is an empty cell, never 0. Text from the
// reports is untrusted: a cell that would start a formula (= + - @ tab CR)
// gets a leading apostrophe, and file names made from agency names are
// sanitised. Each file is written to a temporary name beside its target and
// renamed into place; the per-agency folder is swapped in whole.
package exports
