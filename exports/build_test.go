package exports

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries/labels"
)

// built is the fixture built once for the tests that only read it.
var built struct {
	once  sync.Once
	out   string
	words map[string]bool
	err   error
}

// buildFixture builds the workbooks of the hand-made fixture once and
// returns the output folder.
func buildFixture(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		reps := fixtureReports()
		built.words = inputWords(reps)
		dir, err := os.MkdirTemp("", "xxgk-exports-")
		if err != nil {
			built.err = err
			return
		}
		built.out = dir
		st := openFixtureDir(t, dir, reps)
		defer st.Close()
		_, built.err = Build(context.Background(), st.DB(), filepath.Join(dir, "out"))
	})
	if built.err != nil {
		t.Fatalf("Build: %v", built.err)
	}
	return filepath.Join(built.out, "out")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.out != "" {
		os.RemoveAll(built.out)
	}
	os.Exit(code)
}

// TestEveryWorkbook opens every workbook a build writes and checks what
// each promises: cover, contents with working links, numbered notes,
// document properties, Chinese in every cell, one named table per sheet
// with units in its header, print setup, fonts, <dimension> and <col>
// order, and charts that draw something, with titled axes.
func TestEveryWorkbook(t *testing.T) {
	out := buildFixture(t)
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".xlsx") {
			files = append(files, p)
		}
		return nil
	})
	// the comparison, the index and one per agency
	if len(files) != len(fixtureAgencies)+2 {
		t.Fatalf("%d workbooks, want %d: %v", len(files), len(fixtureAgencies)+2, files)
	}
	for _, file := range files {
		checkBook(t, file, built.words)
	}
	left, _ := os.ReadDir(out)
	for _, e := range left {
		// The versions workbooks/ links to are not temporaries.
		if strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "."+AgencyDir+"-v-") {
			t.Errorf("temporary file left in the output folder: %s", e.Name())
		}
	}
}

// sheetRows returns the rows of a sheet from its header on, raw values.
func sheetRows(t *testing.T, f *excelize.File, sheet string) (header []string, rows [][]string) {
	t.Helper()
	all, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	if len(all) < headerRow {
		t.Fatalf("%s has %d rows", sheet, len(all))
	}
	return all[headerRow-1], all[headerRow:]
}

