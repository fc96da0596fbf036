package table

import (
	"strings"

	"github.com/xxgk/xxgk/etl/normalize"
)

// Token is one cell of the text, with its byte span in the text it was cut
// from (the normalised text, so the caller can map it back to the original).
//
// A report has thousands of tokens, so the small fields are int32 and the
// flags packed after them: the slice is allocated and scanned once per report.
type Token struct {
	Text       string
	Start, End int
	Line       int32 // index of the source line among the lines that gave cells
	Col        int32 // position of the cell on its line
	LineCells  int32 // number of cells on its line
	Multi      bool  // the line held several cells: a row laid out on one line
	IsValue    bool  // the cell is a value (a figure or a blank), not a label
	Layout     Layout

	Canon string // the cell folded by Canon, for label matching; values and sentences keep their text
	Value Value  // the cell parsed by Parse, when IsValue
}

// Layout is how the line of a token was cut into cells: the mechanism a
// table cell was read with, named in its provenance (see Rule).
type Layout uint8

// The layouts of a line.
const (
	LayoutCell   Layout = iota // the line is one cell (one cell per line)
	LayoutPipe                 // pipe row: "| a | b |"
	LayoutGaps                 // cells apart by tabs or runs of spaces (pdftotext -layout)
	LayoutSpaced               // a label then values apart by single spaces ("规章 0 0 3")
)

// Rule names the layout for Provenance.Rule.
func (l Layout) Rule() string {
	switch l {
	case LayoutPipe:
		return "table.pipe"
	case LayoutGaps:
		return "table.gaps"
	case LayoutSpaced:
		return "table.spaced"
	}
	return "table.cells"
}

// Tokens cuts text into cells, in reading order. Each line is one row when it
// holds pipes, tabs or runs of two or more spaces between cells, and one cell
// otherwise. Empty lines and lines made only of pipes or rule dashes are
// layout, not cells; an empty cell between two pipes or two tabs on a row is
// a real blank cell and is kept.
//
// When the text does not end at a line break or cell separator, its last
// token was cut mid-word (a truncated copy) and is dropped, so a cut "12" is
// never read as 1.
func Tokens(text string) []Token { return tokens(nil, text, nil) }

// TextTokens cuts a normalised text into cells. Normalisation folds runs of
// white space into one space, so the gaps between cells are judged on the
// original white space each space of Norm came from.
func TextTokens(t *normalize.Text) []Token { return TextTokensInto(nil, t) }

// TextTokensInto is TextTokens writing into buf's storage when it is large
// enough (buf's contents are overwritten), so a caller that reads one report
// after another can reuse one token slice instead of allocating a large one
// per report.
func TextTokensInto(buf []Token, t *normalize.Text) []Token {
	return tokens(buf, t.Norm, func(s, e int) string {
		os, oe := t.OrigSpan(s, e)
		return t.Orig[os:oe]
	})
}

// tokens cuts text into buf's storage; orig returns the original text behind
// a span of white space, or is nil when text is the original.
func tokens(buf []Token, text string, orig func(s, e int) string) []Token {
	if orig == nil {
		orig = func(s, e int) string { return text[s:e] }
	}
	// A line gives one token, or one per tab or pipe separated cell: sized
	// so a report's token slice is rarely grown (a Token is large).
	out := buf[:0]
	if n := strings.Count(text, "\n") + strings.Count(text, "\t") + strings.Count(text, "|") + 8; cap(out) < n {
		out = make([]Token, 0, n)
	}
	line := 0
	var spans []span // the cells of one line, reused from line to line
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		n := len(out)
		out, spans = appendLine(out, spans[:0], text, pos, end, line, orig)
		if len(out) > n {
			line++
		}
		pos = end + 1
	}
	if k := len(out); k > 0 && cutShort(text[out[k-1].End:]) {
		out = out[:k-1]
	}
	return out
}

// cutShort reports whether the text after the last cell shows the cell was cut:
// nothing follows it but spaces, with no separator.
func cutShort(rest string) bool {
	return strings.TrimRight(rest, " \u3000\u00a0") == "" && !strings.ContainsAny(rest, "\n|\t")
}

