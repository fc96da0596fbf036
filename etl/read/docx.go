package read

import (
	"bufio"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/table"
)

// docxText reads word/document.xml: paragraphs one per line and tables as
// pipe rows, in document order. Merged cells (gridSpan, vMerge) repeat their
// text in every grid position they cover, as HTML rowspan/colspan do.
// The part is streamed, never held whole; what the reader keeps is capped
// by MaxNodes (elements), MaxCells (table cells) and MaxText.
func docxText(ctx context.Context, raw []byte, lim Limits) (string, error) {
	zr, b, err := openZip(raw, "docx", lim.MaxDecompressed)
	if err != nil {
		return "", err
	}
	body, err := openEntry(ctx, zr, "word/document.xml", "docx", b)
	if err != nil {
		return "", err
	}
	if body == nil {
		return "", errors.New("corrupt docx: no word/document.xml")
	}
	defer body.Close()
	text, err := docxBody(ctx, body, lim)
	if err != nil {
		var le *LimitError
		if errors.As(err, &le) || ctx.Err() != nil || isBomb(err) {
			return "", err
		}
		return "", fmt.Errorf("corrupt docx: %w", err)
	}
	return text, nil
}

type docxCell struct {
	text   strings.Builder
	span   int
	vmerge int // 0 none, vmergeStart, vmergeContinue
}

const (
	vmergeStart = 1 + iota
	vmergeContinue
)

type docxRow struct {
	before int // grid columns skipped before the first cell
	cells  []*docxCell
}

type docxTable struct{ rows []*docxRow }

func (t *docxTable) cell() *docxCell {
	if len(t.rows) == 0 {
		return nil
	}
	r := t.rows[len(t.rows)-1]
	if len(r.cells) == 0 {
		return nil
	}
	return r.cells[len(r.cells)-1]
}

// grid lays the table out with merged cells filled, within the cell
// budget, and books the text it will print.
func (t *docxTable) grid(cells *cellBudget, text *textBudget) ([][]string, error) {
	var grid [][]string
	width := 0
	for _, r := range t.rows {
		row := make([]string, 0, r.before+len(r.cells))
		for i := 0; i < r.before && i < maxGridCols; i++ {
			row = append(row, "")
		}
		for _, c := range r.cells {
			text := strings.Join(strings.Fields(c.text.String()), " ")
			for k := 0; k < c.span && len(row) < maxGridCols; k++ {
				if c.vmerge == vmergeContinue && len(grid) > 0 && len(row) < len(grid[len(grid)-1]) {
					text = grid[len(grid)-1][len(row)]
				}
				row = append(row, text)
			}
		}
		if err := cells.take(len(row)); err != nil {
			return nil, err
		}
		width = max(width, len(row))
		grid = append(grid, row)
	}
	size := 0
	for i := range grid {
		if err := cells.take(width - len(grid[i])); err != nil {
			return nil, err
		}
		for len(grid[i]) < width {
			grid[i] = append(grid[i], "")
		}
		size += 2 + 3*width
		for _, c := range grid[i] {
			size += len(c)
		}
	}
	// Spans repeat a cell's text: what PipeRows will print is booked
	// before it is built.
	if err := text.take(size); err != nil {
		return nil, err
	}
	return grid, nil
}

// maxGridCols caps a table's width against hostile gridSpan values.
const maxGridCols = 256

func intAttr(se xml.StartElement, local string, def int) int {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			if v, err := strconv.Atoi(a.Value); err == nil && v >= 0 {
				return v
			}
		}
	}
	return def
}