func col(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name || strings.HasPrefix(h, name+"〔") {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

func at(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

func comparison(t *testing.T) *excelize.File {
	return openBook(t, filepath.Join(buildFixture(t), ComparisonFile))
}

func agencyBook(t *testing.T, province, name string) *excelize.File {
	return openBook(t, filepath.Join(buildFixture(t), AgencyDir, province, FileName(name)+".xlsx"))
}

// TestDivisionOrder checks that agencies are listed by division code
// (province, city, county), with the code column filled, not by code
// point: 上海市… comes before 上林县 (广西), and agencies without a place
// come last.
func TestDivisionOrder(t *testing.T) {
	f := comparison(t)
	for _, sh := range []string{"收到申请", "机关索引"} {
		header, rows := sheetRows(t, f, sh)
		code, name := col(t, header, "区划代码"), col(t, header, "机关")
		var codes []string
		var names []string
		for _, r := range rows {
			codes = append(codes, at(r, code))
			names = append(names, at(r, name))
		}
		last := ""
		blank := false
		for i, c := range codes {
			switch {
			case c == "":
				blank = true
			case blank:
				t.Errorf("%s: %s (code %s) comes after an agency without a code", sh, names[i], c)
			case c < last:
				t.Errorf("%s: %s (code %s) after code %s: not in division order", sh, names[i], c, last)
			}
			if c != "" {
				last = c
			}
		}
		idx := func(n string) int { return slices.Index(names, n) }
		if idx(putuo) < 0 || idx(shanglin) < 0 || idx(putuo) > idx(hangzhouXihu) || idx(hangzhouXihu) > idx(shanglin) {
			t.Errorf("%s order %v: want 上海 (31…) before 浙江 (33…) before 广西 (45…)", sh, names)
		}
		want := map[string]string{putuo: "310107", hangzhouXihu: "330106", "杭州市司法局": "330100", "浙江省司法厅": "330000", shanglin: "450125"}
		for n, c := range want {
			if i := idx(n); i < 0 || codes[i] != c {
				t.Errorf("%s: %s code %q, want %s", sh, n, at(codes, i), c)
			}
		}
	}
}

// TestBlanksSayWhy checks that a blank figure says why, and that no blank
// is a zero.
func TestBlanksSayWhy(t *testing.T) {
	f := comparison(t)
	header, rows := sheetRows(t, f, "收到申请")
	name := col(t, header, "机关")
	y2020, y2016 := col(t, header, "2020 年（件）"), col(t, header, "2016 年（件）")
	for _, r := range rows {
		switch at(r, name) {
		case gapAgency:
			if at(r, y2020) != labels.Blank("no_report") {
				t.Errorf("收到申请 %s 2020 = %q, want %s", gapAgency, at(r, y2020), labels.Blank("no_report"))
			}
		case putuo:
			if at(r, y2016) != labels.Blank("no_report") {
				t.Errorf("收到申请 %s 2016 = %q, want %s", putuo, at(r, y2016), labels.Blank("no_report"))
			}
		}
	}
	a := agencyBook(t, "浙江省", legacyNAAgency)
	header, rows = sheetRows(t, a, "历年数字")
	got := map[string][]string{}
	for _, r := range rows {
		got[r[0]] = r
	}
	if v := at(got["予以公开"], col(t, header, "2017 年")); v != labels.Blank("not_applicable") {
		t.Errorf("予以公开 2017 of %s = %q, want %s (the legacy table printed 不适用)", legacyNAAgency, v, labels.Blank("not_applicable"))
	}
	if v := at(got["上年结转"], col(t, header, "2017 年")); v != labels.Blank("not_reported") {
		t.Errorf("上年结转 2017 = %q, want %s", v, labels.Blank("not_reported"))
	}
	if v := at(got["上年结转"], col(t, header, "2021 年")); v != labels.Blank("empty") {
		t.Errorf("上年结转 2021 = %q, want %s (the 2021 table printed “/”)", v, labels.Blank("empty"))
	}
	if v := at(got["上年结转"], col(t, header, "2021 年")); v == "0" {
		t.Errorf("a blank cell became 0")
	}
}

// TestAgencyYearsContiguous checks that an agency's years run without a
// hole, the missing year saying so, and that half-year reports have their
// own sheet.
func TestAgencyYearsContiguous(t *testing.T) {
	a := agencyBook(t, "浙江省", gapAgency)
	header, rows := sheetRows(t, a, "历年数字")
	var years []int
	for _, h := range header[2:] {
		y, err := strconv.Atoi(strings.TrimSuffix(h, " 年"))
		if err != nil {
			t.Fatalf("year header %q", h)
		}
		years = append(years, y)
	}
	for i := 1; i < len(years); i++ {
		if years[i] != years[i-1]+1 {
			t.Errorf("years %v are not contiguous", years)
		}
	}
	if !slices.Contains(years, gapYear) {
		t.Fatalf("years %v lack the missing year %d", years, gapYear)
	}
	if v := at(rows[0], 2+slices.Index(years, gapYear)); v != labels.Blank("no_report") {
		t.Errorf("收到申请 %d = %q, want %s", gapYear, v, labels.Blank("no_report"))
	}
	if slices.Contains(a.GetSheetList(), "半年数字") {
		t.Errorf("%s has no half-year report but a 半年数字 sheet", gapAgency)
	}
	h := agencyBook(t, "浙江省", halfAgency)
	if !slices.Contains(h.GetSheetList(), "半年数字") {
		t.Fatalf("%s sheets %v lack 半年数字", halfAgency, h.GetSheetList())
	}
	header, rows = sheetRows(t, h, "半年数字")
	if len(header) != 3 || header[2] != "2022 年" || rows[0][2] == "" {
		t.Errorf("半年数字 header %v, first row %v", header, rows[0])
	}
}

// TestGapFilled checks 间隔年数: the number of years since the previous
// figure, filled wherever there is one (the query's flag is not a number).
func TestGapFilled(t *testing.T) {
	check := func(sheet string, f *excelize.File) {
		header, rows := sheetRows(t, f, sheet)
		y, py, gap := col(t, header, "年份"), col(t, header, "上一年份"), col(t, header, "间隔年数（年）")
		n, long := 0, 0
		for _, r := range rows {
			if at(r, py) == "" {
				if at(r, gap) != "" {
					t.Errorf("%s: 间隔年数 %q without a previous year", sheet, at(r, gap))
				}
				continue
			}
			a, _ := strconv.Atoi(at(r, y))
			b, _ := strconv.Atoi(at(r, py))
			if at(r, gap) != strconv.Itoa(a-b) {
				t.Errorf("%s: %v: 间隔年数 %q, want %d", sheet, r, at(r, gap), a-b)
			}
			n++
			if a-b > 1 {
				long++
			}
		}
		if n == 0 {
			t.Errorf("%s: no row with a previous year", sheet)
		}
		if sheet == "同比" && long == 0 {
			t.Errorf("%s: no row spans the missing year", sheet)
		}
	}
	check("近年变化", comparison(t))
	check("同比", agencyBook(t, "浙江省", gapAgency))
}

// TestFormats checks number formats: money with at least two decimals
// (0.004 万元 is not shown as 0), counts as integers, ratios as 0.0%,
// years as numbers, and the approximate mark.
func TestFormats(t *testing.T) {
	f := comparison(t)
	header, rows := sheetRows(t, f, "依申请公开收费")
	name, y := col(t, header, "机关"), col(t, header, "2022 年（万元）")
	for i, r := range rows {
		if at(r, name) != feeAgency {
			continue
		}
		cell := cellName(y+1, headerRow+1+i)
		if v := at(r, y); v != "0.004" {
			t.Errorf("fee %s = %q, want 0.004", cell, v)
		}
		if shown, _ := f.GetCellValue("依申请公开收费", cell); shown != "0.004" {
			t.Errorf("fee %s shows %q, want 0.004", cell, shown)
		}
		if nf := numFmtOf(t, f, "依申请公开收费", cell); nf != "#,##0.00##" {
			t.Errorf("fee %s format %q, want #,##0.00##", cell, nf)
		}
	}
	if shown, _ := f.GetCellValue("依申请公开收费", cellName(y+1, headerRow+1)); shown != "12.50" {
		t.Errorf("fee shows %q, want 12.50", shown)
	}
	header, _ = sheetRows(t, f, "收到申请")
	if nf := numFmtOf(t, f, "收到申请", cellName(col(t, header, "2019 年（件）")+1, headerRow+1)); nf != "#,##0" {
		t.Errorf("count format %q", nf)
	}
	header, _ = sheetRows(t, f, "公开率")
	if nf := numFmtOf(t, f, "公开率", cellName(col(t, header, "2019 年（%）")+1, headerRow+1)); nf != "0.0%" {
		t.Errorf("rate format %q", nf)
	}
	header, _ = sheetRows(t, f, "主动公开")
	c := cellName(col(t, header, "2019 年（条）")+1, headerRow+1)
	if nf := numFmtOf(t, f, "主动公开", c); nf != `"约"#,##0` {
		t.Errorf("approximate format %q", nf)
	}
	if typ, _ := f.GetCellType("主动公开", c); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("an approximate figure is not a number: %v", typ)
	}
	// Years and counts of checks are numbers, shown without decimals.
	header, rows = sheetRows(t, f, "未通过核验")
	for i := range rows {
		for _, name := range []string{"年份", "应为（件）", "实际（件）"} {
			cell := cellName(col(t, header, name)+1, headerRow+1+i)
			shown, _ := f.GetCellValue("未通过核验", cell)
			if _, err := strconv.Atoi(strings.ReplaceAll(shown, ",", "")); err != nil {
				t.Errorf("未通过核验 %s %s shows %q, want an integer", name, cell, shown)
			}
		}
	}
	a := agencyBook(t, "浙江省", feeAgency)
	header, rows = sheetRows(t, a, "出处")
	key, val, src := col(t, header, "项目"), col(t, header, "数值"), col(t, header, "原文")
	seenTable := false
	for i, r := range rows {
		shown, _ := a.GetCellValue("出处", cellName(val+1, headerRow+1+i))
		if strings.HasPrefix(at(r, key), "（一）予以公开") && strings.Contains(shown, ".") {
			t.Errorf("出处 count shows %q, want an integer", shown)
		}
		if at(r, src) == at(r, val) && at(r, val) != "" {
			t.Errorf("出处 原文 %q is the lone figure", at(r, src))
		}
		if strings.Contains(at(r, src), "行：") && strings.Contains(at(r, src), "格中：") {
			seenTable = true
		}
	}
	if !seenTable {
		t.Errorf("出处 shows no table cell with its row and column")
	}
}

func numFmtOf(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// TestPeerSheetNamesPeers checks the agency's peer comparison: every peer
// named with its figures, the agency marked, its rank, percentile and the
// median without itself computed right, and kinds of body kept apart.
func TestPeerSheetNamesPeers(t *testing.T) {
	a := agencyBook(t, "浙江省", hangzhouXihu)
	header, rows := sheetRows(t, a, "同类机关")
	name, self := col(t, header, "机关"), col(t, header, "本机关")
	var peers []string
	for _, r := range rows {
		peers = append(peers, at(r, name))
		if (at(r, self) != "") != (at(r, name) == hangzhouXihu) {
			t.Errorf("同类机关 row %v: 本机关 marks the wrong row", r)
		}
	}
	// County 司法局 of every province are peers; the city and provincial
	// bodies, the government and the unidentified are not.
	want := []string{putuo, hangzhouSJ, "杭州市拱墅区司法局", hangzhouXihu, gapAgency, legacyNAAgency, scriptName, shanglin}
	if !slices.Equal(peers, want) {
		t.Errorf("同类机关 names %v, want %v", peers, want)
	}
	// The 2023 figures of the group, to recompute the standing.
	y := col(t, header, "收到申请 2023 年（件）")
	vals := map[string]float64{}
	for _, r := range rows {
		if v, err := strconv.ParseFloat(at(r, y), 64); err == nil {
			vals[at(r, name)] = v
		}
	}
	own := vals[hangzhouXihu]
	rank, below := 1, 0
	var others []float64
	for n, v := range vals {
		if v > own {
			rank++
		}
		if v < own {
			below++
		}
		if n != hangzhouXihu {
			others = append(others, v)
		}
	}
	slices.Sort(others)
	median := others[len(others)/2]
	if len(others)%2 == 0 {
		median = (others[len(others)/2-1] + others[len(others)/2]) / 2
	}
	header, rows = sheetRows(t, a, "同类比较")
	found := false
	for _, r := range rows {
		if at(r, 0) != "收到申请" || at(r, col(t, header, "年份")) != "2023" {
			continue
		}
		found = true
		if at(r, col(t, header, "组内排名（位）")) != strconv.Itoa(rank) || at(r, col(t, header, "组内机关数（个）")) != strconv.Itoa(len(vals)) {
			t.Errorf("同类比较 2023 %v: want rank %d of %d", r, rank, len(vals))
		}
		pct, _ := strconv.ParseFloat(at(r, col(t, header, "百分位（0–100）")), 64)
		if want := 100 * float64(below) / float64(len(vals)-1); pct != want {
			t.Errorf("percentile %v, want %v", pct, want)
		}
		med, _ := strconv.ParseFloat(at(r, col(t, header, "同类中位数（不含本机关）")), 64)
		if med != median {
			t.Errorf("median without the agency %v, want %v (of %v)", med, median, others)
		}
	}
	if !found {
		t.Errorf("同类比较 lacks 收到申请 2023")
	}
	// The comparison's ranking keeps the unidentified and incomplete
	// names out; they are listed on their own sheet.
	f := comparison(t)
	header, rows = sheetRows(t, f, "同类排名")
	for _, r := range rows {
		if n := at(r, col(t, header, "机关")); n == unidentified || n == incomplete {
			t.Errorf("同类排名 ranks %s", n)
		}
	}
	_, rows = sheetRows(t, f, "未识别机关")
	var listed []string
	for _, r := range rows {
		listed = append(listed, r[0])
	}
	if !slices.Contains(listed, unidentified) || !slices.Contains(listed, incomplete) {
		t.Errorf("未识别机关 lists %v, want %s and %s", listed, unidentified, incomplete)
	}
	for _, sh := range []string{"趋势图数据", "排名图数据"} {
		_, rows := sheetRows(t, f, sh)
		for _, r := range rows {
			for _, c := range r {
				if c == unidentified || c == incomplete {
					t.Errorf("%s charts %s", sh, c)
				}
			}
		}
	}
}

// TestGroupRatesFromSums checks that a group's ratio is its summed
// numerators over its summed denominators, not an average of ratios.
func TestGroupRatesFromSums(t *testing.T) {
	a := agencyBook(t, "浙江省", hangzhouXihu)
	f := comparison(t)
	header, rows := sheetRows(t, f, "同类组比率")
	g, y, rate := col(t, header, "同类组"), col(t, header, "年份"), col(t, header, "比率")
	num, den, val := col(t, header, "分子（件）"), col(t, header, "分母（件）"), col(t, header, "比率值（%）")
	var group float64
	for _, r := range rows {
		if at(r, g) == "县级·司法局" && at(r, y) == "2023" && at(r, rate) == "公开率" {
			n, _ := strconv.ParseFloat(at(r, num), 64)
			d, _ := strconv.ParseFloat(at(r, den), 64)
			v, _ := strconv.ParseFloat(at(r, val), 64)
			if d == 0 || v != n/d {
				t.Errorf("县级·司法局 2023 公开率 %v ≠ %v / %v", v, n, d)
			}
			group = v
		}
	}
	header, rows = sheetRows(t, a, "比率")
	for _, r := range rows {
		if at(r, 0) == "2023" && at(r, 1) == "公开率" {
			if v, _ := strconv.ParseFloat(at(r, col(t, header, "同类组比率（%）")), 64); v != group {
				t.Errorf("agency workbook's group rate %v, comparison's %v", v, group)
			}
		}
	}
}

// TestFormulaInjection checks that text which would start a formula is
// written as text, with an apostrophe, in every workbook.
func TestFormulaInjection(t *testing.T) {
	out := buildFixture(t)
	for _, p := range []string{filepath.Join(out, ComparisonFile), filepath.Join(out, AgencyDir, "浙江省", FileName(formulaName)+".xlsx"),
		filepath.Join(out, AgencyDir, IndexFile)} {
		f := openBook(t, p)
		seen := false
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for i, row := range rows {
				for j, v := range row {
					c := cellName(j+1, i+1)
					if fm, _ := f.GetCellFormula(sh, c); fm != "" {
						t.Errorf("%s %s!%s holds a formula %q", p, sh, c, fm)
					}
					if strings.HasPrefix(v, "=") {
						t.Errorf("%s %s!%s = %q starts a formula", p, sh, c, v)
					}
					seen = seen || v == "'"+formulaName
				}
			}
		}
		if !seen {
			t.Errorf("%s never shows the formula-shaped name as text", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "etc")); err == nil {
		t.Errorf("an agency name escaped the output folder")
	}
}

// TestIndexLinksEveryWorkbook checks the index: one row per agency, each
// linking a workbook that exists, in a folder by province.
func TestIndexLinksEveryWorkbook(t *testing.T) {
	out := buildFixture(t)
	for _, c := range []struct{ file, prefix string }{{filepath.Join(out, ComparisonFile), AgencyDir + "/"}, {filepath.Join(out, AgencyDir, IndexFile), ""}} {
		f := openBook(t, c.file)
		header, rows := sheetRows(t, f, "机关索引")
		book := col(t, header, "工作簿")
		if len(rows) != len(fixtureAgencies) {
			t.Errorf("%s index has %d rows, want %d", c.file, len(rows), len(fixtureAgencies))
		}
		for i, r := range rows {
			ok, target, err := f.GetCellHyperLink("机关索引", cellName(book+1, headerRow+1+i))
			if err != nil || !ok {
				t.Errorf("%s index row %v has no link", c.file, r)
				continue
			}
			rel, err := unescapePath(target)
			if err != nil || !strings.HasPrefix(rel, c.prefix) {
				t.Errorf("link %q", target)
				continue
			}
			p := filepath.Join(filepath.Dir(c.file), filepath.FromSlash(rel))
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s links %q, which does not exist", c.file, target)
			}
			if dir := filepath.Base(filepath.Dir(p)); r[0] != "" && dir != FileName(r[0]) {
				t.Errorf("workbook of %s is in folder %s, not its province %s", at(r, 3), dir, r[0])
			}
		}
	}
}

// TestSplitByYear checks that a table longer than a sheet holds is split
// into one sheet per year, and the contents sheet says so.
func TestSplitByYear(t *testing.T) {
	old := maxSheetRows
	maxSheetRows = 180
	defer func() { maxSheetRows = old }()
	st := openFixture(t, fixtureReports())
	out := t.TempDir()
	if err := ExportComparison(context.Background(), runOn(st), filepath.Join(out, ComparisonFile)); err != nil {
		t.Fatal(err)
	}
	f := openBook(t, filepath.Join(out, ComparisonFile))
	sheets := f.GetSheetList()
	var parts []string
	for _, s := range sheets {
		if strings.HasPrefix(s, "近年变化") && s != "近年变化" {
			parts = append(parts, s)
		}
	}
	if len(parts) < 2 || slices.Contains(sheets, "近年变化") {
		t.Fatalf("近年变化 split into %v (sheets %v)", parts, sheets)
	}
	rows, _ := f.GetRows(contentsSheet)
	said := false
	for _, r := range rows {
		said = said || len(r) > 1 && strings.HasPrefix(r[0], "近年变化") && strings.Contains(r[1], "按年份分表")
	}
	if !said {
		t.Errorf("目录 does not say the table was split by year")
	}
	for _, p := range parts {
		x := readXML(t, filepath.Join(out, ComparisonFile)).sheets[p]
		if x.maxRow > maxSheetRows {
			t.Errorf("%s has %d rows, more than %d", p, x.maxRow, maxSheetRows)
		}
	}
}

// TestAgencyWorkbooksReused checks the incremental build: a second build
// keeps the workbooks of agencies whose inputs (their rows and their
// group's) did not change, and a new report rewrites its agency's group.
func TestAgencyWorkbooksReused(t *testing.T) {
	st := chartstest.OpenStore(t)
	out := t.TempDir()
	ctx := context.Background()
	if _, err := Build(ctx, st.DB(), out); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, AgencyDir)
	stat := func(agency string) os.FileInfo {
		t.Helper()
		var found os.FileInfo
		// workbooks/ links to the current version's folder: walk that.
		cur, err := filepath.EvalSymlinks(dir)
		if err != nil {
			t.Fatal(err)
		}
		filepath.WalkDir(cur, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Name() == FileName(agency)+".xlsx" {
				found, _ = os.Stat(p)
			}
			return nil
		})
		if found == nil {
			t.Fatalf("no workbook of %s", agency)
		}
		return found
	}
	plain, other, peer := stat(chartstest.PlainAgency), stat(chartstest.FormulaAgency), stat(chartstest.ScriptAgency)
	if err := st.SaveReports(ctx, []*report.Report{chartstest.Report2024()}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ctx, st.DB(), out); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(other, stat(chartstest.FormulaAgency)) {
		t.Errorf("the workbook of an agency of another group was rewritten")
	}
	if os.SameFile(plain, stat(chartstest.PlainAgency)) {
		t.Errorf("workbook of the agency with a new report was reused")
	}
	if os.SameFile(peer, stat(chartstest.ScriptAgency)) {
		t.Errorf("workbook of a peer of the changed agency was reused: its peer sheet is stale")
	}
}

