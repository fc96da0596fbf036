package exports

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// fixAgency is one agency of the workbook fixture.
type fixAgency struct {
	name, level, province, city string
	first, last                 int   // annual years
	skip                        []int // years without a report
	half                        []int // years with a half-year report too
}

// Names the tests look for.
const (
	hangzhouXihu   = "杭州市西湖区司法局"
	hangzhouSJ     = "杭州市上城区司法局"
	shanglin       = "上林县司法局"
	putuo          = "上海市普陀区司法局"
	unidentified   = "未识别机关:x_2021.txt"
	incomplete     = "市司法局"
	formulaName    = `=HYPERLINK("http://example.invalid/x","点击")人民政府`
	scriptName     = `<script>alert(1)</script>司法局`
	feeAgency      = hangzhouXihu
	feeTiny        = 0.004 // 万元: must not show as 0
	halfAgency     = hangzhouSJ
	gapAgency      = "杭州市滨江区司法局"
	gapYear        = 2020
	legacyNAAgency = "杭州市余杭区司法局"
)

// fixtureAgencies are the hand-made agencies: a county 司法局 group of
// five in one city (with a missing year, a half-year report, a legacy
// not-applicable cell and a fee of 0.004 万元), the city and province
// bodies above them, agencies whose code-point order differs from their
// division order (上海市… before 上林县…), hostile names, an unidentified
// report and an incomplete name.
var fixtureAgencies = []fixAgency{
	{name: "浙江省司法厅", level: "province", province: "浙江省", first: 2016, last: 2023},
	{name: "杭州市司法局", level: "city", province: "浙江省", city: "杭州市", first: 2016, last: 2023},
	{name: "宁波市司法局", level: "city", province: "浙江省", city: "宁波市", first: 2018, last: 2023},
	{name: hangzhouSJ, level: "county", province: "浙江省", city: "杭州市", first: 2016, last: 2023, half: []int{2022}},
	{name: hangzhouXihu, level: "county", province: "浙江省", city: "杭州市", first: 2016, last: 2023},
	{name: gapAgency, level: "county", province: "浙江省", city: "杭州市", first: 2017, last: 2023, skip: []int{gapYear}},
	{name: legacyNAAgency, level: "county", province: "浙江省", city: "杭州市", first: 2016, last: 2023},
	{name: "杭州市拱墅区司法局", level: "county", province: "浙江省", city: "杭州市", first: 2023, last: 2023},
	{name: shanglin, level: "county", province: "广西壮族自治区", city: "南宁市", first: 2019, last: 2023},
	{name: putuo, level: "county", province: "上海市", city: "上海市", first: 2019, last: 2023},
	{name: "上海市人民政府", level: "province", province: "上海市", first: 2016, last: 2023},
	{name: formulaName, level: "county", province: "浙江省", city: "宁波市", first: 2021, last: 2023},
	{name: scriptName, level: "county", province: "浙江省", city: "宁波市", first: 2021, last: 2022},
	{name: unidentified, first: 2021, last: 2021},
	{name: incomplete, first: 2020, last: 2021},
}

// fixtureReports are the reports of the hand-made agencies.
func fixtureReports() []*report.Report {
	var out []*report.Report
	for i, a := range fixtureAgencies {
		for y := a.first; y <= a.last; y++ {
			skip := false
			for _, s := range a.skip {
				skip = skip || s == y
			}
			if !skip {
				out = append(out, fixtureReport(a, i, y, report.PeriodYear))
			}
		}
		for _, y := range a.half {
			out = append(out, fixtureReport(a, i, y, report.PeriodH1))
		}
	}
	return out
}

