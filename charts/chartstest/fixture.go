package chartstest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
)

// Names of fixture agencies the tests look for.
const (
	// ScriptAgency must be shown as text, never run, in every page.
	ScriptAgency = `<script>alert(1)</script>司法局`
	// FormulaAgency must never become a formula in a workbook.
	FormulaAgency = `=HYPERLINK("http://example.invalid/x","点击")人民政府`
	// PlainAgency is an ordinary agency with a full 2021-form series.
	PlainAgency = "甲市司法局"
	// PathAgency would escape the output folder if used as a file name.
	PathAgency = "../../etc/乙县人民政府"
	// HalfYearAgency has only a half-year report.
	HalfYearAgency = "丁县司法局"
	// SparseAgency has one annual report, with no text (as loaded from
	// exchange records).
	SparseAgency = "戊县公安局"
	// IncompleteAgency does not say where it is; it is kept out of rankings.
	IncompleteAgency = "市司法局"
	// HostilePath is a file name that must come out of every page as text.
	HostilePath = `reports/</script><img src=x onerror=alert(1)>"'.txt`
)

// Peers are the city 司法局 of the fixture: enough for a peer comparison.
var Peers = []string{PlainAgency, "丙市司法局", ScriptAgency, "己市司法局", "庚市司法局"}

// rowLabel is the printed row of a key of the application table, as a
// report prints it (the key's label without its column).
func rowLabel(key string) string {
	if info, ok := report.LookupKey(key); ok {
		l, _, _ := strings.Cut(info.Label, " (")
		l, _, _ = strings.Cut(l, " × ")
		return l
	}
	return key
}

func num(key string, v float64, text string) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v,
		Prov: report.Provenance{Source: "table", Table: "applications", Row: rowLabel(key), Col: "总计", Text: text}}
}

func blank(key string) report.Metric {
	return report.Metric{Key: key, Kind: report.KindEmpty,
		Prov: report.Provenance{Source: "table", Table: "applications", Row: rowLabel(key), Col: "总计", Text: "/"}}
}

// withText gives a report the text it was read from: a title, then one
// line per figure (its row label and its printed text), the provenance
// offsets pointing at the printed text, as a reader sets them. The text
// holds hostile markup that must be shown as text.
func withText(r *report.Report) *report.Report {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d年政府信息公开工作年度报告\n\n注：本报告依据《条例》编制。</script><img src=x onerror=alert(1)>\n", r.Agency, r.Year)
	for i := range r.Metrics {
		m := &r.Metrics[i]
		b.WriteString(m.Prov.Row)
		b.WriteString("\t")
		m.Prov.Start = b.Len()
		b.WriteString(m.Prov.Text)
		m.Prov.End = b.Len()
		b.WriteString("\n")
	}
	r.Text = b.String()
	return r
}

func id(parts ...any) string {
	h := sha256.Sum256([]byte(fmt.Sprint(parts...)))
	return hex.EncodeToString(h[:])
}

func fp(v float64) *float64 { return &v }

// table2021 makes a 2021-form report whose figures follow received and
// balance (I1 passes) unless broken is set, in which case the printed total
// is one short of the outcomes and the report carries a failed check.
func table2021(agency, level string, year int, received float64, broken bool) *report.Report {
	granted, partial, denied, unavail := received*0.6, received*0.1, float64(int(received*0.1)), 2.0
	other := received - granted - partial - denied - unavail
	total := received
	ms := []report.Metric{
		num("apps_new.total", received, fmt.Sprintf("本年新收政府信息公开申请%v件", received)),
		num("apps_carried_over.total", 0, "0"),
		num("granted.total", granted, fmt.Sprint(granted)),
		num("partial.total", partial, fmt.Sprint(partial)),
		num("denied_state_secret.total", 0, "0"),
		num("denied_law.total", denied, fmt.Sprint(denied)),
		blank("denied_safety.total"),
		num("denied_third_party.total", 0, "0"),
		num("denied_internal.total", 0, "0"),
		num("denied_process.total", 0, "0"),
		num("denied_enforcement.total", 0, "0"),
		num("denied_inquiry.total", 0, "0"),
		num("unavailable_not_held.total", unavail, fmt.Sprint(unavail)),
		num("unavailable_need_create.total", 0, "0"),
		num("unavailable_unclear.total", 0, "0"),
		num("unprocessed_petition.total", 0, "0"),
		num("unprocessed_repeat.total", 0, "0"),
		num("unprocessed_publication.total", 0, "0"),
		num("unprocessed_mass.total", 0, "0"),
		num("unprocessed_confirm.total", 0, "0"),
		num("other_no_correction.total", other, fmt.Sprint(other)),
		num("other_no_fee.total", 0, "0"),
		num("other_misc.total", 0, "0"),
		num("outcome_total.total", total, fmt.Sprint(total)),
		num("apps_carried_forward.total", 0, "0"),
		num("review.total", 2, "2"), num("review.corrected", 1, "1"), num("review.upheld", 1, "1"),
		num("review.other", 0, "0"), num("review.pending", 0, "0"),
		num("litigation.total", 1, "1"), num("litigation.corrected", 0, "0"),
		{Key: "proactive.total", Kind: report.KindNumber, Value: received * 20, Approx: true,
			Prov: report.Provenance{Source: "prose", Rule: "proactive.count", Text: fmt.Sprintf("全年主动公开政府信息%v余条，%s", received*20, agency)}},
	}
	check := report.Check{Rule: "I1.flow", Scope: "total", Expected: fp(received), Actual: fp(total), Status: report.Pass}
	if broken {
		check.Actual, check.Status, check.Detail = fp(received-1), report.Fail, "新收+结转 ≠ 办结+结转下年（"+agency+"）"
	}
	return withText(&report.Report{
		ID: id(agency, year, received, broken), Path: fmt.Sprintf("reports/%s/%d.txt", id(agency)[:8], year), Format: "txt", Size: 1000,
		Identity: report.Identity{Agency: agency, Level: level, Province: "某省", City: "甲市", Year: year, Period: report.PeriodYear},
		Form:     report.FormTable2021, Metrics: ms,
		Checks: []report.Check{check, {Rule: "I3.rowsum", Scope: "apps_new", Status: report.NotAssessable}},
	})
}

