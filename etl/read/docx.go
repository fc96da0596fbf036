package read

import (
	"bytes"
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
func docxText(raw []byte, lim Limits) (string, error) {
	zr, b, err := openZip(raw, "docx", lim.MaxDecompressed)
	if err != nil {
		return "", err
	}
	body, err := readEntry(zr, "word/document.xml", "docx", b)
	if err != nil {
		return "", err
	}
	if body == nil {
		return "", errors.New("corrupt docx: no word/document.xml")
	}
	text, err := docxBody(body)
	if err != nil {
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

// grid lays the table out with merged cells filled.
func (t *docxTable) grid() [][]string {
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
		width = max(width, len(row))
		grid = append(grid, row)
	}
	for i := range grid {
		for len(grid[i]) < width {
			grid[i] = append(grid[i], "")
		}
	}
	return grid
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
func docxBody(body []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
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
	inText := false
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
			switch tok.Name.Local {
			case "t":
				inText = true
			case "tab":
				sink().WriteByte(' ')
			case "br", "cr":
				if len(tables) > 0 {
					sink().WriteByte(' ')
				} else {
					para.WriteByte('\n')
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
				sink().Write(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inText = false
			case "p":
				if len(tables) > 0 {
					sink().WriteByte(' ')
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
				if len(tables) == 0 {
					out.WriteString(table.PipeRows(t.grid()))
					continue
				}
				// A nested table is part of its cell.
				s := sink()
				for _, row := range t.grid() {
					s.WriteString(" " + strings.Join(row, " "))
				}
			}
		}
	}
	out.WriteString(para.String())
	return out.String(), nil
}
