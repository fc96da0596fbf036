package read

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/etl/table"
)

// xlsxInMemory is the largest worksheet or shared-string part excelize may
// unpack into memory; larger ones go to a temporary file that the row
// iterator streams. A report sheet is a few KB.
const xlsxInMemory = 1 << 20

// xlsxText prints each sheet's rows as pipe rows, sheets separated by a
// blank line. Merged ranges repeat their value in every cell they cover.
//
// The rows are streamed through excelize's row iterator (a whole-sheet read
// costs gigabytes on a million rows), and what the reader keeps is capped:
// rows holding a value (MaxRows), cells (MaxCells) and text (MaxText), all
// sheets together. Large parts are unpacked into a temporary folder of this
// file alone, removed when the reader returns, however it returns.
func xlsxText(ctx context.Context, raw []byte, lim Limits) (string, error) {
	zr, _, err := openZip(raw, "xlsx", lim.MaxDecompressed)
	if err != nil {
		return "", err
	}
	if err := checkExpansion(ctx, zr, "xlsx", lim.MaxDecompressed); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp("", "xxgk-xlsx-")
	if err != nil {
		return "", fmt.Errorf("xlsx: %w", err)
	}
	defer os.RemoveAll(tmp)
	opts := excelize.Options{TmpDir: tmp, UnzipXMLSizeLimit: xlsxInMemory}
	if lim.MaxDecompressed > 0 {
		opts.UnzipSizeLimit = lim.MaxDecompressed
		opts.UnzipXMLSizeLimit = min(lim.MaxDecompressed, xlsxInMemory)
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), opts)
	if err != nil {
		return "", fmt.Errorf("corrupt xlsx: %w", err)
	}
	defer f.Close()
	parts := sheetParts(zr)
	r := &sheetReader{ctx: ctx, lim: lim, text: newTextBudget(lim.MaxText), cells: newCellBudget(lim.MaxCells)}
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := r.rows(f, sheet)
		if err != nil {
			return "", err
		}
		merges, err := r.merges(zr, parts[sheet])
		if err != nil {
			return "", err
		}
		grid, err := r.grid(rows, merges)
		if err != nil {
			return "", err
		}
		if len(grid) == 0 {
			continue
		}
		if out.Len() > 0 {
			out.WriteString("\n")
		}
		s := table.PipeRows(grid)
		if err := r.text.take(len(s) - r.booked); err != nil {
			return "", err
		}
		r.booked = 0
		out.WriteString(s)
	}
	return out.String(), nil
}

// sheetReader holds one workbook's budgets across its sheets.
type sheetReader struct {
	ctx    context.Context
	lim    Limits
	text   *textBudget
	cells  *cellBudget
	nrows  int // rows holding a value, all sheets
	booked int // text of the current sheet already taken from the budget
}

// sheetRow is a row holding a value, with its 1-based row number.
type sheetRow struct {
	n     int
	cells []string
}

// rows streams a sheet's rows that hold a value, their trailing empty cells
// dropped.
func (r *sheetReader) rows(f *excelize.File, sheet string) ([]sheetRow, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("corrupt xlsx: sheet %q: %w", sheet, err)
	}
	defer it.Close()
	var out []sheetRow
	for n := 1; it.Next(); n++ {
		if n%1024 == 0 && r.ctx.Err() != nil {
			return nil, r.ctx.Err()
		}
		cols, err := it.Columns()
		if err != nil {
			return nil, fmt.Errorf("corrupt xlsx: sheet %q: %w", sheet, err)
		}
		for len(cols) > 0 && strings.TrimSpace(cols[len(cols)-1]) == "" {
			cols = cols[:len(cols)-1]
		}
		if len(cols) == 0 {
			continue // an empty row costs nothing and prints nothing
		}
		r.nrows++
		if r.lim.MaxRows > 0 && r.nrows > r.lim.MaxRows {
			return nil, countLimit("spreadsheet rows", r.lim.MaxRows, "--max-rows")
		}
		if err := r.cells.take(len(cols)); err != nil {
			return nil, err
		}
		size := 0
		for _, c := range cols {
			size += len(c)
		}
		if err := r.text.take(size); err != nil {
			return nil, err
		}
		r.booked += size
		if cap(cols) > 2*len(cols)+8 {
			// A lone styled cell far to the right came padded: keep a
			// short copy, not the padding.
			cols = append([]string(nil), cols...)
		}
		out = append(out, sheetRow{n, cols})
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("corrupt xlsx: sheet %q: %w", sheet, err)
	}
	return out, nil
}

