package dataset

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// Texts that must come back from every file exactly as stored.
const (
	formulaText    = `=cmd|' /C calc'!A0 收到申请 7 件`
	minusText      = "-全年收到申请 9 件（负号开头）"
	apostropheText = "'引号开头的原文：主动公开 300 条"
	multilineText  = "收到申请 5 件，\n其中“当面”申请 2 件, 含逗号"
	halfYearAgency = "丁县人民政府"
)

func prose(key string, v float64, approx bool, text string) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v, Approx: approx,
		Prov: report.Provenance{Source: "prose", Rule: "test", Text: text}}
}

func sha(parts ...any) string {
	h := sha256.Sum256([]byte(fmt.Sprint(parts...)))
	return hex.EncodeToString(h[:])
}

// extraReports add to the chart fixture (blank and not-applicable cells,
// hostile names, a legacy year) what the dataset must also carry: a
// half-year report beside an annual one, an approximate figure, and source
// texts that a spreadsheet would run or that break a naive CSV.
func extraReports() []*report.Report {
	ident := func(year int, p report.Period) report.Identity {
		return report.Identity{Agency: halfYearAgency, Level: "county", Province: "另省", City: "丁市", Year: year, Period: p}
	}
	return []*report.Report{
		{ID: sha("ding", 2020), Path: "reports/ding/2020.txt", Format: "txt", Size: 300, Identity: aliased(ident(2020, report.PeriodYear), "丁县政府", "丁县人民政府"),
			Form: report.FormNarrative, Metrics: []report.Metric{
				prose("apps_new.total", 7, false, formulaText),
				prose("granted.total", 9, false, minusText),
				prose("proactive.total", 300, true, apostropheText),
			}},
		{ID: sha("ding", 2020, "h1"), Path: "reports/ding/2020-h1.txt", Format: "txt", Size: 200, Identity: aliased(ident(2020, report.PeriodH1), "丁县县政府", "丁县政府"),
			Form: report.FormNarrative, Metrics: []report.Metric{prose("apps_new.total", 5, true, multilineText)}},
	}
}

// aliased gives an identity the other spellings its report prints (the
// agency's own name among them, as a careless reader might store it).
func aliased(id report.Identity, aliases ...string) report.Identity {
	id.AgencyAliases = aliases
	return id
}

// fixture is the chart fixture with the extra reports, in a real DuckDB
// file, built once for the package's tests (which only read it).
func fixture(t *testing.T) *sql.DB {
	t.Helper()
	fixtureOnce.Do(func() {
		st, err := load.Open(context.Background(), filepath.Join(fixtureDir, "fixture.duckdb"))
		if err != nil {
			fixtureErr = err
			return
		}
		if err := st.SaveReports(context.Background(), append(chartstest.Reports(), extraReports()...)); err != nil {
			fixtureErr = err
			return
		}
		fixtureDB = st.DB()
	})
	if fixtureErr != nil {
		t.Fatalf("fixture: %v", fixtureErr)
	}
	return fixtureDB
}

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureDB   *sql.DB
	fixtureErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "xxgk-dataset-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fixtureDir = dir
	code := m.Run()
	if fixtureDB != nil {
		fixtureDB.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

var testTime = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

func write(t *testing.T, db *sql.DB, o Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	o.Now, o.Version = testTime, "test"
	if _, err := Write(context.Background(), db, dir, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return dir
}

// readCSV reads a file of the dataset: it must start with the BOM; the
// header and the rows are returned with the escaping undone.
func readCSV(t *testing.T, path string) (header []string, rows [][]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(BOM)) {
		t.Fatalf("%s does not start with the UTF-8 BOM", path)
	}
	r := csv.NewReader(bytes.NewReader(b[len(BOM):]))
	all, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if len(all) == 0 {
		t.Fatalf("%s is empty", path)
	}
	for _, row := range all[1:] {
		for i := range row {
			row[i] = Unescape(row[i])
		}
	}
	return all[0], all[1:]
}

// text renders a driver value the way the CSV file writes it, unescaped.
func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return Cell(v)
}

