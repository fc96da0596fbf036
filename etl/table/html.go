package table

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Spans beyond these are treated as the caps: a hostile page must not make
// a reader allocate a huge grid ("colspan=100000").
const (
	maxColspan = 64
	maxRowspan = 1000
	maxCols    = 256
)

// HTMLGrid lays out an HTML <table> node as a grid of cell texts, one slice
// per row, every row as wide as the widest. A cell with rowspan or colspan
// fills every grid position it covers with its text, so each row reads on
// its own the way it looks on the page. Rows of nested tables belong to the
// nested table: their text is flattened into the enclosing cell.
func HTMLGrid(n *html.Node) [][]string {
	var grid [][]string
	// pending[c] carries a rowspan down column c: text and rows left.
	type carry struct {
		text string
		left int
	}
	var pending []carry
	for _, tr := range tableRows(n) {
		var row []string
		col := 0
		fillCarried := func() {
			for col < len(pending) && pending[col].left > 0 {
				row = append(row, pending[col].text)
				pending[col].left--
				col++
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			fillCarried()
			text := CellText(c)
			cs := spanAttr(c, "colspan", maxColspan)
			rs := spanAttr(c, "rowspan", maxRowspan)
			for k := 0; k < cs && col < maxCols; k++ {
				row = append(row, text)
				for len(pending) <= col {
					pending = append(pending, carry{})
				}
				pending[col] = carry{text: text, left: rs - 1}
				col++
			}
		}
		// Rowspans still running to the right of the last cell.
		for ; col < len(pending); col++ {
			if pending[col].left > 0 {
				row = append(row, pending[col].text)
				pending[col].left--
			} else {
				row = append(row, "")
			}
		}
		grid = append(grid, row)
	}
	// A rowspan reaching past the last row is dropped; pad ragged rows.
	width := 0
	for _, r := range grid {
		width = max(width, len(r))
	}
	for i := range grid {
		for len(grid[i]) < width {
			grid[i] = append(grid[i], "")
		}
	}
	return grid
}

// tableRows returns the <tr> elements of table n in order, looking through
// thead, tbody and tfoot but not into nested tables.
func tableRows(n *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Table:
				// nested table: part of a cell, not of this grid
			case atom.Td, atom.Th:
			default:
				walk(c) // thead, tbody, tfoot, and stray wrappers
			}
		}
	}
	walk(n)
	return rows
}

// spanAttr reads a rowspan/colspan attribute as a count in [1, limit].
// rowspan="0" (to the end of the section) counts as the limit.
func spanAttr(n *html.Node, name string, limit int) int {
	for _, a := range n.Attr {
		if a.Key != name {
			continue
		}
		v, err := strconv.Atoi(strings.TrimSpace(a.Val))
		switch {
		case err != nil || v < 0:
			return 1
		case v == 0 && name == "rowspan":
			return limit
		case v == 0:
			return 1
		case v > limit:
			return limit
		}
		return v
	}
	return 1
}

// CellText is the visible text of an HTML node on one line: text nodes
// joined, line breaks and block boundaries as single spaces, script and
// style dropped, whitespace collapsed.
func CellText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(p *html.Node) {
		switch p.Type {
		case html.TextNode:
			b.WriteString(p.Data)
			return
		case html.ElementNode:
			switch p.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br, atom.P, atom.Div, atom.Li, atom.Tr, atom.Td, atom.Th, atom.Table:
				b.WriteByte(' ')
			}
		}
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.FieldsFunc(b.String(), isHTMLSpace), " ")
}

// isHTMLSpace reports HTML whitespace plus the no-break and ideographic
// spaces pages use for padding.
func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u3000':
		return true
	}
	return false
}

// PipeRows writes a grid as pipe rows, one row per line: "| a | b | c |".
// A "|" inside a cell becomes "¦" and line breaks become spaces, so every
// line still splits into the grid's cells. Empty rows are skipped.
func PipeRows(grid [][]string) string {
	var b strings.Builder
	for _, row := range grid {
		empty := true
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				empty = false
				break
			}
		}
		if empty {
			continue
		}
		b.WriteString("|")
		for _, c := range row {
			b.WriteByte(' ')
			b.WriteString(cellEscaper.Replace(c))
			b.WriteString(" |")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

var cellEscaper = strings.NewReplacer("|", "¦", "｜", "¦", "\r\n", " ", "\n", " ", "\r", " ")
