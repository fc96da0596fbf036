package queries_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
)

// The fixture: a few agencies whose figures are chosen so every expected
// value in the golden files can be worked out by hand (the sums are written
// next to the figures). It covers a legacy-era agency crossing into the 2019
// and 2021 forms, a missing year, a revised report, a half-year report,
// zero denominators, blank cells and a peer outlier.

// fig is a number printed in a table cell.
func fig(key string, v float64) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v,
		Prov: report.Provenance{Source: "table", Table: "applications", Row: key, Col: "总计", Text: fmt.Sprint(v)}}
}

// prose is a number read from a sentence.
func prose(key string, v float64, approx bool, text string) report.Metric {
	return report.Metric{Key: key, Kind: report.KindNumber, Value: v, Approx: approx,
		Prov: report.Provenance{Source: "prose", Text: text, Rule: "fixture"}}
}

// blank is an empty table cell: stored, never a figure.
func blank(key string) report.Metric {
	return report.Metric{Key: key, Kind: report.KindEmpty,
		Prov: report.Provenance{Source: "table", Table: "applications", Row: key, Col: "总计", Text: ""}}
}

func ptr(v float64) *float64 { return &v }

type ident struct {
	agency, level, province, city string
}

var (
	jia  = ident{"甲市司法局", "city", "某省", "甲市"}
	yi   = ident{"乙市司法局", "city", "某省", "乙市"}
	ding = ident{"丁市司法局", "city", "某省", "丁市"}
	wu   = ident{"戊市司法局", "city", "另省", "戊市"}
	bing = ident{"丙县人民政府", "county", "某省", "甲市"}
)

func rep(id string, who ident, year int, period report.Period, form report.Form, published string, ms ...report.Metric) *report.Report {
	return &report.Report{
		ID: id, Path: fmt.Sprintf("reports/%s/%d-%s.txt", who.city, year, id[:4]), Format: "txt", Size: 1000,
		Identity: report.Identity{Agency: who.agency, Level: who.level, Province: who.province, City: who.city,
			Year: year, Period: period, Published: published},
		Form: form, Metrics: ms,
	}
}

// table2021 builds the application table totals of a 2021-form report.
// denied, unavailable, unprocessed and other list their parts in the
// order of the form; a negative part is a blank cell.
func outcomes(prefix []string, parts []float64) []report.Metric {
	var out []report.Metric
	for i, k := range prefix {
		if parts[i] < 0 {
			out = append(out, blank(k+".total"))
			continue
		}
		out = append(out, fig(k+".total", parts[i]))
	}
	return out
}

var (
	denied8      = []string{"denied_state_secret", "denied_law", "denied_safety", "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_inquiry"}
	unavailable3 = []string{"unavailable_not_held", "unavailable_need_create", "unavailable_unclear"}
	unprocessed5 = []string{"unprocessed_petition", "unprocessed_repeat", "unprocessed_publication", "unprocessed_mass", "unprocessed_confirm"}
	other3       = []string{"other_no_correction", "other_no_fee", "other_misc"}
)