// scaleReports are n agencies from the generator's real places × years,
// for timing the build at the size of a national corpus.
func scaleReports(tb testing.TB, n, first, last int) []*report.Report {
	tb.Helper()
	as, err := synth.Agencies(synth.Places(), n, 1)
	if err != nil {
		tb.Fatal(err)
	}
	var out []*report.Report
	for i, sa := range as {
		a := fixAgency{name: sa.Name, level: sa.Level, province: sa.Province, city: sa.City, first: first, last: last}
		for y := first; y <= last; y++ {
			if (i+y)%13 == 0 {
				continue // a missing year now and then
			}
			out = append(out, fixtureReport(a, i+len(fixtureAgencies), y, report.PeriodYear))
		}
	}
	return out
}

// draw is a deterministic figure in [lo, lo+span) for an agency, year and key.
func draw(name string, year int, key string, lo, span int) float64 {
	h := sha256.Sum256([]byte(fmt.Sprint(name, year, key)))
	return float64(lo + int(binary.BigEndian.Uint32(h[:4])%uint32(span)))
}

func cell(table, row, col, key string, v float64) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v,
		Prov: report.Provenance{Source: "table", Table: table, Row: row, Col: col, Text: fmt.Sprint(v), Rule: "table"}}
}

func prose(key string, v float64, approx bool, sentence string) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v, Approx: approx,
		Prov: report.Provenance{Source: "prose", Text: sentence, Rule: "P1.proactive_total"}}
}