// maxLabel bounds the byte length of a cell that may be a label; longer
// cells are sentences and are not folded (their Canon is their text).
const maxLabel = 160

// span is a byte range of the text.
type span struct{ s, e int }

// appendLine appends the cells of the line text[s:e] to out. buf is scratch
// space for the line's cell spans; it is returned for the next line.
func appendLine(out []Token, buf []span, text string, s, e, line int, orig func(s, e int) string) ([]Token, []span) {
	var cells []span
	layout := LayoutCell
	if strings.IndexByte(text[s:e], '|') >= 0 || strings.Contains(text[s:e], "｜") {
		cells, layout = splitPipes(buf, text, s, e), LayoutPipe
	} else {
		cells = splitGaps(buf, text, s, e, orig)
		if len(cells) > 1 {
			layout = LayoutGaps
		} else if len(cells) == 1 {
			cells = splitValueTail(cells, text)
			if len(cells) > 1 {
				layout = LayoutSpaced
			}
		}
	}
	if len(cells) == 1 && isPageMark(text[cells[0].s:cells[0].e]) {
		// A page number on a line of its own ("- 3 -", "第3页 共10页") is the
		// page's furniture, not a cell: between two rows of a table split by
		// a page break it would read as a figure of the row.
		return out, buf
	}
	if layout != LayoutPipe {
		cells = splitValueWords(cells, text)
		if len(cells) > 1 && layout == LayoutCell {
			layout = LayoutSpaced
		}
	}
	if cap(cells) > cap(buf) {
		buf = cells
	}
	if len(cells) == 0 {
		return out, buf
	}
	for i, c := range cells {
		// Parse then Canon, folding the cell by compact once for both.
		cell := text[c.s:c.e]
		var v Value
		ok, folded, canon := false, "", cell
		if len(cell) <= maxValue {
			folded = compact(cell)
			v, ok = parseCompact(folded)
		}
		if !ok && len(cell) <= maxLabel {
			if len(cell) > maxValue {
				folded = compact(cell)
			}
			canon = canonCompact(folded)
		}
		out = append(out, Token{Text: cell, Start: c.s, End: c.e, Line: int32(line),
			Multi: len(cells) > 1, Col: int32(i), LineCells: int32(len(cells)), Canon: canon, Value: v, IsValue: ok, Layout: layout})
	}
	return out, buf
}

// splitPipes cuts a pipe row. The empty cells before the first and after the
// last pipe are the row's border, not cells; a row of only empty cells or
// markdown rule dashes is layout.
func splitPipes(cells []span, text string, s, e int) []span {
	start := s
	for i := s; i <= e; {
		size, isPipe := 1, false
		if i < e {
			if text[i] == '|' {
				isPipe = true
			} else if text[i] == 0xEF && strings.HasPrefix(text[i:e], "｜") { // EF BD 9C
				isPipe, size = true, len("｜")
			}
		}
		if i == e || isPipe {
			cells = append(cells, trim(text, start, i))
			start = i + size
		}
		i += size
	}
	if len(cells) > 0 && cells[0].s == cells[0].e {
		cells = cells[1:]
	}
	if len(cells) > 0 && cells[len(cells)-1].s == cells[len(cells)-1].e {
		cells = cells[:len(cells)-1]
	}
	layout := true
	for _, c := range cells {
		if c.s != c.e && !isRule(text[c.s:c.e]) {
			layout = false
			break
		}
	}
	if layout {
		return nil
	}
	return cells
}

// isRule reports whether a cell is a markdown header rule such as "---" or ":--:".
func isRule(c string) bool {
	return len(c) >= 3 && strings.Trim(c, "-:") == ""
}

