package exports

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/etl/report"
)

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// rowOf returns the cells of the row whose first cell is name.
func rowOf(t *testing.T, f *excelize.File, sheet, name string) (int, []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("GetRows(%s): %v", sheet, err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == name {
			return i + 1, r
		}
	}
	t.Fatalf("sheet %s has no row %q", sheet, name)
	return 0, nil
}

func countCharts(t *testing.T, path string) int {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	n := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") && strings.HasSuffix(f.Name, ".xml") {
			n++
		}
	}
	return n
}

func TestBuildFromDuckDB(t *testing.T) {
	db := chartstest.OpenDB(t)
	out := t.TempDir()
	paths, err := Build(context.Background(), db, out)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	comp := filepath.Join(out, ComparisonFile)
	if !slices.Contains(paths, comp) {
		t.Errorf("Build returned %v, want it to include %s", paths, comp)
	}
	f := openBook(t, comp)
	sheets := f.GetSheetList()
	for _, want := range []string{"说明", "图表", "收到申请", "予以公开", "比率", "近年变化", "同类排名", "可信度", "未通过核验"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("comparison sheets %v lack %s", sheets, want)
		}
	}

	// Agencies × years: figures as numbers, an unreported year blank.
	head, err := f.GetRows("收到申请")
	if err != nil {
		t.Fatal(err)
	}
	col := func(year string) int { return slices.Index(head[0], year) }
	if col("2017") < 0 || col("2023") < 0 {
		t.Fatalf("收到申请 header = %v, want years 2017–2023", head[0])
	}
	r, plain := rowOf(t, f, "收到申请", chartstest.PlainAgency)
	if plain[col("2019")] != "100" || plain[col("2023")] != "180" || plain[col("2017")] != "80" {
		t.Errorf("收到申请 %s = %v, want 2017=80, 2019=100, 2023=180", chartstest.PlainAgency, plain)
	}
	cell, _ := excelize.CoordinatesToCellName(col("2019")+1, r)
	if typ, _ := f.GetCellType("收到申请", cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("收到申请!%s type = %v, want a number", cell, typ)
	}
	_, script := rowOf(t, f, "收到申请", chartstest.ScriptAgency)
	if c := col("2021"); c < len(script) && script[c] != "" {
		t.Errorf("unreported 2021 of %s = %q, want an empty cell (blank is not zero)", chartstest.ScriptAgency, script[c])
	}
	for _, sh := range []string{"收到申请", "说明", "比率", "未通过核验"} {
		if tables, err := f.GetTables(sh); err != nil || len(tables) != 1 {
			t.Errorf("%s tables (autofilter) = %v, %v; want one", sh, tables, err)
		}
	}
	if p, err := f.GetPanes("收到申请"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("收到申请 panes = %+v, %v; want the header row frozen", p, err)
	}
	if n := countCharts(t, comp); n < 3 {
		t.Errorf("comparison workbook has %d charts, want at least 3", n)
	}

	// The formula-shaped agency name is text, not a formula, everywhere.
	_, formula := rowOf(t, f, "收到申请", "'"+chartstest.FormulaAgency)
	if len(formula) < 2 {
		t.Errorf("row of %s too short: %v", chartstest.FormulaAgency, formula)
	}
	noFormulas(t, f)
	noFormulas(t, openBook(t, filepath.Join(out, AgencyDir, FileName(chartstest.FormulaAgency)+".xlsx")))
	rows, _ := f.GetRows("未通过核验")
	if len(rows) != 3 {
		t.Errorf("未通过核验 has %d rows, want header + 2 failed checks", len(rows))
	}

	// One workbook per agency, names sanitised and inside the folder.
	dir := filepath.Join(out, AgencyDir)
	entries := workbookFiles(t, dir)
	if len(entries) != 10 { // the ten agencies of chartstest.Reports
		t.Errorf("%s holds %d workbooks, want 10", dir, len(entries))
	}
	for _, e := range entries {
		if strings.ContainsAny(e, `/\<>:"|?*`) || strings.HasPrefix(e, ".") {
			t.Errorf("unsafe workbook name %q", e)
		}
	}
	a := openBook(t, filepath.Join(dir, FileName(chartstest.ScriptAgency)+".xlsx"))
	for _, want := range []string{"说明", "图表", "历年数字", "同类比较", "出处", "未通过核验"} {
		if !slices.Contains(a.GetSheetList(), want) {
			t.Errorf("agency workbook sheets %v lack %s", a.GetSheetList(), want)
		}
	}
	src, _ := a.GetRows("出处")
	found := false
	for _, row := range src {
		found = found || slices.Contains(row, "本年新收政府信息公开申请40件")
	}
	if !found {
		t.Errorf("出处 sheet lacks the source sentence of a figure")
	}
	if n := countCharts(t, filepath.Join(dir, FileName(chartstest.ScriptAgency)+".xlsx")); n != 2 {
		t.Errorf("agency workbook has %d charts, want 2", n)
	}
	if _, err := os.Stat(filepath.Join(out, "etc")); err == nil {
		t.Errorf("an agency name escaped the output folder")
	}
	left, _ := os.ReadDir(out)
	for _, e := range left {
		// The versions workbooks/ links to are not temporaries.
		if strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "."+AgencyDir+"-v-") {
			t.Errorf("temporary file left in the output folder: %s", e.Name())
		}
	}
}

// workbookFiles lists the .xlsx files of dir.
func workbookFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".xlsx") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestAgencyWorkbooksReused checks the incremental build: a second build
// keeps the workbooks of unchanged agencies (same file), and a new report
// rewrites only its agency's workbook.
func TestAgencyWorkbooksReused(t *testing.T) {
	st := chartstest.OpenStore(t)
	out := t.TempDir()
	ctx := context.Background()
	if _, err := Build(ctx, st.DB(), out); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, AgencyDir)
	stat := func(agency string) os.FileInfo {
		fi, err := os.Stat(filepath.Join(dir, FileName(agency)+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	plain, other := stat(chartstest.PlainAgency), stat(chartstest.ScriptAgency)
	if err := st.SaveReports(ctx, []*report.Report{chartstest.Report2024()}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ctx, st.DB(), out); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(other, stat(chartstest.ScriptAgency)) {
		t.Errorf("unchanged agency's workbook was rewritten")
	}
	if os.SameFile(plain, stat(chartstest.PlainAgency)) {
		t.Errorf("workbook of the agency with a new report was reused")
	}
	f := openBook(t, filepath.Join(dir, FileName(chartstest.PlainAgency)+".xlsx"))
	head, _ := f.GetRows("历年数字")
	if !slices.Contains(head[0], "2024") {
		t.Errorf("rewritten workbook lacks the new year: %v", head[0])
	}
}

// noFormulas fails when any cell of f holds a formula or text that a
// spreadsheet would read as one.
func noFormulas(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for i, row := range rows {
			for j, v := range row {
				c, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fm, _ := f.GetCellFormula(sh, c); fm != "" {
					t.Errorf("%s!%s holds a formula %q", sh, c, fm)
				}
				if strings.HasPrefix(v, "=") {
					t.Errorf("%s!%s = %q starts a formula", sh, c, v)
				}
			}
		}
	}
}
