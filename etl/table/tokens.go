package table

import "strings"

// Token is one cell of the text, with its byte span in the text it was cut
// from (the normalised text, so the caller can map it back to the original).
type Token struct {
	Text       string
	Start, End int
	Line       int  // index of the source line among the lines that gave cells
	Multi      bool // the line held several cells: a row laid out on one line
	Col        int  // position of the cell on its line
	LineCells  int  // number of cells on its line
}

// Tokens cuts text into cells, in reading order. Each line is one row when it
// holds pipes, tabs or runs of two or more spaces between cells, and one cell
// otherwise. Empty lines and lines made only of pipes or rule dashes are
// layout, not cells; an empty cell between two pipes on a row is a real blank
// cell and is kept.
//
// When the text does not end at a line break or cell separator, its last
// token was cut mid-word (a truncated copy) and is dropped, so a cut "12" is
// never read as 1.
func Tokens(text string) []Token {
	var out []Token
	line := 0
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		n := len(out)
		out = appendLine(out, text, pos, end, line)
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

// span is a byte range of the text.
type span struct{ s, e int }

func appendLine(out []Token, text string, s, e, line int) []Token {
	ls := text[s:e]
	var cells []span
	switch {
	case strings.ContainsAny(ls, "|｜"):
		cells = splitPipes(text, s, e)
	case strings.IndexByte(ls, '\t') >= 0:
		cells = splitTabs(text, s, e)
	default:
		cells = splitRuns(text, s, e, wideSpace)
	}
	if len(cells) == 0 {
		return out
	}
	for i, c := range cells {
		out = append(out, Token{Text: text[c.s:c.e], Start: c.s, End: c.e, Line: line,
			Multi: len(cells) > 1, Col: i, LineCells: len(cells)})
	}
	return out
}

// splitPipes cuts a pipe row. The empty cells before the first and after the
// last pipe are the row's border, not cells; a row of only empty cells or
// markdown rule dashes is layout.
func splitPipes(text string, s, e int) []span {
	var cells []span
	start := s
	for i := s; i <= e; {
		size, isPipe := 1, false
		if i < e {
			if text[i] == '|' {
				isPipe = true
			} else if strings.HasPrefix(text[i:e], "｜") {
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

// splitTabs cuts a tab-separated row (catdoc, spreadsheet copies). An empty
// cell between two tabs is a blank cell; empty cells at either end are
// dropped with the line's indentation.
func splitTabs(text string, s, e int) []span {
	var cells []span
	start := s
	for i := s; i <= e; i++ {
		if i == e || text[i] == '\t' {
			cells = append(cells, trim(text, start, i))
			start = i + 1
		}
	}
	for len(cells) > 0 && cells[0].s == cells[0].e {
		cells = cells[1:]
	}
	for len(cells) > 0 && cells[len(cells)-1].s == cells[len(cells)-1].e {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// splitRuns cuts a line at separators; sep returns the byte length of a
// separator at i, or 0. Empty cells are dropped: the width of a run of
// spaces is layout, so a blank cell cannot be told from a wide gap.
func splitRuns(text string, s, e int, sep func(string, int) int) []span {
	var cells []span
	start := s
	for i := s; i < e; {
		if n := sep(text[:e], i); n > 0 {
			if c := trim(text, start, i); c.s < c.e {
				cells = append(cells, c)
			}
			i += n
			start = i
			continue
		}
		i++
	}
	if c := trim(text, start, e); c.s < c.e {
		cells = append(cells, c)
	}
	return cells
}

// wideSpace returns the length of a run of two or more spaces (ASCII, no-break
// or ideographic) at i: the gap pdftotext -layout leaves between columns.
func wideSpace(t string, i int) int {
	j, n := i, 0
	for j < len(t) {
		switch {
		case t[j] == ' ':
			j++
		case strings.HasPrefix(t[j:], "\u3000"), strings.HasPrefix(t[j:], "\u00a0"):
			if t[j] == 0xc2 {
				j += 2
			} else {
				j += 3
			}
		default:
			goto done
		}
		n++
	}
done:
	if n >= 2 {
		return j - i
	}
	return 0
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