func run(t *testing.T, db *sql.DB, name string, f queries.Filter) *queries.Result {
	t.Helper()
	res, err := queries.Run(context.Background(), db, name, f)
	if err != nil {
		t.Fatalf("Run(%s): %v", name, err)
	}
	return res
}

// harmonisedCols are the columns the dataset shares with harmonised.
var harmonisedCols = []string{"agency", "agency_kind", "level", "province", "city", "year", "period", "form",
	"metric", "value", "approx", "mapped", "confidence", "source_keys", "report_id", "label"}

// numberRows keeps the rows of the dataset that carry a figure, as maps.
func numberRows(header []string, rows [][]string, col func(string) string) []map[string]string {
	var out []map[string]string
	for _, r := range rows {
		m := map[string]string{}
		for i, h := range header {
			m[col(h)] = r[i]
		}
		if m["value_kind"] == "number" {
			out = append(out, m)
		}
	}
	return out
}

// codeOf maps a Chinese header of the dataset back to its column code.
func codeOf(t *testing.T) func(string) string {
	byTitle := map[string]string{}
	for _, c := range datasetColumns {
		if prev, dup := byTitle[c.title()]; dup {
			t.Fatalf("columns %s and %s share the header %s", prev, c.name, c.title())
		}
		byTitle[c.title()] = c.name
	}
	return func(h string) string { return byTitle[h] }
}

// compareHarmonised checks that the figures of the dataset are the rows of
// harmonised, in order, value for value.
func compareHarmonised(t *testing.T, what string, got []map[string]string, h *queries.Result) {
	t.Helper()
	tab := queries.NewTable(h)
	if len(got) != len(h.Rows) {
		t.Fatalf("%s: %d rows with a figure, harmonised has %d", what, len(got), len(h.Rows))
	}
	for i, row := range h.Rows {
		for _, c := range harmonisedCols {
			if want := text(tab.Value(row, c)); got[i][c] != want {
				t.Errorf("%s row %d (%s %s %s): %s = %q, harmonised %q", what, i, got[i]["agency"], got[i]["year"], got[i]["metric"], c, got[i][c], want)
			}
		}
	}
}

func TestCSVEqualsHarmonised(t *testing.T) {
	// CSV alone reads the query; with another format, a temporary copy.
	for _, formats := range [][]string{{FormatCSV}, {FormatCSV, FormatParquet}} {
		t.Run(strings.Join(formats, ","), func(t *testing.T) { testCSVEqualsHarmonised(t, formats) })
	}
}

