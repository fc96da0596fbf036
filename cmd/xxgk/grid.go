package main

import (
	"io"
	"strings"

	"golang.org/x/text/width"
)

// grid lines up the columns of a report for a terminal, counting a Chinese
// (East Asian wide or fullwidth) character as two columns, which
// text/tabwriter counts as one. Cells are escaped by the caller.
type grid struct {
	indent string
	rows   [][]string
}

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

// write prints the rows, two spaces between columns, the last cell of a
// row unpadded.
func (g *grid) write(w io.Writer) error {
	var widths []int
	for _, r := range g.rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range g.rows {
		b.WriteString(g.indent)
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
