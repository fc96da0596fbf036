package correct_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
)

// TestAgencyCorrectionDivisionCode checks that a corrected agency takes
// the division code of its corrected name (at the place the name gives),
// not the code stored for the name the parser read.
func TestAgencyCorrectionDivisionCode(t *testing.T) {
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "divisions.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	r := &report.Report{ID: strings.Repeat("ab", 32), Path: "reports/x.txt", Format: "txt", Size: 100,
		Identity: report.Identity{Agency: "西湖区司法局", Level: "county", Province: "浙江省", City: "宁波市", Year: 2022, Period: report.PeriodYear},
		Form:     report.FormNarrative,
		Metrics: []report.Metric{{Key: "apps_new.total", Kind: report.KindNumber, Value: 3,
			Prov: report.Provenance{Source: "prose", Rule: "test", Text: "收到申请 3 件"}}}}
	if err := st.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatal(err)
	}
	code := func(agency string) any {
		t.Helper()
		c := pick(rows(t, db, "coverage", queries.Filter{}), map[string]any{"agency": agency, "year": 2022})
		if c == nil {
			t.Fatalf("no coverage row of %s", agency)
		}
		return c["division_code"]
	}
	// 宁波市 has no 西湖区: the stored code is the city's.
	if got := code("西湖区司法局"); got != "330200" {
		t.Fatalf("stored code = %v, want 330200", got)
	}
	file := filepath.Join(t.TempDir(), "corrections.csv")
	writeFile(t, file, "西湖区司法局:2022,agency,宁波市海曙区司法局,张三,,标题写的是海曙区,")
	if res := apply(t, db, file); res.Applied != 1 {
		t.Fatalf("applied %d lines, want 1 (refused %v)", res.Applied, res.Refused)
	}
	if got := code("宁波市海曙区司法局"); got != "330203" {
		t.Errorf("code of the corrected agency = %v, want 330203 (海曙区)", got)
	}
	// The extracted report keeps what the parser read.
	var stored string
	if err := db.QueryRow("SELECT division_code FROM reports").Scan(&stored); err != nil || stored != "330200" {
		t.Errorf("reports.division_code = %q (%v), want 330200 unchanged", stored, err)
	}
}

// TestAgencyCorrectionMovesPlace checks that an agency correction files
// the report under the corrected body: a city department's report
// corrected to a county government takes the county level, the county's
// division code and the county governments' peer group, while an
// uncorrected report keeps its own.
func TestAgencyCorrectionMovesPlace(t *testing.T) {
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "place.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB()
	mk := func(id, agency, level, city string, n float64) *report.Report {
		return &report.Report{ID: strings.Repeat(id, 32), Path: "reports/" + id + ".txt", Format: "txt", Size: 100,
			Identity: report.Identity{Agency: agency, Level: level, Province: "浙江省", City: city, Year: 2022, Period: report.PeriodYear},
			Form:     report.FormNarrative,
			Metrics: []report.Metric{{Key: "granted.total", Kind: report.KindNumber, Value: n,
				Prov: report.Provenance{Source: "prose", Rule: "test", Text: "收到申请"}}}}
	}
	reps := []*report.Report{
		mk("a1", "宁波市司法局", "city", "宁波市", 10),
		mk("b2", "宁波市海曙区人民政府", "county", "宁波市", 20),
		mk("c3", "宁波市江北区人民政府", "county", "宁波市", 30),
		mk("d4", "杭州市司法局", "city", "杭州市", 40),
	}
	if err := st.SaveReports(ctx, reps); err != nil {
		t.Fatal(err)
	}
	if err := queries.Refresh(ctx, db); err != nil {
		t.Fatal(err)
	}
	peer := func(agency string) map[string]any {
		t.Helper()
		p := pick(rows(t, db, "peers", queries.Filter{}), map[string]any{"agency": agency, "year": 2022, "metric": "granted"})
		if p == nil {
			t.Fatalf("no peers row of %s", agency)
		}
		return p
	}
	code := func(agency string) any {
		t.Helper()
		c := pick(rows(t, db, "coverage", queries.Filter{}), map[string]any{"agency": agency, "year": 2022})
		if c == nil {
			t.Fatalf("no coverage row of %s", agency)
		}
		return c["division_code"]
	}
	county := peer("宁波市海曙区人民政府")["peer_group"]
	city := peer("宁波市司法局")["peer_group"]
	if county == nil || city == nil || county == city {
		t.Fatalf("peer groups before: county %v, city %v; want two distinct groups", county, city)
	}
	if got := peer("宁波市海曙区人民政府")["peer_n"]; fmt.Sprint(got) != "2" {
		t.Fatalf("county peer_n before = %v, want 2", got)
	}
	before := peer("杭州市司法局")

	file := filepath.Join(t.TempDir(), "corrections.csv")
	writeFile(t, file, "宁波市司法局:2022,agency,宁波市鄞州区人民政府,张三,,标题写的是鄞州区人民政府,")
	if res := apply(t, db, file); res.Applied != 1 {
		t.Fatalf("applied %d lines, want 1 (refused %v)", res.Applied, res.Refused)
	}
	moved := peer("宁波市鄞州区人民政府")
	if moved["level"] != "county" || moved["peer_group"] != county {
		t.Errorf("corrected report: level %v, peer group %v; want county, %v", moved["level"], moved["peer_group"], county)
	}
	if got := fmt.Sprint(peer("宁波市海曙区人民政府")["peer_n"]); got != "3" {
		t.Errorf("county peer_n after = %s, want 3 (the corrected report joined)", got)
	}
	if got := code("宁波市鄞州区人民政府"); got != "330212" {
		t.Errorf("division code of the corrected report = %v, want 330212 (鄞州区)", got)
	}
	// The other city department is unchanged, except that it lost a peer.
	after := peer("杭州市司法局")
	if after["peer_group"] != before["peer_group"] || after["level"] != "city" || fmt.Sprint(after["peer_n"]) != "1" {
		t.Errorf("uncorrected report: %v → %v; want the same city group with one peer fewer", before, after)
	}
	if got := code("杭州市司法局"); got != "330100" {
		t.Errorf("division code of the uncorrected report = %v, want 330100", got)
	}
	// The extracted report keeps what the parser read.
	var level, prov string
	if err := db.QueryRow("SELECT level, province FROM reports WHERE agency = '宁波市司法局'").Scan(&level, &prov); err != nil || level != "city" {
		t.Errorf("reports.level = %q (%v), want city unchanged", level, err)
	}
}
