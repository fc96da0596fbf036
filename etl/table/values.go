package table

import "github.com/xxgk/xxgk/etl/report"

// Run is the run of value cells that follows a row label. Cells is a
// sub-slice of the token stream (the cells of a run are consecutive), so
// reading a row allocates nothing; each cell's Value holds its figure.
type Run struct {
	Cells []Token
	// Open is true when the run stopped at the end of the text: the copy was
	// truncated, so the cells present are the row's first ones.
	Open bool
	// Extra is true when the row's line held more figures than its columns
	// (not counting blank padding): which of them are the row's cells
	// cannot be told, so none is usable.
	Extra bool
}

// ValuesAfter reads up to n value cells after the label token toks[i].
//
// When the label shares its line with other cells (a pipe or tab row), the
// row's values are the cells after it on that line, blanks included; when
// the line holds more value cells than n, the extra cells are trailing
// padding when they are empty, else leading empty cells (a label merged
// over several columns) when those are; when neither, the line holds
// figures that are not the row's, and the run is marked Extra. When
// the label is alone on its line (one cell per line), the values are the
// following cells, until a cell that is not a value. The run never takes
// more than n cells.
func ValuesAfter(toks []Token, i, n int) Run {
	lab := toks[i]
	j := i + 1
	if lab.Multi && lab.Col < lab.LineCells-1 {
		k := j
		for ; k < len(toks) && toks[k].Line == lab.Line && toks[k].IsValue; k++ {
		}
		// More cells than columns: empty cells after the values are
		// padding; failing that, empty cells before them are the rest of a
		// label merged over several columns (a spreadsheet leaves them
		// blank).
		if extra := k - j - n; extra > 0 && !allEmpty(toks[k-extra:k]) && allEmpty(toks[j:j+extra]) {
			j += extra
		}
		open, extra := k == len(toks), false
		if k-j > n {
			extra = !allEmpty(toks[j+n : k])
			k, open = j+n, false
		}
		return Run{Cells: toks[j:k], Open: open, Extra: extra}
	}
	return ValuesFrom(toks, j, n)
}

// ValuesFrom reads up to n value cells starting at toks[i], stopping at the
// first cell that is not a value.
func ValuesFrom(toks []Token, i, n int) Run {
	j := i
	for ; j < len(toks) && j-i < n && toks[j].IsValue; j++ {
	}
	return Run{Cells: toks[i:j], Open: j == len(toks)}
}

// Usable returns how many cells of the run can be placed in their columns:
// all n when the row is complete, the first ones when the text was cut in
// the middle of the row, and none when cells are missing inside the row
// (a dropped blank would shift every later cell into the wrong column).
func (r Run) Usable(n int) int {
	switch {
	case r.Extra:
		return 0
	case len(r.Cells) >= n:
		return n
	case r.Open:
		return len(r.Cells)
	}
	return 0
}

// IsNumber reports whether the value carries a figure.
func (v Value) IsNumber() bool { return v.Kind == report.KindNumber }

func allEmpty(toks []Token) bool {
	for _, t := range toks {
		if t.Text != "" {
			return false
		}
	}
	return true
}
