package legacy

import (
	"strings"

	"github.com/xxgk/xxgk/etl/table"
)

// A provincial table copied from a page often arrives flattened onto one
// line, its cells apart by single spaces (real-variants.md item 20):
//
//	指标名称 单位 本年度 历年累计 一、主动公开情况 主动公开信息数 条 120 560 其中：全文电子化 条 100 480 …
//
// No column gap is left to cut it by. The row names are the anchors: the
// line is cut into words, each run of words between figures is a row name
// (after any heading words before it), and the figures that follow it, up
// to the next name, are its cells.

// minFlatRows is how many row names with figures a line must hold to be
// read as a flattened table rather than a sentence.
const minFlatRows = 2

// maxLabelWords bounds the words a row name may span ("（一）", "主动公开政府
// 信息数", "（不同渠道和方式公开相同信息计1条）").
const maxLabelWords = 4

// flatLine reads the line that starts at toks[i] as a flattened table when
// it is one, and returns the index of the token after the line.
func (r *reader) flatLine(toks []table.Token, i int) (int, bool) {
	tok := &toks[i]
	if tok.Col != 0 || (tok.Layout != table.LayoutCell && tok.Layout != table.LayoutSpaced) {
		return 0, false
	}
	last := i + int(tok.LineCells) - 1
	if last >= len(toks) {
		return 0, false
	}
	s, e := tok.Start, toks[last].End
	line := r.t.Norm[s:e]
	if len(line) < 24 || strings.Count(line, " ") < 2*minFlatRows || !hasDigit(line) {
		return 0, false
	}
	words := lineWords(r.t.Norm, s, e, tok.Line)
	if flatRows(words) < minFlatRows {
		return 0, false
	}
	for j := 0; j < len(words); {
		j = r.flatStep(words, j)
	}
	return last + 1, true
}

// lineWords cuts norm[s:e] at its spaces into tokens laid out as one row.
func lineWords(norm string, s, e int, line int32) []table.Token {
	var words []table.Token
	start := s
	for k := s; k <= e; k++ {
		if k < e && norm[k] != ' ' {
			continue
		}
		if start < k {
			w := norm[start:k]
			v, ok := table.Parse(w)
			canon := w
			if !ok {
				canon = table.Canon(w)
			}
			words = append(words, table.Token{Text: w, Start: start, End: k, Line: line, Multi: true,
				Layout: table.LayoutSpaced, Canon: canon, Value: v, IsValue: ok})
		}
		start = k + 1
	}
	for k := range words {
		words[k].Col, words[k].LineCells = int32(k), int32(len(words))
	}
	return words
}

// flatRows counts the row names in words that some figure follows.
func flatRows(words []table.Token) int {
	n := 0
	for i := 0; i < len(words); {
		j := nameRun(words, i)
		if j == i {
			i++
			continue
		}
		if _, _, ok := rowName(words, i, j); ok {
			k := j
			for k < len(words) && isUnit(words[k].Canon) && !words[k].IsValue {
				k++
			}
			if k < len(words) && words[k].IsValue {
				n++
			}
		}
		i = j
	}
	return n
}

// nameRun returns the end of the run of name words (neither figures nor
// units) that starts at words[i].
func nameRun(words []table.Token, i int) int {
	j := i
	for j < len(words) && !words[j].IsValue && !isUnit(words[j].Canon) {
		j++
	}
	return j
}

// rowName finds the row name that ends a run of words[i:j]: the longest
// suffix of at most maxLabelWords words that names an indicator. The words
// before it are headings.
func rowName(words []table.Token, i, j int) (int, indicator, bool) {
	for from := max(i, j-maxLabelWords); from < j; from++ {
		var b strings.Builder
		for k := from; k < j; k++ {
			b.WriteString(words[k].Canon)
		}
		if ind, ok := match(table.Canon(b.String())); ok {
			return from, ind, true
		}
	}
	return 0, indicator{}, false
}

// flatStep reads the words from words[i]: a header, headings and a row name
// with its figures, or a stray word. It returns the index to read next.
func (r *reader) flatStep(words []table.Token, i int) int {
	j := nameRun(words, i)
	if j == i {
		return i + 1 // a figure or a unit that follows no name
	}
	if next := r.flatHeader(words, i, j); next > i {
		return next
	}
	from, ind, ok := rowName(words, i, j)
	if !ok {
		r.heading(joinCanon(words[i:j]))
		return j
	}
	if from > i {
		r.heading(joinCanon(words[i:from]))
	}
	// The name as one cell, over the words it spans, in the place of its
	// last word: the row is read from there.
	name := &words[j-1]
	name.Start = words[from].Start
	name.Text = r.t.Norm[name.Start:name.End]
	name.Canon = table.Canon(joinCanon(words[from:j]))
	return r.row(words, j-1, ind, true)
}

// flatHeader reads a column header at the start of the name run
// words[i:j]: two or more header words, at least one a value column. It
// returns the index after them, or i.
func (r *reader) flatHeader(words []table.Token, i, j int) int {
	var classes []colClass
	var printed, canon []string
	values := 0
	k := i
	for ; k < j; k++ {
		c := classify(words[k].Canon)
		if c == colUnknown {
			break
		}
		if c.isValue() {
			values++
		}
		classes = append(classes, c)
		printed = append(printed, table.Quote(r.t, words[k]))
		canon = append(canon, words[k].Canon)
	}
	if len(classes) < 2 || values == 0 {
		return i
	}
	r.cols = newColumns(classes, printed, canon)
	return k
}

func joinCanon(ws []table.Token) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.Canon)
	}
	return b.String()
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