// splitGaps cuts a line at its column gaps: a tab, or two or more spaces
// (ASCII, no-break or ideographic) in the original text, the gaps that
// pdftotext -layout and catdoc leave between columns. Each extra tab of a
// gap is a blank cell; a wide run of spaces is only layout, since its width
// cannot tell a blank cell from a wide column.
func splitGaps(cells []span, text string, s, e int, orig func(s, e int) string) []span {
	if !hasSpace(text[s:e]) {
		// The common line of Chinese text: one cell, found by a few
		// vectorised byte searches instead of a loop over every byte.
		if s < e {
			cells = append(cells, span{s, e})
		}
		return cells
	}
	start := s
	for i := s; i < e; {
		if !spaceLead[text[i]] {
			i++
			continue
		}
		j := i
		for j < e {
			n := isSpaceAt(text, j)
			if n == 0 {
				break
			}
			j += n
		}
		if j == i {
			i++
			continue
		}
		gap := orig(i, j)
		tabs := strings.Count(gap, "\t")
		if tabs == 0 && !wide(gap) {
			i = j
			continue
		}
		if c := trim(text, start, i); c.s < c.e || (tabs > 0 && len(cells) > 0) {
			cells = append(cells, c)
		}
		for k := 1; k < tabs && len(cells) > 0; k++ {
			cells = append(cells, span{j, j})
		}
		start, i = j, j
	}
	if c := trim(text, start, e); c.s < c.e {
		cells = append(cells, c)
	}
	for len(cells) > 0 && cells[len(cells)-1].s == cells[len(cells)-1].e {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// splitValueTail cuts a one-cell line whose words, after a label, are all
// values separated by single spaces ("规章 0 0 3", as some text converters
// print a row): the label and each value become cells. A line whose last
// word is not a value, or whose words are all values, is left whole.
// cells holds the line's one cell; the words are cut into the same slice.
func splitValueTail(cells []span, text string) []span {
	c := cells[0]
	last := strings.LastIndexByte(text[c.s:c.e], ' ')
	if last < 0 {
		return cells
	}
	if _, ok := Parse(text[c.s+last+1 : c.e]); !ok {
		return cells
	}
	words := cells[1:1] // after the cell itself, which stays whole if no cut is made
	start := c.s
	for i := c.s; i <= c.e; i++ {
		if i == c.e || text[i] == ' ' {
			if start < i {
				words = append(words, span{start, i})
			}
			start = i + 1
		}
	}
	k := len(words)
	for k > 0 {
		if _, ok := Parse(text[words[k-1].s:words[k-1].e]); !ok {
			break
		}
		k--
	}
	if k == 0 || k == len(words) {
		return cells[:1]
	}
	// The label runs from the line's start to the end of its last word and
	// takes that word's place, just before the values.
	words[k-1] = span{c.s, words[k-1].e}
	return words[k-1:]
}

// splitValueWords cuts a cell made of several figures apart by single
// spaces ("1 2", "0 3 /"), whose column gaps the copy lost, into one cell
// per figure. A thousands-grouped figure ("2 030") is one value and stays
// whole (see Parse).
func splitValueWords(cells []span, text string) []span {
	for k := 0; k < len(cells); k++ {
		c := cells[k]
		cell := text[c.s:c.e]
		if len(cell) > maxValue || strings.IndexByte(cell, ' ') < 0 {
			continue
		}
		if _, ok := Parse(cell); ok {
			continue
		}
		// Check every word before cutting: most such cells are a label
		// with a space, and are left whole without allocating.
		n := 0
		for rest := cell; rest != ""; {
			w, tail, _ := strings.Cut(rest, " ")
			rest = tail
			if w == "" {
				continue
			}
			if _, ok := Parse(w); !ok {
				n = 0
				break
			}
			n++
		}
		if n < 2 {
			continue
		}
		words := make([]span, 0, n+len(cells)-k-1)
		start := c.s
		for i := c.s; i <= c.e; i++ {
			if i == c.e || text[i] == ' ' {
				if start < i {
					words = append(words, span{start, i})
				}
				start = i + 1
			}
		}
		cells = append(cells[:k], append(words, cells[k+1:]...)...)
		k += n - 1
	}
	return cells
}

// hasSpace reports whether line holds any white space isSpaceAt reads.
func hasSpace(line string) bool {
	return strings.IndexByte(line, ' ') >= 0 || strings.IndexByte(line, '\t') >= 0 ||
		strings.IndexByte(line, '\r') >= 0 || strings.Contains(line, "\u00a0") || strings.Contains(line, "\u3000")
}

// spaceLead marks the bytes a white space rune can start with, so the scan
// for column gaps passes over the other bytes (most of a Chinese line)
// without decoding them.
var spaceLead = [256]bool{' ': true, '\t': true, '\r': true, 0xE3: true, 0xC2: true}

// isSpaceAt returns the byte length of the white space rune at i, or 0.
func isSpaceAt(t string, i int) int {
	switch t[i] {
	case ' ', '\t', '\r':
		return 1
	case 0xE3: // lead byte of U+3000
		if strings.HasPrefix(t[i:], "\u3000") {
			return 3
		}
	case 0xC2: // lead byte of U+00A0
		if strings.HasPrefix(t[i:], "\u00a0") {
			return 2
		}
	}
	return 0
}

// wide reports whether a run of white space holds two or more spaces.
func wide(gap string) bool {
	n := 0
	for i := 0; i < len(gap); {
		k := isSpaceAt(gap, i)
		if k == 0 {
			i++
			continue
		}
		n++
		i += k
	}
	return n >= 2
}

// trim narrows [s,e) to exclude surrounding white space, including \r and the
// ideographic and no-break spaces.
func trim(text string, s, e int) span {
	for s < e {
		switch {
		case text[s] == ' ' || text[s] == '\t' || text[s] == '\r':
			s++
		case strings.HasPrefix(text[s:e], "\u3000"):
			s += 3
		case strings.HasPrefix(text[s:e], "\u00a0"):
			s += 2
		default:
			goto right
		}
	}
right:
	for e > s {
		switch {
		case text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r':
			e--
		case strings.HasSuffix(text[s:e], "\u3000"):
			e -= 3
		case strings.HasSuffix(text[s:e], "\u00a0"):
			e -= 2
		default:
			return span{s, e}
		}
	}
	return span{s, e}
}

// isPageMark reports whether a line is only a page number: "- 3 -", "— 12 —",
// "第3页", "第 3 页 共 10 页", "3/10", "Page 3". A bare number is not one: it
// may be a cell.
func isPageMark(line string) bool {
	if line == "" || len(line) > 48 {
		return false
	}
	switch c := line[0]; {
	case c == '-', c == 'P', c == 'p', isDigit(c):
	case c == 0xE2 || c == 0xEF: // —, –, －
	case strings.HasPrefix(line, "第"):
	default:
		return false // most short lines: a label or a figure
	}
	if !strings.ContainsAny(line, "0123456789") {
		return false
	}
	l := strings.ReplaceAll(line, " ", "")
	if strings.HasPrefix(l, "Page") || strings.HasPrefix(l, "page") {
		return digitsThen(l[4:], "") > 0
	}
	if rest, ok := strings.CutPrefix(l, "第"); ok {
		n := digitsThen(rest, "页")
		if n == 0 {
			return false
		}
		rest = strings.TrimLeft(rest[n:], ",，/")
		if rest == "" {
			return true
		}
		rest, ok = strings.CutPrefix(rest, "共")
		return ok && digitsThen(rest, "页") == len(rest)
	}
	if i := strings.IndexByte(l, '/'); i > 0 {
		return digitsThen(l[:i], "") == i && digitsThen(l[i+1:], "") == len(l)-i-1 && len(l) <= 9
	}
	for _, d := range [...]string{"-", "—", "–", "－"} {
		if inner, ok := strings.CutPrefix(l, d); ok {
			inner, ok = strings.CutSuffix(inner, d)
			return ok && digitsThen(inner, "") == len(inner)
		}
	}
	return false
}

// digitsThen returns the byte length of 1–4 ASCII digits at the start of s
// followed by suffix, or 0.
func digitsThen(s, suffix string) int {
	n := 0
	for n < len(s) && n < 5 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 4 || !strings.HasPrefix(s[n:], suffix) {
		return 0
	}
	return n + len(suffix)
}
