package table

import "github.com/xxgk/xxgk/etl/report"

// Run is the run of value cells that follows a row label.
type Run struct {
	Cells  []Token
	Values []Value
	// Open is true when the run stopped at the end of the text: the copy was
	// truncated, so the cells present are the row's first ones.
	Open bool
}

// ValuesAfter reads up to n value cells after the label token toks[i].
//
// When the label shares its line with other cells (a pipe or tab row), the
// row's values are the cells after it on that line, blanks included. When
// the label is alone on its line (one cell per line), the values are the
// following cells, until a cell that is not a value. The run never takes
// more than n cells.
func ValuesAfter(toks []Token, i, n int) Run {
	var r Run
	lab := toks[i]
	j := i + 1
	if lab.Multi && lab.Col < lab.LineCells-1 {
		for ; j < len(toks) && toks[j].Line == lab.Line && len(r.Cells) < n; j++ {
			v, ok := Parse(toks[j].Text)
			if !ok {
				break
			}
			r.Cells, r.Values = append(r.Cells, toks[j]), append(r.Values, v)
		}
		r.Open = j == len(toks)
		return r
	}
	return ValuesFrom(toks, j, n)
}

// ValuesFrom reads up to n value cells starting at toks[i], stopping at the
// first cell that is not a value.
func ValuesFrom(toks []Token, i, n int) Run {
	var r Run
	j := i
	for ; j < len(toks) && len(r.Cells) < n; j++ {
		v, ok := Parse(toks[j].Text)
		if !ok {
			break
		}
		r.Cells, r.Values = append(r.Cells, toks[j]), append(r.Values, v)
	}
	r.Open = j == len(toks)
	return r
}

// Usable returns how many cells of the run can be placed in their columns:
// all n when the row is complete, the first ones when the text was cut in
// the middle of the row, and none when cells are missing inside the row
// (a dropped blank would shift every later cell into the wrong column).
func (r Run) Usable(n int) int {
	switch {
	case len(r.Cells) >= n:
		return n
	case r.Open:
		return len(r.Cells)
	}
	return 0
}

// IsNumber reports whether the value carries a figure.
func (v Value) IsNumber() bool { return v.Kind == report.KindNumber }