// grid lays the rows out with merged ranges filled and every row as wide
// as the widest, within the cell budget. Rows that hold nothing after the
// merges are left out: PipeRows would skip them.
func (r *sheetReader) grid(rows []sheetRow, merges []mergeRange) ([][]string, error) {
	byNum := make(map[int]int, len(rows)) // row number -> index in rows
	for i, row := range rows {
		byNum[row.n] = i
	}
	for _, m := range merges {
		v := ""
		if i, ok := byNum[m.r1]; ok && m.c1 <= len(rows[i].cells) {
			v = rows[i].cells[m.c1-1]
		}
		if strings.TrimSpace(v) == "" {
			continue // an empty range prints nothing, however large
		}
		// The value is printed in every cell the range covers.
		if err := r.text.take(len(v) * (m.c2 - m.c1 + 1) * (m.r2 - m.r1 + 1)); err != nil {
			return nil, err
		}
		r.booked += len(v) * (m.c2 - m.c1 + 1) * (m.r2 - m.r1 + 1)
		for n := m.r1; n <= m.r2; n++ {
			i, ok := byNum[n]
			if !ok {
				i = len(rows)
				byNum[n] = i
				rows = append(rows, sheetRow{n: n})
			}
			row := &rows[i]
			if grow := m.c2 - len(row.cells); grow > 0 {
				if err := r.cells.take(grow); err != nil {
					return nil, err
				}
				row.cells = append(row.cells, make([]string, grow)...)
			}
			for c := m.c1; c <= m.c2; c++ {
				row.cells[c-1] = v
			}
		}
	}
	slices.SortFunc(rows, func(a, b sheetRow) int { return a.n - b.n })
	width := 0
	for _, row := range rows {
		width = max(width, len(row.cells))
	}
	pad := 0
	for _, row := range rows {
		pad += width - len(row.cells)
	}
	if err := r.cells.take(pad); err != nil {
		return nil, err
	}
	// The printed grid: each cell's text plus "| " framing, checked before
	// it is built.
	if err := r.text.take(3*width*len(rows) + 2*len(rows)); err != nil {
		return nil, err
	}
	r.booked += 3*width*len(rows) + 2*len(rows)
	grid := make([][]string, len(rows))
	for i, row := range rows {
		grid[i] = append(row.cells, make([]string, width-len(row.cells))...)
	}
	return grid, nil
}

// padRows pads rows to one width, as the xlsx grid is laid out (xls2csv's
// rows come without merges).
func padRows(rows [][]string) [][]string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for i := range rows {
		for len(rows[i]) < width {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

// mergeRange is a merged cell range, 1-based and inclusive.
type mergeRange struct{ c1, r1, c2, r2 int }

// merges reads a sheet's merged ranges from its part in the archive,
// streaming it: <mergeCells> follows <sheetData>, and excelize's own
// GetMergeCells would load the whole sheet to find them.
func (r *sheetReader) merges(zr *zip.Reader, part string) ([]mergeRange, error) {
	if part == "" {
		return nil, nil
	}
	zf := findEntry(zr, part)
	if zf == nil {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("corrupt xlsx: %s: %w", part, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(ctxReader{r.ctx, rc})
	var out []mergeRange
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			if r.ctx.Err() != nil {
				return nil, r.ctx.Err()
			}
			return nil, fmt.Errorf("corrupt xlsx: %s: %w", part, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "mergeCell" {
			continue
		}
		ref, _ := strAttr(se, "ref")
		from, to, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 {
			continue
		}
		// Each range costs at least one cell; the cells it fills are
		// counted when the grid is laid out.
		if err := r.cells.take(1); err != nil {
			return nil, err
		}
		out = append(out, mergeRange{c1, r1, c2, r2})
	}
}

func findEntry(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) {
			return f
		}
	}
	return nil
}

// sheetParts maps each sheet name to its part in the archive
// ("xl/worksheets/sheet1.xml"), from xl/workbook.xml and its relations.
// A workbook it cannot read maps nothing: its sheets are read without
// merges.
func sheetParts(zr *zip.Reader) map[string]string {
	type rel struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	}
	var rels struct {
		Rels []rel `xml:"Relationship"`
	}
	var wb struct {
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if decodePart(zr, "xl/_rels/workbook.xml.rels", &rels) != nil || decodePart(zr, "xl/workbook.xml", &wb) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.ReplaceAll(r.Target, `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		for _, a := range s.Attr {
			if a.Name.Local == "id" && targets[a.Value] != "" {
				out[s.Name] = targets[a.Value]
			}
		}
	}
	return out
}

// decodePart decodes a small XML part of the archive; both parts it is
// used for are a few KB, capped at a MB.
func decodePart(zr *zip.Reader, name string, v any) error {
	zf := findEntry(zr, name)
	if zf == nil {
		return fmt.Errorf("no %s", name)
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(v)
}
