package correct_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
)

// TestAgencyCorrectionDivisionCode checks that a corrected agency takes
// the division code of its corrected name (with the report's stored
// level, province and city), not the code stored for the name the parser
// read.
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
