package dataset

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
)

// placed are agencies of several levels with where identification put
// them, and the division code the dataset must carry for each ("" is
// NULL: a name that says no place gets no code, never a guessed one).
var placed = []struct {
	agency, level, province, city, want string
}{
	{"浙江省司法厅", "province", "浙江省", "", "330000"},
	{"杭州市人民政府", "city", "浙江省", "杭州市", "330100"},
	{"杭州市住房和城乡建设局", "city", "浙江省", "杭州市", "330100"}, // a department of a city
	{"杭州市西湖区人民政府", "county", "浙江省", "杭州市", "330106"},
	{"上林县司法局", "county", "广西壮族自治区", "南宁市", "450125"},
	{"鼓楼区司法局", "county", "江苏省", "", ""}, // two 鼓楼区 in 江苏省: not guessed
	{"某某事务中心", "", "", "", ""},          // no place at all
}

// divisionDB stores one 2022 report of each placed agency in a new DuckDB
// file.
func divisionDB(t *testing.T) *sql.DB {
	t.Helper()
	st, err := load.Open(context.Background(), filepath.Join(t.TempDir(), "divisions.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var reps []*report.Report
	for i, p := range placed {
		reps = append(reps, &report.Report{ID: sha("division", p.agency), Path: fmt.Sprintf("reports/d%d.txt", i), Format: "txt", Size: 100,
			Identity: report.Identity{Agency: p.agency, Level: p.level, Province: p.province, City: p.city, Year: 2022, Period: report.PeriodYear},
			Form:     report.FormNarrative,
			Metrics:  []report.Metric{prose("apps_new.total", float64(10+i), false, "收到申请若干件")}})
	}
	if err := st.SaveReports(context.Background(), reps); err != nil {
		t.Fatal(err)
	}
	return st.DB()
}

// TestDivisionCodes writes the dataset of agencies of several levels and
// reads each one's division code back from the CSV file and the Parquet
// files.
func TestDivisionCodes(t *testing.T) {
	db := divisionDB(t)
	dir := write(t, db, Options{Formats: []string{FormatCSV, FormatParquet}})

	header, rows := readCSV(t, filepath.Join(dir, DatasetCSV))
	col := codeOf(t)
	fromCSV := map[string][]string{}
	for _, r := range rows {
		m := map[string]string{}
		for i, h := range header {
			m[col(h)] = r[i]
		}
		fromCSV[m["agency"]] = append(fromCSV[m["agency"]], m["division_code"])
	}

	fromParquet := map[string][]sql.NullString{}
	rs, err := db.Query(fmt.Sprintf("SELECT agency, division_code FROM read_parquet(%s, hive_partitioning = true)",
		literal(filepath.Join(dir, DatasetParquet, "**", "*.parquet"))))
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	for rs.Next() {
		var agency string
		var code sql.NullString
		if err := rs.Scan(&agency, &code); err != nil {
			t.Fatal(err)
		}
		fromParquet[agency] = append(fromParquet[agency], code)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}

	for _, p := range placed {
		t.Run(p.agency, func(t *testing.T) {
			if len(fromCSV[p.agency]) == 0 || len(fromParquet[p.agency]) == 0 {
				t.Fatalf("no rows in the dataset (CSV %d, Parquet %d)", len(fromCSV[p.agency]), len(fromParquet[p.agency]))
			}
			for _, got := range fromCSV[p.agency] {
				if got != p.want {
					t.Errorf("CSV division_code = %q, want %q", got, p.want)
				}
			}
			for _, got := range fromParquet[p.agency] {
				if p.want == "" && got.Valid {
					t.Errorf("Parquet division_code = %q, want NULL", got.String)
				}
				if p.want != "" && got.String != p.want {
					t.Errorf("Parquet division_code = %q (valid %v), want %q", got.String, got.Valid, p.want)
				}
			}
		})
	}
}