// TestExportAgency checks `xxgk export --agency`'s workbook: the same
// sheets as the build's, and a clear error for an unknown agency.
func TestExportAgency(t *testing.T) {
	st := openFixture(t, fixtureReports())
	out := filepath.Join(t.TempDir(), "a.xlsx")
	if err := ExportAgency(context.Background(), runOn(st), hangzhouXihu, out); err != nil {
		t.Fatal(err)
	}
	f := checkBook(t, out, inputWords(fixtureReports()))
	want := agencyBook(t, "浙江省", hangzhouXihu).GetSheetList()
	if !slices.Equal(f.GetSheetList(), want) {
		t.Errorf("exported sheets %v, built %v", f.GetSheetList(), want)
	}
	err := ExportAgency(context.Background(), runOn(st), "没有这个机关", out+"2")
	if err == nil || !strings.Contains(err.Error(), "没有这个机关") {
		t.Errorf("unknown agency: %v", err)
	}
}

// TestChartsDrawSomething checks the agency charts: a series of one year
// becomes a bar of the agency against its peers' median, a longer one a
// line of both, and an agency without peers draws its own figures only.
func TestChartsDrawSomething(t *testing.T) {
	out := buildFixture(t)
	for _, c := range []struct {
		province, name, kind string
		series, points       int
	}{
		{"浙江省", "杭州市拱墅区司法局", "barChart", 1, 2},   // 2023 only: itself and the median
		{"浙江省", hangzhouXihu, "lineChart", 2, 8}, // 2016–2023, itself and the median
		{"省份不明", incomplete, "lineChart", 1, 2},  // no peer group: its own line
	} {
		file := filepath.Join(out, AgencyDir, c.province, FileName(c.name)+".xlsx")
		f := openBook(t, file)
		x := readXML(t, file)
		if len(x.charts) == 0 {
			t.Errorf("%s has no chart", c.name)
			continue
		}
		first := x.charts[0] // chart1: applications received
		if !slices.Contains(first.kinds, c.kind) || len(first.series) != c.series {
			t.Errorf("%s: first chart %v with %d series, want %s with %d", c.name, first.kinds, len(first.series), c.kind, c.series)
			continue
		}
		if n := len(rangeValues(t, f, first.series[0])); n != c.points {
			t.Errorf("%s: first series %s has %d points, want %d", c.name, first.series[0], n, c.points)
		}
	}
}
