package exports

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/correct"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// TestCorrectionMarks: a corrected figure is what the agency workbook
// shows, in red bold, and its 出处 row says 人工校正 with the reason and the
// extracted value; a formula-shaped reason stays text.
func TestCorrectionMarks(t *testing.T) {
	st := openFixture(t, fixtureReports())
	ctx := context.Background()
	db := st.DB()
	var id string
	var year int
	var extracted float64
	if err := db.QueryRow(`SELECT p.id, p.year, m.value FROM preferred_reports p JOIN metrics m ON m.report_id = p.id
		WHERE p.agency = ? AND p.period = 'year' AND m.key = 'apps_new.total' AND m.kind = 'number'
		ORDER BY p.year DESC LIMIT 1`, hangzhouXihu).Scan(&id, &year, &extracted); err != nil {
		t.Fatal(err)
	}
	const why = `=HYPERLINK("http://example.invalid","点")表格读错`
	corrected := extracted + 777
	file := filepath.Join(t.TempDir(), "corrections.csv")
	body := strings.Join(correct.Header, ",") + "\n" + id + ",apps_new.total," + strconv.FormatFloat(corrected, 'f', -1, 64) +
		",张三,,\"" + strings.ReplaceAll(why, `"`, `""`) + "\",\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := correct.Apply(ctx, db, file); err != nil || res.Applied != 1 {
		t.Fatalf("Apply = %+v, %v", res, err)
	}
	if err := queries.Refresh(ctx, db); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "a.xlsx")
	if err := ExportAgency(ctx, runOn(st), hangzhouXihu, out); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, out)
	header, rows := sheetRows(t, f, "出处")
	yc, kc, vc, mc := col(t, header, "年份"), col(t, header, "项目"), col(t, header, "数值"), col(t, header, "标记")
	found := false
	for i, r := range rows {
		if at(r, yc) != strconv.Itoa(year) || !strings.Contains(at(r, kc), "本年新收") {
			continue
		}
		found = true
		if v, _ := strconv.ParseFloat(at(r, vc), 64); v != corrected {
			t.Errorf("出处 value = %s, want the corrected %g", at(r, vc), corrected)
		}
		mk := at(r, mc)
		for _, want := range []string{"人工校正", "表格读错", "原读取值：" + strconv.FormatFloat(extracted, 'f', -1, 64)} {
			if !strings.Contains(mk, want) {
				t.Errorf("出处 标记 %q lacks %q", mk, want)
			}
		}
		if strings.HasPrefix(mk, "=") {
			t.Errorf("标记 %q starts a formula", mk)
		}
		cell := cellName(vc+1, headerRow+1+i)
		if fm, _ := f.GetCellFormula("出处", cell); fm != "" {
			t.Errorf("出处!%s holds a formula %q", cell, fm)
		}
		sid, err := f.GetCellStyle("出处", cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(sid)
		if err != nil {
			t.Fatal(err)
		}
		if s.Font == nil || !s.Font.Bold || s.Font.Color != "C00000" {
			t.Errorf("出处!%s font %+v, want the red bold of a correction", cell, s.Font)
		}
	}
	if !found {
		t.Fatalf("no 出处 row for apps_new.total %d", year)
	}
}

// TestReportFieldCorrectionMarks: a report whose agency and period a
// reader corrected is filed under the corrected agency's workbook, and its
// 可信度 row says 人工校正 with each field, the value read and the reason;
// a formula-shaped reason stays text, and an uncorrected report has no mark.
func TestReportFieldCorrectionMarks(t *testing.T) {
	st := openFixture(t, fixtureReports())
	ctx := context.Background()
	db := st.DB()
	var id string
	var year int
	if err := db.QueryRow(`SELECT id, year FROM preferred_reports WHERE agency = ? AND period = 'year' ORDER BY year DESC LIMIT 1`,
		hangzhouSJ).Scan(&id, &year); err != nil {
		t.Fatal(err)
	}
	const why = `=HYPERLINK("http://example.invalid","点")标题写的是区政府`
	const fixed = "杭州市上城区人民政府"
	file := filepath.Join(t.TempDir(), "corrections.csv")
	body := strings.Join(correct.Header, ",") + "\n" + id + ",agency," + fixed + ",张三,,\"" + strings.ReplaceAll(why, `"`, `""`) + "\",\n" +
		id + ",form,narrative,张三,,原文是文字报告,\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := correct.Apply(ctx, db, file); err != nil || res.Applied != 2 {
		t.Fatalf("Apply = %+v, %v", res, err)
	}
	if err := queries.Refresh(ctx, db); err != nil {
		t.Fatal(err)
	}
	marks := func(agency string) []string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "a.xlsx")
		if err := ExportAgency(ctx, runOn(st), agency, out); err != nil {
			t.Fatal(err)
		}
		f := openBook(t, out)
		header, rows := sheetRows(t, f, "可信度")
		yc, mc := col(t, header, "年份"), col(t, header, "标记")
		var ms []string
		for i, r := range rows {
			if strings.Contains(at(r, mc), "人工校正") {
				ms = append(ms, at(r, yc)+" "+at(r, mc))
				cell := cellName(mc+1, headerRow+1+i)
				if fm, _ := f.GetCellFormula("可信度", cell); fm != "" {
					t.Errorf("可信度!%s holds a formula %q", cell, fm)
				}
				if strings.HasPrefix(at(r, mc), "=") {
					t.Errorf("标记 %q starts a formula", at(r, mc))
				}
			}
		}
		return ms
	}
	got := marks(fixed)
	if len(got) != 1 {
		t.Fatalf("可信度 of %s: %d rows marked 人工校正 (%q), want 1", fixed, len(got), got)
	}
	for _, want := range []string{strconv.Itoa(year) + " ", "发布机关：" + fixed, "原读取值：" + hangzhouSJ, "标题写的是区政府",
		"格式：" + labels.Form("narrative"), "原文是文字报告"} {
		if !strings.Contains(got[0], want) {
			t.Errorf("可信度 标记 %q lacks %q", got[0], want)
		}
	}
	if got := marks(hangzhouXihu); len(got) != 0 {
		t.Errorf("可信度 of the uncorrected %s marks %q", hangzhouXihu, got)
	}
}