func join(parts ...[]report.Metric) []report.Metric {
	var out []report.Metric
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func fixtureReports() []*report.Report {
	// 甲市司法局 2017, legacy table.
	// granted = 同意公开 20 + 已主动公开 5 = 25; unavailable = 不属于本机关 2 + 不存在 1 = 3.
	jia17 := rep("a17aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", jia, 2017, report.PeriodYear, report.FormLegacy, "2018-03-01",
		fig("apps_new.total", 40), fig("outcome_total.total", 38), fig("granted.total", 20), fig("reply.already_public", 5),
		fig("partial.total", 4), fig("denied.total", 3), fig("reply.not_this_agency", 2), fig("reply.not_exist", 1),
		fig("reply.ask_amend", 1), fig("reply.other_channel", 2), fig("review.total", 2), fig("review.corrected", 1),
		fig("litigation.total", 1), fig("litigation.corrected", 0), fig("fees.collected", 0),
		prose("proactive.total", 500, true, "全年主动公开政府信息500余条"))
	jia17.Checks = []report.Check{{Rule: "L3.replies", Scope: "total", Expected: ptr(38), Actual: ptr(38), Status: report.Pass}}

	// 甲市司法局 2018, legacy table with blanks.
	// granted: 已主动公开 is blank, so only step 2 applies: 30 (low).
	// denied: 不同意公开 total blank; its reasons 1+1+0+0+2+0 = 4 (step 2).
	// unavailable: 不存在 blank, so no value at all.
	jia18 := rep("a18aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", jia, 2018, report.PeriodYear, report.FormLegacy, "2019-03-01",
		fig("apps_new.total", 50), fig("outcome_total.total", 50), fig("granted.total", 30), blank("reply.already_public"),
		fig("partial.total", 5), blank("denied.total"), fig("denied_state_secret.total", 1), fig("denied_commercial_secret.total", 1),
		fig("denied_privacy.total", 0), fig("denied_safety.total", 0), fig("denied_not_gov_info.total", 2), fig("denied_law.total", 0),
		fig("reply.not_this_agency", 3), blank("reply.not_exist"), fig("review.total", 0), fig("review.corrected", 0),
		prose("proactive.total", 2600, false, "全年主动公开政府信息2600条"))
	jia18.Checks = []report.Check{
		{Rule: "L3.replies", Scope: "total", Expected: ptr(50), Actual: nil, Status: report.NotAssessable, Detail: "blank cells"},
	}

	// 甲市司法局 2019, table2019: 60 + 0 = 53 + 7; 30+6+4+6+3+4 = 53.
	jia19 := rep("a19aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", jia, 2019, report.PeriodYear, report.FormTable2019, "2020-01-20",
		join([]report.Metric{
			fig("apps_new.total", 60), fig("apps_carried_over.total", 0), fig("granted.total", 30), fig("partial.total", 6),
			fig("other.total", 4), fig("outcome_total.total", 53), fig("apps_carried_forward.total", 7),
			fig("apps_carried_forward.person", 7),
			fig("review.upheld", 2), fig("review.corrected", 1), fig("review.other", 0), fig("review.pending", 0), fig("review.total", 3),
			fig("lit_direct.total", 2), fig("lit_direct.corrected", 1), fig("lit_after_review.total", 1), fig("lit_after_review.corrected", 0),
		},
			outcomes(denied8, []float64{1, 0, 0, 2, 1, 0, 0, 0}),
			outcomes(unavailable3, []float64{5, 1, 0}),
			outcomes(unprocessed5, []float64{2, 1, 0, 0, 0}))...)
	jia19.Checks = []report.Check{
		{Rule: "I1.flow", Scope: "total", Expected: ptr(60), Actual: ptr(60), Status: report.Pass},
		{Rule: "I2.outcome", Scope: "total", Expected: ptr(53), Actual: ptr(53), Status: report.Pass},
		{Rule: "S1.prev_items", Scope: "licensing", Expected: ptr(12), Actual: ptr(10), Status: report.Fail, Detail: "prev_items(2019) ≠ prev_items(2018) + change(2018)"},
	}

	// 甲市司法局 2020: no report (a missing year).

	// 甲市司法局 2021, first published then revised at the same path; the
	// revision is current, so it is preferred.
	jia21a := rep("a21aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", jia, 2021, report.PeriodYear, report.FormTable2021, "2022-01-20",
		fig("apps_new.total", 78), fig("granted.total", 38), fig("outcome_total.total", 67))
	jia21a.Checks = []report.Check{
		{Rule: "I3.rowsum", Scope: "granted", Expected: ptr(38), Actual: ptr(36), Status: report.Fail, Detail: "row sum"},
	}
	// Superseded, so its ambiguity is no quality problem either.
	jia21a.Ambiguous = []report.Ambiguity{{Key: "granted.*", Reason: report.AmbiguousNoSplit, Detail: "glued run \"3000004\": no split fits",
		Prov: report.Provenance{Source: "table", Table: "applications", Row: "予以公开", Text: "3000004", Rule: "table.glued"}}}
	// Revised: 80 + 5 = 69 + 16; 40+10+3+12+1+3 = 69.
	jia21b := rep("a21bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", jia, 2021, report.PeriodYear, report.FormTable2021, "2022-03-01",
		join([]report.Metric{
			fig("apps_new.total", 80), fig("apps_carried_over.total", 5), fig("granted.total", 40), fig("partial.total", 10),
			fig("outcome_total.total", 69), fig("apps_carried_forward.total", 16),
			fig("review.total", 4), fig("review.corrected", 2),
			fig("lit_direct.total", 0), fig("lit_direct.corrected", 0), fig("lit_after_review.total", 0), fig("lit_after_review.corrected", 0),
		},
			outcomes(denied8, []float64{0, 0, 0, 3, 0, 0, 0, 0}),
			outcomes(unavailable3, []float64{10, 2, 0}),
			outcomes(unprocessed5, []float64{1, 0, 0, 0, 0}),
			outcomes(other3, []float64{2, 0, 1}))...)
	jia21b.Path = jia21a.Path
	jia21b.Checks = []report.Check{
		{Rule: "I1.flow", Scope: "total", Expected: ptr(85), Actual: ptr(85), Status: report.Pass},
		{Rule: "I5.carry", Scope: "total", Expected: ptr(7), Actual: ptr(5), Status: report.Fail, Detail: "carried forward 2019 ≠ carried over 2021"},
	}

	// 乙市司法局 2021: nothing handled (a zero denominator); review total blank.
	// 10 + 0 = 0 + 10.
	yi21 := rep("b21bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", yi, 2021, report.PeriodYear, report.FormTable2021, "2022-01-15",
		join([]report.Metric{
			fig("apps_new.total", 10), fig("apps_carried_over.total", 0), fig("granted.total", 0), fig("partial.total", 0),
			fig("outcome_total.total", 0), fig("apps_carried_forward.total", 10), fig("apps_carried_forward.person", 10),
			blank("review.total"), fig("review.corrected", 0),
			// Article 20 item counts, for the stock-flow identity computed in
			// SQL: 10 + 2 items should be 12 in 2022, which prints 11.
			fig("art20.licensing.prev_items", 10), fig("art20.licensing.change", 2),
		},
			outcomes(denied8, []float64{0, 0, 0, 0, 0, 0, 0, 0}),
			outcomes(unavailable3, []float64{0, 0, 0}),
			outcomes(unprocessed5, []float64{0, 0, 0, 0, 0}),
			outcomes(other3, []float64{0, 0, 0}))...)
	// 乙市司法局 2022: carried over 8 although 2021 carried forward 10 (a
	// carry-over mismatch found in SQL); 其他 has a blank part, so no other.
	// 20 + 8 = 19 + 9; 15+1+0+2+0+1 = 19.
	yi22 := rep("b22bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", yi, 2022, report.PeriodYear, report.FormTable2021, "2023-01-15",
		join([]report.Metric{
			fig("apps_new.total", 20), fig("apps_carried_over.total", 8), fig("apps_carried_over.person", 8),
			fig("granted.total", 15), fig("partial.total", 1),
			fig("outcome_total.total", 19), fig("apps_carried_forward.total", 9),
			fig("art20.licensing.prev_items", 11),
		},
			outcomes(denied8, []float64{0, 0, 0, 0, 0, 0, 0, 0}),
			outcomes(unavailable3, []float64{2, 0, 0}),
			outcomes(unprocessed5, []float64{0, 0, 0, 0, 0}),
			outcomes(other3, []float64{1, -1, 0}))...)
	// A glued 行政规范性文件 row "31245" that splits six ways: its first cell
	// was seen and left out; and a fee sentence with no unit.
	yi22.Ambiguous = []report.Ambiguity{
		{Key: "art20.normative.issued", Reason: report.AmbiguousSplit, Detail: "glued run \"31245\": 3 | 31 | 312",
			Prov: report.Provenance{Source: "table", Table: "article20", Row: "行政规范性文件", Col: "本年制发件数", Text: "31245", Start: 10, End: 15, Rule: "table.glued",
				Note: "glued run \"31245\", 6 readings"}},
		{Key: "fees.collected", Reason: report.AmbiguousUnit, Detail: "收取费用12 printed without a unit",
			Prov: report.Provenance{Source: "prose", Text: "收取费用12", Rule: "fixture"}},
	}
	yi22.Checks = []report.Check{
		{Rule: "I1.flow", Scope: "total", Expected: ptr(28), Actual: ptr(28), Status: report.Pass},
		{Rule: "I3.rowsum", Scope: "granted", Expected: ptr(15), Actual: ptr(14), Status: report.Fail, Detail: "row sum 14 ≠ total 15"},
		{Rule: "I2.outcome", Scope: "total", Status: report.NotAssessable, Detail: "blank cell"},
	}

	// Peers of 2021 (city 司法局): received 80 (甲), 10 (乙), 100 (丁), 1000 (戊).
	ding21 := rep("d21ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", ding, 2021, report.PeriodYear, report.FormTable2021, "2022-01-10",
		fig("apps_new.total", 100), fig("granted.total", 50), fig("partial.total", 10), fig("outcome_total.total", 90))
	wu21 := rep("e21eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", wu, 2021, report.PeriodYear, report.FormTable2021, "2022-01-10",
		fig("apps_new.total", 1000), fig("granted.total", 900), fig("partial.total", 20), fig("outcome_total.total", 1000))

	// 丙县人民政府: narratives. 2018 is legacy-era prose; 2019 received
	// nothing (a zero to grow from); 2020 has a half-year report and the
	// annual one.
	bing18 := rep("c18ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", bing, 2018, report.PeriodYear, report.FormNarrative, "",
		prose("apps_new.total", 5, false, "共收到政府信息公开申请5件"),
		prose("granted.total", 4, false, "同意公开4件"),
		prose("proactive.total", 800, false, "主动公开政府信息800条"))
	bing19 := rep("c19ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", bing, 2019, report.PeriodYear, report.FormNarrative, "2020-02-01",
		prose("apps_new.total", 0, false, "未收到政府信息公开申请"),
		prose("proactive.total", 1000, false, "主动公开政府信息1000条"))
	bing20h1 := rep("c20hcccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", bing, 2020, report.PeriodH1, report.FormNarrative, "2020-07-10",
		prose("apps_new.total", 3, false, "上半年收到申请3件"),
		prose("granted.total", 2, false, "予以公开2件"))
	bing20 := rep("c20ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", bing, 2020, report.PeriodYear, report.FormNarrative, "2021-01-25",
		prose("apps_new.total", 7, false, "全年收到申请7件"),
		prose("granted.total", 5, false, "予以公开5件"),
		prose("partial.total", 1, false, "部分公开1件"),
		prose("denied.total", 1, false, "不予公开1件"),
		prose("outcome_total.total", 7, false, "办结7件"),
		prose("proactive.total", 1200, true, "主动公开政府信息1200余条"))

	return []*report.Report{jia21a, jia17, jia18, jia19, jia21b, yi21, yi22, ding21, wu21, bing18, bing19, bing20h1, bing20}
}

// saveFixture stores the first 甲 2021 report in an ingest of its own, then
// the rest: the revision arrives later at the same path and supersedes it,
// as a real re-ingest would.
func saveFixture(ctx context.Context, st *load.Store) error {
	reps := fixtureReports()
	if err := st.SaveReports(ctx, reps[:1]); err != nil {
		return err
	}
	return st.SaveReports(ctx, reps[1:])
}

// openFixture builds the fixture database in a temporary directory.
func openFixture(t testing.TB) *load.Store {
	t.Helper()
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "fixture.duckdb"))
	if err != nil {
		t.Fatalf("load.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := saveFixture(ctx, st); err != nil {
		t.Fatalf("SaveReports: %v", err)
	}
	return st
}
