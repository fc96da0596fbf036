package read

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/etl/table"
)

// maxSheetCells caps the grid of one sheet: a report table is a few hundred
// cells, and a merged range "A1:XFD1048576" must not allocate billions.
const maxSheetCells = 1 << 20

// xlsxText prints each sheet's rows as pipe rows, sheets separated by a
// blank line. Merged ranges repeat their value in every cell they cover.
func xlsxText(raw []byte, lim Limits) (string, error) {
	zr, _, err := openZip(raw, "xlsx", lim.MaxDecompressed)
	if err != nil {
		return "", err
	}
	if err := checkExpansion(zr, "xlsx", lim.MaxDecompressed); err != nil {
		return "", err
	}
	opts := excelize.Options{}
	if lim.MaxDecompressed > 0 {
		opts.UnzipSizeLimit = lim.MaxDecompressed
		opts.UnzipXMLSizeLimit = min(lim.MaxDecompressed, 16<<20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), opts)
	if err != nil {
		return "", fmt.Errorf("corrupt xlsx: %w", err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return "", fmt.Errorf("corrupt xlsx: sheet %q: %w", sheet, err)
		}
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			return "", fmt.Errorf("corrupt xlsx: sheet %q: %w", sheet, err)
		}
		rows = fillMerges(rows, merges)
		if out.Len() > 0 {
			out.WriteString("\n")
		}
		out.WriteString(table.PipeRows(rows))
	}
	return out.String(), nil
}

// fillMerges writes each merged range's value into every cell it covers
// and pads rows to one width.
func fillMerges(rows [][]string, merges []excelize.MergeCell) [][]string {
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 || (c2-c1+1)*(r2-r1+1) > maxSheetCells {
			continue
		}
		v := m.GetCellValue()
		for r := r1; r <= r2; r++ {
			for len(rows) < r {
				rows = append(rows, nil)
			}
			for len(rows[r-1]) < c2 {
				rows[r-1] = append(rows[r-1], "")
			}
			for c := c1; c <= c2; c++ {
				rows[r-1][c-1] = v
			}
		}
	}
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