func strAttr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// docxBody walks the WordprocessingML token stream.
func docxBody(ctx context.Context, body io.Reader, lim Limits) (string, error) {
	d := xml.NewDecoder(bufio.NewReaderSize(body, 64<<10))
	text, cells := newTextBudget(lim.MaxText), newCellBudget(lim.MaxCells)
	var out, para strings.Builder
	var tables []*docxTable
	sink := func() *strings.Builder {
		if n := len(tables); n > 0 {
			if c := tables[n-1].cell(); c != nil {
				return &c.text
			}
		}
		return &para
	}
	// held is the text written into paragraphs and cells: it is booked as
	// it comes, and a table's grid is booked again when it is printed.
	write := func(b *strings.Builder, p []byte) error {
		b.Write(p)
		return text.take(len(p))
	}
	inText := false
	nodes := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			nodes++
			if lim.MaxNodes > 0 && nodes > lim.MaxNodes {
				return "", countLimit("XML elements", lim.MaxNodes, "--max-nodes")
			}
			if nodes%4096 == 0 && ctx.Err() != nil {
				return "", ctx.Err()
			}
			switch tok.Name.Local {
			case "t":
				inText = true
			case "tab":
				if err := write(sink(), space); err != nil {
					return "", err
				}
			case "br", "cr":
				b := sink()
				if len(tables) == 0 {
					b = &para
				}
				sep := space
				if len(tables) == 0 {
					sep = newline
				}
				if err := write(b, sep); err != nil {
					return "", err
				}
			case "Fallback", "delText", "instrText", "del":
				// Fallback repeats the Choice content; the others are not printed text.
				if err := d.Skip(); err != nil {
					return "", err
				}
			case "tbl":
				if len(tables) == 0 && strings.TrimSpace(para.String()) != "" {
					out.WriteString(para.String() + "\n")
				}
				if len(tables) == 0 {
					para.Reset()
				}
				tables = append(tables, &docxTable{})
			case "tr":
				if n := len(tables); n > 0 {
					tables[n-1].rows = append(tables[n-1].rows, &docxRow{})
				}
			case "tc":
				if n := len(tables); n > 0 && len(tables[n-1].rows) > 0 {
					if err := cells.take(1); err != nil {
						return "", err
					}
					r := tables[n-1].rows[len(tables[n-1].rows)-1]
					r.cells = append(r.cells, &docxCell{span: 1})
				}
			case "gridSpan":
				if n := len(tables); n > 0 {
					if c := tables[n-1].cell(); c != nil {
						c.span = min(max(intAttr(tok, "val", 1), 1), maxGridCols)
					}
				}
			case "gridBefore":
				if n := len(tables); n > 0 && len(tables[n-1].rows) > 0 {
					tables[n-1].rows[len(tables[n-1].rows)-1].before = min(intAttr(tok, "val", 0), maxGridCols)
				}
			case "vMerge":
				if n := len(tables); n > 0 {
					if c := tables[n-1].cell(); c != nil {
						c.vmerge = vmergeContinue
						if v, _ := strAttr(tok, "val"); v == "restart" {
							c.vmerge = vmergeStart
						}
					}
				}
			}
		case xml.CharData:
			if inText {
				if err := write(sink(), tok); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inText = false
			case "p":
				if len(tables) > 0 {
					if err := write(sink(), space); err != nil {
						return "", err
					}
				} else {
					// Empty paragraphs are spacing, not content.
					if line := strings.TrimRight(para.String(), " \t"); strings.TrimSpace(line) != "" {
						out.WriteString(line + "\n")
					}
					para.Reset()
				}
			case "tbl":
				if len(tables) == 0 {
					continue
				}
				t := tables[len(tables)-1]
				tables = tables[:len(tables)-1]
				grid, err := t.grid(cells, text)
				if err != nil {
					return "", err
				}
				if len(tables) == 0 {
					out.WriteString(table.PipeRows(grid))
					continue
				}
				// A nested table is part of its cell.
				s := sink()
				for _, row := range grid {
					s.WriteString(" " + strings.Join(row, " "))
				}
			}
		}
	}
	out.WriteString(para.String())
	return out.String(), nil
}

var space, newline = []byte(" "), []byte("\n")
