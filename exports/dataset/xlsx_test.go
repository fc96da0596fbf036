package dataset

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/charts/chartstest"
)

// sheetRows reads every row of the sheets whose names start with base, in
// order, each sheet's header first.
func sheetRows(t *testing.T, f *excelize.File, base string) (headers [][]string, rows [][]string) {
	t.Helper()
	for _, sh := range f.GetSheetList() {
		if sh != base && !strings.HasPrefix(sh, base+" ") {
			continue
		}
		all, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		headers = append(headers, all[0])
		rows = append(rows, all[1:]...)
	}
	return headers, rows
}

func TestWorkbookEqualsCSV(t *testing.T) {
	db := fixture(t)
	dir := write(t, db, Options{Formats: []string{FormatCSV, FormatXLSX}})
	f, err := excelize.OpenFile(filepath.Join(dir, Workbook))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"说明", "数据", "报告", "核验", "数据字典"}; !slices.Equal(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	for _, tc := range []struct{ sheet, file string }{{"数据", DatasetCSV}, {"报告", ReportsCSV}, {"核验", ChecksCSV}, {"数据字典", DictionaryCSV}} {
		header, rows := readCSV(t, filepath.Join(dir, tc.file))
		heads, got := sheetRows(t, f, tc.sheet)
		if len(heads) != 1 || !slices.Equal(heads[0], header) {
			t.Fatalf("sheet %s header %v, CSV %v", tc.sheet, heads, header)
		}
		if len(got) != len(rows) {
			t.Fatalf("sheet %s: %d rows, %s has %d", tc.sheet, len(got), tc.file, len(rows))
		}
		for i, r := range rows {
			// GetRows drops the empty cells at the end of a row.
			for j, want := range r {
				cell := ""
				if j < len(got[i]) {
					cell = got[i][j]
				}
				if b, ok := map[string]string{"1": "true", "0": "false"}[cell]; ok && (want == "true" || want == "false") {
					cell = b // a boolean cell, read raw
				}
				if cell != want {
					t.Errorf("sheet %s row %d %s = %q, CSV %q", tc.sheet, i+2, header[j], cell, want)
				}
			}
		}
	}
	// Hostile names and blanks: text cells, never formulas; no cell where
	// the report printed nothing.
	_, rows := sheetRows(t, f, "数据")
	formulas := 0
	for i := range rows {
		cell, _ := excelize.CoordinatesToCellName(2, i+2)
		if fm, _ := f.GetCellFormula("数据", cell); fm != "" {
			formulas++
		}
		if rows[i][1] == chartstest.FormulaAgency {
			if typ, _ := f.GetCellType("数据", cell); typ != excelize.CellTypeInlineString {
				t.Errorf("%s: %q stored as %v, want an inline string", cell, rows[i][1], typ)
			}
		}
	}
	if formulas > 0 {
		t.Errorf("%d cells of 数据 hold a formula; the workbook must store text as text", formulas)
	}
	value := slices.Index(names(datasetColumns), "value")
	kind := slices.Index(names(datasetColumns), "value_kind")
	for i, r := range rows {
		if r[kind] != "number" {
			cell, _ := excelize.CoordinatesToCellName(value+1, i+2)
			if typ, _ := f.GetCellType("数据", cell); typ != excelize.CellTypeUnset {
				t.Errorf("%s: a %s figure is a cell of type %v, want no cell", cell, r[kind], typ)
			}
		}
	}
}

func TestWorkbookSplitsSheets(t *testing.T) {
	db := fixture(t)
	defer func(n int) { SheetRows = n }(SheetRows)
	SheetRows = 7
	dir := write(t, db, Options{Formats: []string{FormatCSV, FormatXLSX}})
	f, err := excelize.OpenFile(filepath.Join(dir, Workbook))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	header, rows := readCSV(t, filepath.Join(dir, DatasetCSV))
	heads, got := sheetRows(t, f, "数据")
	if want := (len(rows) + SheetRows - 1) / SheetRows; len(heads) != want {
		t.Errorf("%d rows in sheets of %d: %d sheets, want %d", len(rows), SheetRows, len(heads), want)
	}
	for _, h := range heads {
		if !slices.Equal(h, header) {
			t.Errorf("a split sheet's header is %v", h)
		}
	}
	if len(got) != len(rows) {
		t.Fatalf("split sheets hold %d rows, CSV %d", len(got), len(rows))
	}
	for i := range rows {
		if got[i][0] != rows[i][0] || got[i][11] != rows[i][11] {
			t.Errorf("split row %d: %v, CSV %v", i, got[i][:12], rows[i][:12])
		}
	}
	if !slices.Contains(f.GetSheetList(), "数据 2") {
		t.Errorf("sheets %v: no 数据 2", f.GetSheetList())
	}
}