func testCSVEqualsHarmonised(t *testing.T, formats []string) {
	db := fixture(t)
	dir := write(t, db, Options{Formats: formats})
	header, rows := readCSV(t, filepath.Join(dir, DatasetCSV))
	var titles []string
	for _, c := range datasetColumns {
		titles = append(titles, c.title())
	}
	if !slices.Equal(header, titles) {
		t.Fatalf("header = %v, want the Chinese titles %v", header, titles)
	}
	col := codeOf(t)
	compareHarmonised(t, DatasetCSV, numberRows(header, rows, col), run(t, db, "harmonised", queries.Filter{}))

	// The whole file is the dataset query, row for row.
	ds := run(t, db, "dataset", queries.Filter{})
	if len(rows) != len(ds.Rows) {
		t.Fatalf("%d rows, the dataset query has %d", len(rows), len(ds.Rows))
	}
	for i, r := range ds.Rows {
		for j, v := range r {
			if rows[i][j] != text(v) {
				t.Errorf("row %d %s = %q, query %q", i, ds.Columns[j], rows[i][j], text(v))
			}
		}
	}

	// Blank stays blank: the empty and not-applicable cells of the fixture
	// are rows with no value, never 0, and nothing else is.
	kinds := map[string]int{}
	for _, r := range rows {
		m := map[string]string{}
		for i, h := range header {
			m[col(h)] = r[i]
		}
		kinds[m["value_kind"]]++
		if m["value_kind"] == "number" {
			if m["value"] == "" {
				t.Errorf("%s %s %s: a number with no value", m["agency"], m["year"], m["metric"])
			}
			continue
		}
		if m["value"] != "" || m["approx"] != "" {
			t.Errorf("%s %s %s (%s): value %q approx %q, want both empty", m["agency"], m["year"], m["metric"], m["value_kind"], m["value"], m["approx"])
		}
	}
	// denied: the fixture leaves denied_safety blank; granted of the legacy
	// year is "/".
	if kinds["empty"] == 0 || kinds["not_applicable"] == 0 {
		t.Errorf("kinds of value %v: want empty and not_applicable rows from the fixture's blank cells", kinds)
	}
	for k := range kinds {
		if !slices.Contains([]string{"number", "empty", "not_applicable"}, k) {
			t.Errorf("value_kind %q is not a kind of value", k)
		}
	}
	blank := rowsWhere(header, rows, col, map[string]string{"agency": chartstest.PlainAgency, "year": "2017", "metric": "granted"})
	if len(blank) != 1 || blank[0]["value_kind"] != "not_applicable" || !strings.HasSuffix(blank[0]["source"], "：/") || blank[0]["mapped"] != "true" {
		t.Errorf("legacy 予以公开 printed as /: got %v, want one not_applicable row whose source (row × column：text) is / and mapped true", blank)
	}

	// The other spellings of an agency printed in any of its reports, its
	// own name left out, on every row of it; none where nothing else is printed.
	for agency, want := range map[string]string{halfYearAgency: "丁县县政府|丁县政府", chartstest.PlainAgency: ""} {
		got := rowsWhere(header, rows, col, map[string]string{"agency": agency})
		if len(got) == 0 {
			t.Errorf("no rows of %s", agency)
		}
		for _, m := range got {
			if m["agency_aliases"] != want {
				t.Errorf("%s %s %s: agency_aliases %q, want %q", agency, m["year"], m["metric"], m["agency_aliases"], want)
				break
			}
		}
	}

	// Untrusted text comes back exactly; the hostile agency is escaped in
	// the file, restored by Unescape.
	for _, want := range []string{formulaText, minusText, apostropheText, multilineText} {
		if len(rowsWhere(header, rows, col, map[string]string{"source": want})) != 1 {
			t.Errorf("source text %q does not come back from the CSV exactly once", want)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, DatasetCSV))
	cells, err := csv.NewReader(bytes.NewReader(raw[len(BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	escaped := 0
	for _, r := range cells {
		if r[1] == chartstest.FormulaAgency {
			t.Fatalf("the agency %q is written unescaped: a spreadsheet would run it", r[1])
		}
		if r[1] == "'"+chartstest.FormulaAgency {
			escaped++
		}
	}
	if escaped == 0 {
		t.Errorf("no row of %q, escaped with an apostrophe", chartstest.FormulaAgency)
	}
	// The half-year report stays apart from the annual one.
	if h1 := rowsWhere(header, rows, col, map[string]string{"agency": halfYearAgency, "period": "h1", "metric": "received"}); len(h1) != 1 || h1[0]["value"] != "5" || h1[0]["approx"] != "true" {
		t.Errorf("half-year 收到申请: %v, want one row of 5, approximate", h1)
	}
	// agency_id is the site's page stem: SHA-256 of the name, 12 hex digits.
	for _, m := range rowsWhere(header, rows, col, map[string]string{"agency": chartstest.ScriptAgency}) {
		h := sha256.Sum256([]byte(chartstest.ScriptAgency))
		if m["agency_id"] != hex.EncodeToString(h[:6]) {
			t.Fatalf("agency_id = %q, want %q", m["agency_id"], hex.EncodeToString(h[:6]))
		}
	}
}

func rowsWhere(header []string, rows [][]string, col func(string) string, match map[string]string) []map[string]string {
	var out []map[string]string
	for _, r := range rows {
		m := map[string]string{}
		for i, h := range header {
			m[col(h)] = r[i]
		}
		ok := true
		for k, v := range match {
			ok = ok && m[k] == v
		}
		if ok {
			out = append(out, m)
		}
	}
	return out
}

// parquetRows reads Parquet back with DuckDB's read_parquet, sorted by
// sortBy (row order across files is the reader's), as text.
func parquetRows(t *testing.T, db *sql.DB, glob string, hive bool, sortBy string) ([]string, [][]string) {
	t.Helper()
	q := fmt.Sprintf("SELECT * FROM read_parquet(%s, hive_partitioning = %v) ORDER BY %s", literal(glob), hive, sortBy)
	rs, err := db.Query(q)
	if err != nil {
		t.Fatalf("read_parquet(%s): %v", glob, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var out [][]string
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		line := make([]string, len(vals))
		for i, v := range vals {
			line[i] = text(v)
		}
		out = append(out, line)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return cols, out
}

func TestParquetEqualsHarmonised(t *testing.T) {
	for _, formats := range [][]string{{FormatParquet}, {FormatCSV, FormatParquet}} {
		t.Run(strings.Join(formats, ","), func(t *testing.T) { testParquetEqualsHarmonised(t, formats) })
	}
}

func testParquetEqualsHarmonised(t *testing.T, formats []string) {
	db := fixture(t)
	dir := write(t, db, Options{Formats: formats})
	const order = "agency, year, period, metric"
	cols, rows := parquetRows(t, db, filepath.Join(dir, DatasetParquet, "**", "*.parquet"), true, order)
	if want := names(datasetColumns); !sameSet(cols, want) {
		t.Fatalf("Parquet columns %v, want %v", cols, want)
	}
	// harmonised in the same order.
	h := run(t, db, "harmonised", queries.Filter{})
	sorted := sortedResult(t, db, "harmonised", order)
	if len(sorted.Rows) != len(h.Rows) {
		t.Fatal("sorting lost rows")
	}
	compareHarmonised(t, "dataset Parquet", numberRows(cols, rows, func(c string) string { return c }), sorted)

	// Every row, blanks included, is the dataset query's.
	ds := sortedResult(t, db, "dataset", order)
	if len(rows) != len(ds.Rows) {
		t.Fatalf("%d Parquet rows, the dataset query has %d", len(rows), len(ds.Rows))
	}
	dt := queries.NewTable(ds)
	for i, r := range ds.Rows {
		for j, c := range cols {
			if want := text(dt.Value(r, c)); rows[i][j] != want {
				t.Errorf("Parquet row %d %s = %q, query %q", i, c, rows[i][j], want)
			}
		}
	}
	// Blank stays blank in Parquet too: NULL, never 0.
	vk, val := slices.Index(cols, "value_kind"), slices.Index(cols, "value")
	blanks := 0
	for _, r := range rows {
		if r[vk] != "number" {
			blanks++
			if r[val] != "" {
				t.Errorf("Parquet %v: a %s row with value %q", r[:3], r[vk], r[val])
			}
		}
	}
	if blanks == 0 {
		t.Error("no blank rows in the Parquet dataset: the fixture's blank cells are lost")
	}
	// One folder per year, no year column inside the files.
	years, _ := filepath.Glob(filepath.Join(dir, DatasetParquet, "year=*"))
	if len(years) < 5 {
		t.Errorf("year folders %v, want one per year of the fixture", years)
	}
	fileCols, _ := parquetRows(t, db, years[0]+"/*.parquet", false, "agency")
	if slices.Contains(fileCols, "year") {
		t.Errorf("the partition column year is inside the files too: %v", fileCols)
	}

	// reports and checks: one file each, the queries' rows.
	for _, tc := range []struct{ file, query, order string }{
		{ReportsParquet, "dataset_reports", "report_id"},
		{ChecksParquet, "dataset_checks", "report_id, rule, scope, status, expected, actual"},
	} {
		cols, rows := parquetRows(t, db, filepath.Join(dir, tc.file), false, tc.order)
		want := sortedResult(t, db, tc.query, tc.order)
		if !slices.Equal(cols, want.Columns) || len(rows) != len(want.Rows) {
			t.Fatalf("%s: columns %v, %d rows; query %v, %d rows", tc.file, cols, len(rows), want.Columns, len(want.Rows))
		}
		for i, r := range want.Rows {
			for j, v := range r {
				if rows[i][j] != text(v) {
					t.Errorf("%s row %d %s = %q, query %q", tc.file, i, cols[j], rows[i][j], text(v))
				}
			}
		}
	}
}

// sortedResult is a named query's whole result sorted by order, through
// the query text itself.
func sortedResult(t *testing.T, db *sql.DB, name, order string) *queries.Result {
	t.Helper()
	text, args, err := queries.Statement(context.Background(), db, name, queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := db.Query("SELECT * FROM ("+text+") ORDER BY "+order, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	res := &queries.Result{}
	res.Columns, _ = rs.Columns()
	for rs.Next() {
		vals := make([]any, len(res.Columns))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		res.Rows = append(res.Rows, vals)
	}
	return res
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func TestFilterAgencyAndYears(t *testing.T) {
	db := fixture(t)
	f := queries.Filter{Agencies: []string{chartstest.PlainAgency, halfYearAgency}, Years: []int{2017, 2020}}
	dir := write(t, db, Options{Formats: []string{FormatCSV, FormatParquet}, Filter: f})
	header, rows := readCSV(t, filepath.Join(dir, DatasetCSV))
	col := codeOf(t)
	compareHarmonised(t, "filtered CSV", numberRows(header, rows, col), run(t, db, "harmonised", f))
	seen := map[string]bool{}
	for _, m := range rowsWhere(header, rows, col, nil) {
		seen[m["agency"]+" "+m["year"]] = true
		if !slices.Contains(f.Agencies, m["agency"]) || (m["year"] != "2017" && m["year"] != "2020") {
			t.Errorf("row of %s %s outside the filter", m["agency"], m["year"])
		}
	}
	for _, want := range []string{chartstest.PlainAgency + " 2017", chartstest.PlainAgency + " 2020", halfYearAgency + " 2020"} {
		if !seen[want] {
			t.Errorf("no rows of %s", want)
		}
	}
	_, prows := parquetRows(t, db, filepath.Join(dir, DatasetParquet, "**", "*.parquet"), true, "agency")
	if len(prows) != len(rows) {
		t.Errorf("filtered Parquet has %d rows, CSV %d", len(prows), len(rows))
	}
	_, reps := readCSV(t, filepath.Join(dir, ReportsCSV))
	if len(reps) != 4 { // 甲 2017, 甲 2020, 丁 2020 annual and half-year
		t.Errorf("filtered reports: %d rows, want 4", len(reps))
	}
}

// TestEmptyDatabase: no reports, still a dataset with headers, a
// dictionary and a package that describes what is there.
func TestEmptyDatabase(t *testing.T) {
	db := fixture(t)
	dir := write(t, db, Options{Formats: Formats, Filter: queries.Filter{Agencies: []string{"没有这个机关"}}})
	header, rows := readCSV(t, filepath.Join(dir, DatasetCSV))
	if len(header) != len(datasetColumns) || len(rows) != 0 {
		t.Errorf("empty dataset: header %v, %d rows", header, len(rows))
	}
	validatePackage(t, db, dir)
}

func TestDictionaryCoversEverything(t *testing.T) {
	db := fixture(t)
	dir := write(t, db, Options{Formats: Formats})
	header, rows := readCSV(t, filepath.Join(dir, DictionaryCSV))
	if want := []string{"类别", "所属", "名称", "中文名", "类型", "单位", "适用表式", "定义", "备注"}; !slices.Equal(header, want) {
		t.Fatalf("dictionary header %v, want %v", header, want)
	}
	has := map[[3]string]map[string]string{}
	for _, r := range rows {
		m := map[string]string{}
		for i, h := range header {
			m[h] = r[i]
		}
		has[[3]string{r[0], r[1], r[2]}] = m
	}
	need := func(entry, of, name string) map[string]string {
		t.Helper()
		m, ok := has[[3]string{entry, of, name}]
		if !ok {
			t.Errorf("dictionary has no %s %s %s", entry, of, name)
			return map[string]string{}
		}
		if m["中文名"] == "" || m["定义"] == "" {
			t.Errorf("dictionary %s %s %s: no Chinese name or definition: %v", entry, of, name, m)
		}
		return m
	}
	// Every column of every file, by reading the files' own headers.
	for _, f := range dictFiles {
		h, _ := readCSV(t, filepath.Join(dir, f.name+".csv"))
		for i, c := range f.columns {
			m := need(labels.DictionaryEntry("column"), f.name, c.name)
			if m["中文名"] != h[i] {
				t.Errorf("%s.csv column %d is %q, the dictionary names %s %q", f.name, i, h[i], c.name, m["中文名"])
			}
			if m["类型"] == "" {
				t.Errorf("dictionary %s.%s has no type", f.name, c.name)
			}
		}
	}
	// Every comparable metric, with its unit and forms.
	for _, r := range run(t, db, "dataset_metrics", queries.Filter{}).Rows {
		m := need(labels.DictionaryEntry("metric"), "dataset.metric", r[1].(string))
		if m["单位"] == "" || m["适用表式"] == "" {
			t.Errorf("metric %v: unit %q, forms %q", r[1], m["单位"], m["适用表式"])
		}
	}
	// Every raw key of the spec and every key a crosswalk rule reads.
	keys := map[string]bool{}
	for _, k := range report.Keys() {
		keys[k.Key] = true
	}
	cw := queries.NewTable(run(t, db, "crosswalk", queries.Filter{}))
	for _, r := range cw.Rows() {
		for _, src := range []string{cw.Str(r, "modern_source"), cw.Str(r, "legacy_source")} {
			for _, k := range strings.Split(src, " + ") {
				if k != "" {
					keys[k] = true
				}
			}
		}
	}
	for k := range keys {
		m := need(labels.DictionaryEntry("key"), "dataset.source_keys", k)
		if _, known := report.LookupKey(k); known && m["适用表式"] == "" {
			t.Errorf("key %s: no forms", k)
		}
	}
	// Every code that occurs in a coded column of the files.
	for _, f := range []struct {
		file string
		cols []string
	}{{DatasetCSV, []string{"level", "period", "form", "value_kind", "confidence"}}, {ChecksCSV, []string{"status", "period"}}} {
		h, rows := readCSV(t, filepath.Join(dir, f.file))
		for _, c := range f.cols {
			i := slices.Index(h, Header(c))
			for _, r := range rows {
				if r[i] != "" {
					need(labels.DictionaryEntry("code"), c, r[i])
				}
			}
		}
	}
}

// TestUnitsOfEveryMetric: dataset_metrics names a unit for every metric
// of the crosswalk, so no row of the dataset has a blank unit, and the
// same unit as queries/labels.
func TestUnitsOfEveryMetric(t *testing.T) {
	db := fixture(t)
	m := queries.NewTable(run(t, db, "dataset_metrics", queries.Filter{}))
	metrics := map[string]bool{}
	for _, r := range m.Rows() {
		metrics[m.Str(r, "metric")] = true
		if m.Str(r, "unit") == "" || m.Str(r, "label") == "" {
			t.Errorf("dataset_metrics: %s has unit %q, label %q", m.Str(r, "metric"), m.Str(r, "unit"), m.Str(r, "label"))
		}
		// The SQL's units are those of the one table of labels, which the
		// site and the workbooks show.
		if u := labels.Unit(m.Str(r, "metric")); m.Str(r, "unit") != u {
			t.Errorf("dataset_metrics: %s has unit %q, labels.tsv %q", m.Str(r, "metric"), m.Str(r, "unit"), u)
		}
	}
	cw := queries.NewTable(run(t, db, "crosswalk", queries.Filter{}))
	for _, r := range cw.Rows() {
		if !metrics[cw.Str(r, "metric")] {
			t.Errorf("crosswalk metric %s missing from dataset_metrics", cw.Str(r, "metric"))
		}
	}
}

// TestHeadersOfEveryQuery: every column of every named query has a
// Chinese header, so a CSV download of any result reads as Chinese.
func TestHeadersOfEveryQuery(t *testing.T) {
	db := fixture(t)
	for _, q := range queries.List() {
		text, args, err := queries.Statement(context.Background(), db, q.Name, queries.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := db.Query("SELECT * FROM ("+text+") LIMIT 0", args...)
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		cols, _ := rs.Columns()
		rs.Close()
		for _, c := range cols {
			if !labels.Known("header", c) {
				t.Errorf("query %s: column %s has no Chinese header (queries/labels/labels.tsv, domain header)", q.Name, c)
			}
		}
	}
}

// TestREADMEReadsParquet runs the README's DuckDB example on an export of
// the fixture: it must read the partitioned files as one table and give
// the median of 收到申请 per year that harmonised gives.
func TestREADMEReadsParquet(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "```sql\n")
	block, _, ok2 := strings.Cut(after, "```")
	if !ok || !ok2 || !strings.Contains(block, "read_parquet('out/data/dataset/") {
		t.Fatalf("README has no DuckDB example reading out/data/dataset: %q", block)
	}
	db := fixture(t)
	dir := write(t, db, Options{Formats: []string{FormatParquet}})
	q := strings.TrimSuffix(strings.TrimSpace(strings.ReplaceAll(block, "'out/data/", "'"+dir+"/")), ";")
	rs, err := db.Query(q)
	if err != nil {
		t.Fatalf("README example: %v\n%s", err, q)
	}
	defer rs.Close()
	got := map[int64]float64{}
	for rs.Next() {
		var y int64
		var m float64
		if err := rs.Scan(&y, &m); err != nil {
			t.Fatal(err)
		}
		got[y] = m
	}
	want := map[int64]float64{}
	h, args, err := queries.Statement(context.Background(), db, "harmonised", queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT year, median(value) FROM ("+h+") WHERE metric = 'received' GROUP BY year", args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var y int64
		var m float64
		rows.Scan(&y, &m)
		want[y] = m
	}
	if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("README example gives %v, harmonised %v", got, want)
	}
}

// TestFilterHostileName: an agency name with quotes and brackets is bound
// as a parameter of COPY, never spliced into its text.
func TestFilterHostileName(t *testing.T) {
	db := fixture(t)
	for _, name := range []string{chartstest.FormulaAgency, chartstest.PathAgency, "甲'); DROP TABLE reports; --"} {
		f := queries.Filter{Agencies: []string{name}}
		dir := write(t, db, Options{Formats: []string{FormatCSV, FormatParquet}, Filter: f})
		header, rows := readCSV(t, filepath.Join(dir, DatasetCSV))
		for _, m := range rowsWhere(header, rows, codeOf(t), nil) {
			if m["agency"] != name {
				t.Errorf("filter on %q gave a row of %q", name, m["agency"])
			}
		}
		if want := len(run(t, db, "dataset", f).Rows); len(rows) != want {
			t.Errorf("filter on %q: %d rows, the query has %d", name, len(rows), want)
		}
	}
	if len(run(t, db, "dataset_reports", queries.Filter{}).Rows) == 0 {
		t.Fatal("the reports are gone")
	}
}

// TestReadOnlyWithoutCache: on a read-only database that never held the
// named-query cache (a snapshot copied elsewhere, an old file), the
// export computes from the query text and writes the same files.
func TestReadOnlyWithoutCache(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.duckdb")
	st, err := load.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveReports(ctx, append(chartstest.Reports(), extraReports()...)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got := write(t, ro, Options{Formats: []string{FormatCSV, FormatParquet}})
	want := write(t, fixture(t), Options{Formats: []string{FormatCSV}})
	for _, f := range []string{DatasetCSV, ReportsCSV, ChecksCSV, DictionaryCSV} {
		a, _ := os.ReadFile(filepath.Join(got, f))
		b, _ := os.ReadFile(filepath.Join(want, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s from the read-only database without a cache differs from the cached one", f)
		}
	}
}