// fixtureReport makes one report of a in year, in the form of its year:
// the legacy table before 2019, the 2019 table for 2019–2020, the 2021
// table from 2021. Every figure is consistent (I1 passes) except in the
// years where (i + year) % 9 == 0, which carry a failed check.
func fixtureReport(a fixAgency, i, year int, period report.Period) *report.Report {
	received := draw(a.name, year, "received", 5, 300)
	if period == report.PeriodH1 {
		received = float64(int(received / 2))
	}
	granted := float64(int(received * 0.5))
	partial := float64(int(received * 0.1))
	denied := float64(int(received * 0.1))
	unavail := float64(int(received * 0.1))
	other := received - granted - partial - denied - unavail
	var ms []report.Metric
	form := report.FormTable2021
	switch {
	case year < 2019:
		form = report.FormLegacy
		ms = []report.Metric{
			cell("legacy", "收到申请数", "", "apps_new.total", received),
			cell("legacy", "同意公开答复数", "", "granted.total", granted),
			cell("legacy", "属于已主动公开范围数", "", "reply.already_public", 0),
			cell("legacy", "同意部分公开答复数", "", "partial.total", partial),
			cell("legacy", "不同意公开答复数", "", "denied.total", denied),
			cell("legacy", "不属于本行政机关公开数", "", "reply.not_this_agency", unavail),
			cell("legacy", "申请信息不存在数", "", "reply.not_exist", 0),
			cell("legacy", "申请答复数", "", "outcome_total.total", received),
			cell("legacy", "行政复议数量", "", "review.total", 1),
			cell("legacy", "被依法纠错数", "", "review.corrected", 0),
			cell("legacy", "行政诉讼数量", "", "litigation.total", 0),
		}
		if a.name == legacyNAAgency {
			ms[1] = report.Metric{Key: "granted.total", Kind: report.KindNotApplicable,
				Prov: report.Provenance{Source: "table", Table: "legacy", Row: "同意公开答复数", Text: "不适用"}}
		}
	default:
		if year < 2021 {
			form = report.FormTable2019
		}
		ms = []report.Metric{
			cell("applications", "一、本年新收政府信息公开申请数量", "总计", "apps_new.total", received),
			{Key: "apps_carried_over.total", Kind: report.KindEmpty, Prov: report.Provenance{Source: "table", Table: "applications", Row: "二、上年结转政府信息公开申请数量", Col: "总计", Text: "/"}},
			cell("applications", "（一）予以公开", "总计", "granted.total", granted),
			cell("applications", "（二）部分公开", "总计", "partial.total", partial),
			cell("applications", "（七）总计", "总计", "outcome_total.total", received),
			cell("applications", "四、结转下年度继续办理", "总计", "apps_carried_forward.total", 0),
			cell("review", "行政复议", "总计", "review.total", 2),
			cell("review", "行政复议", "结果纠正", "review.corrected", 1),
			cell("review", "未经复议直接起诉", "总计", "lit_direct.total", 1),
			cell("review", "复议后起诉", "总计", "lit_after_review.total", 0),
		}
		for _, k := range []string{"denied_state_secret", "denied_law", "denied_safety", "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_inquiry"} {
			v := 0.0
			if k == "denied_law" {
				v = denied
			}
			ms = append(ms, cell("applications", labels.Key(k+".total"), "总计", k+".total", v))
		}
		for _, k := range []string{"unavailable_not_held", "unavailable_need_create", "unavailable_unclear"} {
			v := 0.0
			if k == "unavailable_not_held" {
				v = unavail
			}
			ms = append(ms, cell("applications", labels.Key(k+".total"), "总计", k+".total", v))
		}
		for _, k := range []string{"unprocessed_petition", "unprocessed_repeat", "unprocessed_publication", "unprocessed_mass", "unprocessed_confirm"} {
			ms = append(ms, cell("applications", labels.Key(k+".total"), "总计", k+".total", 0))
		}
		for _, k := range []string{"other_no_correction", "other_no_fee", "other_misc"} {
			v := 0.0
			if k == "other_no_correction" {
				v = other
			}
			ms = append(ms, cell("applications", labels.Key(k+".total"), "总计", k+".total", v))
		}
	}
	ms = append(ms, prose("proactive.total", received*20, true, fmt.Sprintf("全年主动公开政府信息%v余条。", received*20)))
	fee := 12.5
	if a.name == feeAgency && year == 2022 {
		fee = feeTiny
	}
	ms = append(ms, report.Metric{Key: "fees.collected", Kind: report.KindNumber, Value: fee,
		Prov: report.Provenance{Source: "prose", Text: fmt.Sprintf("收取费用%v万元。", fee), Rule: "P29.fees"}})
	check := report.Check{Rule: "I1.flow", Scope: "total", Expected: ptr(received), Actual: ptr(received), Status: report.Pass}
	checks := []report.Check{check}
	if (i+year)%9 == 0 {
		checks = append(checks, report.Check{Rule: "I2.outcomes", Scope: "total", Expected: ptr(received), Actual: ptr(received - 1), Status: report.Fail})
	}
	id := sha256.Sum256([]byte(fmt.Sprint(a.name, year, period)))
	return &report.Report{
		ID: hex.EncodeToString(id[:]), Path: fmt.Sprintf("reports/%s/%d%s.txt", hex.EncodeToString(id[:4]), year, period), Format: "txt", Size: 1000,
		Identity: report.Identity{Agency: a.name, Level: a.level, Province: a.province, City: a.city, Year: year, Period: period},
		Form:     form, Metrics: ms, Checks: checks,
	}
}

// openFixture stores reps in a real DuckDB file.
func openFixture(tb testing.TB, reps []*report.Report) *load.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(tb.TempDir(), "fixture.duckdb"))
	if err != nil {
		tb.Fatalf("load.Open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	for i := 0; i < len(reps); i += 2000 {
		if err := st.SaveReports(ctx, reps[i:min(i+2000, len(reps))]); err != nil {
			tb.Fatalf("SaveReports: %v", err)
		}
	}
	return st
}

// openFixtureDir stores reps in a DuckDB file in dir; the caller closes it.
func openFixtureDir(tb testing.TB, dir string, reps []*report.Report) *load.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(dir, "fixture.duckdb"))
	if err != nil {
		tb.Fatalf("load.Open: %v", err)
	}
	if err := st.SaveReports(ctx, reps); err != nil {
		st.Close()
		tb.Fatalf("SaveReports: %v", err)
	}
	return st
}

// runOn runs the named queries on a store.
func runOn(st *load.Store) QueryFunc { return queries.DB(st.DB()) }

// unescapePath undoes pathLink.
func unescapePath(p string) (string, error) { return url.PathUnescape(p) }
