package load

import (
	"context"
	"database/sql"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// divisionReports are reports of agencies of several levels with where
// identification put them, and the code each must be stored with ("":
// NULL).
func divisionReports() ([]*report.Report, map[string]string) {
	places := []struct{ id, agency, level, province, city, want string }{
		{"aa", "浙江省司法厅", "province", "浙江省", "", "330000"},
		{"bb", "杭州市司法局", "city", "浙江省", "杭州市", "330100"},
		{"cc", "杭州市西湖区人民政府", "county", "浙江省", "杭州市", "330106"},
		{"dd", "某某事务中心", "", "", "", ""},
	}
	var reps []*report.Report
	want := map[string]string{}
	for _, p := range places {
		r := testReport(p.id, p.id+".txt", p.agency, 2021, map[string]float64{"apps_new.total": 1})
		r.Level, r.Province, r.City = p.level, p.province, p.city
		reps = append(reps, r)
		want[p.agency] = p.want
	}
	return reps, want
}

// storedCodes reads the division code of every report by agency.
func storedCodes(t *testing.T, db *sql.DB) map[string]sql.NullString {
	t.Helper()
	rows, err := db.Query("SELECT agency, division_code FROM reports")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]sql.NullString{}
	for rows.Next() {
		var a string
		var c sql.NullString
		if err := rows.Scan(&a, &c); err != nil {
			t.Fatal(err)
		}
		got[a] = c
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

func checkCodes(t *testing.T, when string, got map[string]sql.NullString, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d agencies, want %d", when, len(got), len(want))
	}
	for a, w := range want {
		if c := got[a]; c.String != w || c.Valid == (w == "") {
			t.Errorf("%s: %s has division code %v, want %q (NULL when empty)", when, a, c, w)
		}
	}
}

// TestStoresDivisionCodes checks the code stored with each report, and
// that opening a database whose codes are missing (written before schema
// version 9) or out of date gives every agency its code again.
func TestStoresDivisionCodes(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	reps, want := divisionReports()
	if err := s.SaveReports(ctx, reps); err != nil {
		t.Fatal(err)
	}
	checkCodes(t, "stored", storedCodes(t, s.DB()), want)

	if _, err := s.DB().ExecContext(ctx, "UPDATE reports SET division_code = NULL"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().ExecContext(ctx, "UPDATE reports SET division_code = '110000' WHERE agency = '某某事务中心'"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	checkCodes(t, "after reopening", storedCodes(t, s2.DB()), want)
}

// TestReadOnlyKeepsDivisionCodes opens a database read-only whose codes
// are missing: it opens, and the codes stay as they were.
func TestReadOnlyKeepsDivisionCodes(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	reps, _ := divisionReports()
	if err := s.SaveReports(ctx, reps); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().ExecContext(ctx, "UPDATE reports SET division_code = NULL"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ro := &Store{path: path, db: db}
	if err := ro.refreshDivisions(ctx); err != nil {
		t.Fatalf("refreshDivisions on a read-only database: %v", err)
	}
	for a, c := range storedCodes(t, db) {
		if c.Valid {
			t.Errorf("read-only database: %s got code %q, want it unchanged (NULL)", a, c.String)
		}
	}
}