// Reports is the fixture: four agencies over 2019–2023 with a missing year,
// blank cells, a failed identity, a legacy-form year and hostile names.
func Reports() []*report.Report {
	var out []*report.Report
	for i, y := range []int{2019, 2020, 2021, 2022, 2023} {
		out = append(out, table2021(PlainAgency, "city", y, float64(100+20*i), y == 2021))
		out = append(out, table2021("丙市司法局", "city", y, float64(60+5*i), false))
		if y != 2021 { // a year not reported: a gap, not a zero
			out = append(out, table2021(ScriptAgency, "city", y, float64(40+10*i), false))
		}
		out = append(out, table2021(FormulaAgency, "county", y, float64(30+i), y == 2023))
	}
	out = append(out, table2021(PathAgency, "county", 2022, 12, false))
	for i, y := range []int{2019, 2020, 2021, 2022, 2023} {
		out = append(out, table2021("己市司法局", "city", y, float64(70+3*i), false), table2021("庚市司法局", "city", y, float64(20+9*i), false))
	}
	half := table2021(HalfYearAgency, "county", 2022, 9, false)
	half.Period, half.ID = report.PeriodH1, id("h1", HalfYearAgency)
	sparse := table2021(SparseAgency, "county", 2023, 15, false)
	sparse.Text, sparse.ID = "", id("json", SparseAgency) // loaded from exchange records: no text
	hostile := table2021(IncompleteAgency, "city", 2023, 33, false)
	hostile.Path = HostilePath
	out = append(out, half, sparse, hostile)
	legacy := withText(&report.Report{
		ID: id("legacy", PlainAgency), Path: "reports/legacy/2017.txt", Format: "txt", Size: 500,
		Identity: report.Identity{Agency: PlainAgency, Level: "city", Province: "某省", City: "甲市", Year: 2017, Period: report.PeriodYear},
		Form:     report.FormLegacy,
		Metrics: []report.Metric{
			num("apps_new.total", 80, "收到申请数 80"),
			{Key: "granted.total", Kind: report.KindNotApplicable, Prov: report.Provenance{Source: "table", Table: "legacy", Row: "同意公开答复数", Col: "数量", Text: "/"}},
		},
	})
	return append(out, legacy)
}

// OpenDB builds the fixture DuckDB file in a temporary folder with the real
// store and returns its connection pool.
func OpenDB(t testing.TB) *sql.DB {
	t.Helper()
	return openWith(t, Reports())
}

// OpenStore is OpenDB returning the store, for tests that add reports.
func OpenStore(t testing.TB) *load.Store {
	t.Helper()
	return openStore(t, Reports())
}

// Report2024 is one more annual report of PlainAgency, for tests of what a
// new report changes.
func Report2024() *report.Report { return table2021(PlainAgency, "city", 2024, 200, false) }

func openWith(t testing.TB, reps []*report.Report) *sql.DB {
	t.Helper()
	return openStore(t, reps).DB()
}

func openStore(t testing.TB, reps []*report.Report) *load.Store {
	t.Helper()
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "fixture.duckdb"))
	if err != nil {
		t.Fatalf("load.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveReports(ctx, reps); err != nil {
		t.Fatalf("SaveReports: %v", err)
	}
	return st
}

// OpenScaleDB builds a database of n agencies × years annual reports, for
// checking that outputs build in time at the size of a national corpus.
func OpenScaleDB(t testing.TB, n, years int) *sql.DB {
	t.Helper()
	return openWith(t, ScaleReports(n, years))
}

// ScaleReports makes n agencies × years annual reports in three levels, a
// few with a failed identity.
func ScaleReports(n, years int) []*report.Report {
	reps := make([]*report.Report, 0, n*years)
	for a := range n {
		name := fmt.Sprintf("第%04d市司法局", a)
		level := []string{"city", "county", "province"}[a%3]
		for k := range years {
			reps = append(reps, table2021(name, level, 2014+k, float64(10+(a*7+k*3)%400), (a+k)%11 == 0))
		}
	}
	return reps
}
