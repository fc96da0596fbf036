package load

import (
	"context"
	"database/sql"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// TestOpenRefreshesKinds stores reports with kinds an older xxgk derived
// from the last characters and checks that opening the file again gives
// every agency the kind of the table.
func TestOpenRefreshesKinds(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	reps := []*report.Report{
		testReport("aa", "a.txt", "上海市住房和城乡建设管理委员会", 2021, map[string]float64{"apps_new.total": 1}),
		testReport("bb", "b.txt", "某市司法局", 2021, map[string]float64{"apps_new.total": 2}),
		testReport("cc", "c.txt", "某市档案馆", 2021, map[string]float64{"apps_new.total": 3}),
	}
	if err := s.SaveReports(ctx, reps); err != nil {
		t.Fatal(err)
	}
	// What the suffix list of earlier versions stored.
	for agency, old := range map[string]any{"上海市住房和城乡建设管理委员会": "管理委员会", "某市司法局": nil, "某市档案馆": "馆"} {
		if _, err := s.DB().ExecContext(ctx, "UPDATE reports SET agency_kind = ? WHERE agency = ?", old, agency); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	want := map[string]string{"上海市住房和城乡建设管理委员会": "住房和城乡建设局", "某市司法局": "司法局", "某市档案馆": ""}
	rows, err := s2.DB().QueryContext(ctx, "SELECT agency, agency_kind FROM reports")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var a string
		var k sql.NullString
		if err := rows.Scan(&a, &k); err != nil {
			t.Fatal(err)
		}
		n++
		if k.String != want[a] || (want[a] == "") == k.Valid {
			t.Errorf("after reopening, %s has kind %v, want %q", a, k, want[a])
		}
	}
	if n != len(want) {
		t.Errorf("%d reports, want %d", n, len(want))
	}
}

// TestReadOnlyKeepsKinds opens a database read-only whose stored kinds are
// out of date: it opens, and the kinds stay as they were.
func TestReadOnlyKeepsKinds(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	if err := s.SaveReports(ctx, []*report.Report{testReport("aa", "a.txt", "某市司法局", 2021, map[string]float64{"apps_new.total": 1})}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().ExecContext(ctx, "UPDATE reports SET agency_kind = '局'"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro := &Store{path: path}
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ro.db = db
	if err := ro.refreshKinds(ctx); err != nil {
		t.Fatalf("refreshKinds on a read-only database: %v", err)
	}
	var k string
	if err := db.QueryRowContext(ctx, "SELECT agency_kind FROM reports").Scan(&k); err != nil || k != "局" {
		t.Errorf("read-only database: kind %q (%v), want it unchanged", k, err)
	}
}
