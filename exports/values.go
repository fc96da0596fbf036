package exports

import (
	"strings"

	"github.com/xxgk/xxgk/queries"
)

// table is a query result read by column name, with the workbook's own
// readings of a value: a figure for a cell, and text with flags as 是/否.
type table struct{ *queries.Table }

// cell is a figure for a workbook cell: nil (an empty cell) when NULL.
func (t *table) cell(row []any, col string) any {
	v, ok := t.Num(row, col)
	if !ok {
		return nil
	}
	return v
}

// str is column col of row as workbook text (see text).
func (t *table) str(row []any, col string) string { return text(t.Value(row, col)) }

// number is a driver value as a figure; false when NULL or not a number.
func number(v any) (float64, bool) { return queries.Number(v) }

// text converts a driver value to workbook text: a flag reads 是 or 否,
// anything else as queries.Plain; NULL is "".
func text(v any) string {
	if b, ok := v.(bool); ok {
		if b {
			return "是"
		}
		return "否"
	}
	return queries.Plain(v)
}

// safeText neutralises text a spreadsheet would read as a formula (or that
// a CSV export of the sheet would): a leading = + - @ tab or CR gets an
// apostrophe, so the cell shows the text and never runs it.
func safeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width look-alikes are turned into formulas by some spreadsheets.
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}
