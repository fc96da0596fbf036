package queries_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// The report-quality fixture: texts of my own under testdata/grade/reports, read,
// extracted and stored by the real pipeline (etl/read, etl/extract with
// its grade facts, etl/load), then graded by the named queries. Six
// bodies of 江苏省:
//
//	无锡市司法局 2021   on time (a department: by 31 January)
//	无锡市司法局 2022   last year's text with this year's figures, published late
//	常州市司法局 2021   its own text
//	常州市司法局 2022   another text of its own, the tables as in 2021 (stale)
//	苏州市司法局 2022   常州's 2022 text with its own name and figures, dated after it
//	南通市司法局 2022   its own text, no publication date, no review table, 规章 "/"
//	无锡市人民政府 2022 its own text, 20 March: on time for a government
//	无锡市人民政府 2021 its own text, dated before the year ended
//	无锡市司法局 2017   a report under the 2008 text, with no fees part
//
// 南通, 无锡市人民政府 and 常州 2021 are genuinely different reports: no
// copy flag. All share two stock sentences (本报告根据…编制, the statistics
// period), which is too few to call anything a copy.
func openGradeFixture(t testing.TB) *load.Store {
	t.Helper()
	ctx := context.Background()
	paths, err := filepath.Glob(filepath.Join("testdata", "grade", "reports", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("fixture texts: %v (%d)", err, len(paths))
	}
	var reps []*report.Report
	for _, p := range paths {
		doc, err := read.File(ctx, p, read.DefaultLimits())
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		r, err := extract.Document(doc)
		if err != nil {
			t.Fatalf("extract %s: %v", p, err)
		}
		reps = append(reps, r)
	}
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "grade.duckdb"))
	if err != nil {
		t.Fatalf("load.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Commit(ctx, &load.Batch{Reports: reps, CrossYear: validate.CrossYear}); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return st
}

// gradeQueries are the report-quality queries with golden files of the
// fixture (testdata/grade/NAME.golden).
var gradeQueries = []string{"timeliness", "completeness", "completeness_items", "similarity",
	"repeated_sentences", "stale_figures", "consistency", "common_sentences", "report_quality"}

func TestGradeGolden(t *testing.T) {
	st := openGradeFixture(t)
	ctx := context.Background()
	for _, name := range gradeQueries {
		t.Run(name, func(t *testing.T) {
			res, err := queries.Run(ctx, st.DB(), name, queries.Filter{})
			if err != nil {
				t.Fatalf("Run(%s): %v", name, err)
			}
			var got bytes.Buffer
			if err := queries.WriteResult(&got, res, queries.FormatCSV); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "grade", name+".golden")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("Run(%s) differs from %s:\n%s", name, golden, lineDiff(string(want), got.String()))
			}
		})
	}
}

// byFile indexes a result's rows by the base name of their path (or of
// the report path of report_id, through byID).
func byFile(t *testing.T, res *queries.Result) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, row := range rows(res, nil) {
		p, _ := row["path"].(string)
		out[filepath.Base(p)] = row
	}
	return out
}

func run(t *testing.T, st *load.Store, name string) *queries.Result {
	t.Helper()
	res, err := queries.Run(context.Background(), st.DB(), name, queries.Filter{})
	if err != nil {
		t.Fatalf("Run(%s): %v", name, err)
	}
	return res
}

// TestGradeFixture checks what the fixture was written to show, case by
// case, against values worked out by hand.
func TestGradeFixture(t *testing.T) {
	st := openGradeFixture(t)
	tl := byFile(t, run(t, st, "timeliness"))
	for _, c := range []struct {
		file, status, basis, deadline string
		daysLate                      any
	}{
		{"wuxi_sfj_2021.txt", "on_time", "art49_department", "2022-01-31", int64(0)},
		{"wuxi_sfj_2022.txt", "late", "art49_department", "2023-01-31", int64(15)}, // 15 February
		{"nantong_sfj_2022.txt", "no_date", "art49_department", "2023-01-31", nil},
		{"wuxi_gov_2022.txt", "on_time", "art49_government", "2023-03-31", int64(0)},
		{"wuxi_gov_2021.txt", "before_period_end", "art49_government", "2022-03-31", int64(0)},
		{"wuxi_sfj_2017.txt", "on_time", "art31_2008", "2018-03-31", int64(0)},
	} {
		row := tl[c.file]
		if row == nil {
			t.Errorf("timeliness: no row for %s", c.file)
			continue
		}
		if row["status"] != c.status || row["deadline_basis"] != c.basis || queries.Plain(row["deadline"]) != c.deadline ||
			queries.Text(row["days_late"]) != queries.Text(c.daysLate) {
			t.Errorf("timeliness %s = %v %v %v late %v, want %s %s %s late %v", c.file, row["status"], row["deadline_basis"],
				queries.Plain(row["deadline"]), row["days_late"], c.status, c.basis, c.deadline, c.daysLate)
		}
	}

	cp := byFile(t, run(t, st, "completeness"))
	for _, c := range []struct {
		file          string
		missingParts  string
		missingRows   string
		blankRows     string
		cellsRequired string
		cellsMissing  string
	}{
		{"nantong_sfj_2022.txt", "review", "review; lit_direct; lit_after_review", "rules", "200", "15"},
		{"wuxi_sfj_2021.txt", "", "", "", "200", "0"},
		{"wuxi_sfj_2017.txt", "fees", "", "", "", ""},
	} {
		row := cp[c.file]
		if row == nil {
			t.Errorf("completeness: no row for %s", c.file)
			continue
		}
		got := []string{queries.Plain(row["missing_parts"]), queries.Plain(row["missing_rows"]), queries.Plain(row["blank_rows"]),
			queries.Plain(row["cells_required"]), queries.Plain(row["cells_missing"])}
		want := []string{c.missingParts, c.missingRows, c.blankRows, c.cellsRequired, c.cellsMissing}
		if !slices.Equal(got, want) {
			t.Errorf("completeness %s: missing parts, missing rows, blank rows, cells, missing cells = %q, want %q", c.file, got, want)
		}
	}

	sim := byFile(t, run(t, st, "similarity"))
	agencyOf := func(row map[string]any) string { return queries.Plain(row["closest_agency"]) }
	for _, c := range []struct {
		file, status string
		closest      string // the closest agency, when the status names one
		stale        bool
	}{
		{"wuxi_sfj_2022.txt", "copied_prev", "", false},
		{"suzhou_sfj_2022.txt", "copied_peer", "常州市司法局", false},
		{"changzhou_sfj_2022.txt", "copied_by_peer", "苏州市司法局", true},
		{"wuxi_sfj_2021.txt", "not_copied", "", false},
		{"changzhou_sfj_2021.txt", "not_copied", "", false},
		{"nantong_sfj_2022.txt", "not_copied", "", false},
		{"wuxi_gov_2022.txt", "not_copied", "", false},
		{"wuxi_gov_2021.txt", "not_copied", "", false},
	} {
		row := sim[c.file]
		if row == nil {
			t.Errorf("similarity: no row for %s", c.file)
			continue
		}
		if row["copy_status"] != c.status || (c.closest != "" && agencyOf(row) != c.closest) || row["stale_figures"] != c.stale {
			t.Errorf("similarity %s = %v (closest %s, share %v; last year %v), stale %v; want %s %s, stale %v", c.file,
				row["copy_status"], agencyOf(row), row["closest_share"], row["prev_share"], row["stale_figures"], c.status, c.closest, c.stale)
		}
	}
	// A copy of last year with this year's figures repeats every counted sentence.
	if row := sim["wuxi_sfj_2022.txt"]; queries.Plain(row["prev_share"]) != "1" {
		t.Errorf("wuxi_sfj_2022 prev_share = %v, want 1", row["prev_share"])
	}

	// The repeated sentences are marked on 苏州's text: every span is a
	// sentence of its text that 常州's text has too, the name and the
	// figures aside.
	rep := run(t, st, "repeated_sentences")
	text, err := os.ReadFile(filepath.Join("testdata", "grade", "reports", "suzhou_sfj_2022.txt"))
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(filepath.Join("testdata", "grade", "reports", "changzhou_sfj_2022.txt"))
	if err != nil {
		t.Fatal(err)
	}
	suzhouID := queries.Plain(sim["suzhou_sfj_2022.txt"]["report_id"])
	n := 0
	for _, row := range rows(rep, map[string]any{"report_id": suzhouID}) {
		s, _ := queries.Number(row["start_offset"])
		e, _ := queries.Number(row["end_offset"])
		span := string(text[int(s):int(e)])
		if row["from_peer"] != true || !strings.Contains(digits.ReplaceAllString(string(other), "#"),
			digits.ReplaceAllString(strings.ReplaceAll(span, "苏州", "常州"), "#")) {
			t.Errorf("repeated sentence of 苏州 %q (from_peer %v) is not in 常州's text", span, row["from_peer"])
		}
		n++
	}
	if n < 5 {
		t.Errorf("repeated_sentences lists %d sentences of 苏州, want the copied paragraphs", n)
	}

	// The stale finding is in the consistency list of 常州 2022.
	cons := run(t, st, "consistency")
	czID := queries.Plain(sim["changzhou_sfj_2022.txt"]["report_id"])
	if got := rows(cons, map[string]any{"report_id": czID, "rule": "stale.figures"}); len(got) != 1 || got[0]["status"] != "FAIL" {
		t.Errorf("consistency of 常州 2022: stale.figures rows %v, want one FAIL", got)
	}
}

// TestFormCellsMatchMetrics: form_cells lists exactly the keys of
// spec/metrics.tsv whose forms name table2019 or table2021.
func TestFormCellsMatchMetrics(t *testing.T) {
	st := openFixture(t)
	res := run(t, st, "form_cells")
	got := map[string][]string{}
	for _, row := range rows(res, nil) {
		f := row["form"].(string)
		got[f] = append(got[f], row["key"].(string))
	}
	for _, form := range []string{"table2019", "table2021"} {
		var want []string
		for _, k := range report.Keys() {
			if slices.Contains(k.Forms, form) {
				want = append(want, k.Key)
			}
		}
		g := slices.Clone(got[form])
		slices.Sort(g)
		slices.Sort(want)
		if !slices.Equal(g, want) {
			t.Errorf("form_cells %s: %d keys, metrics.tsv %d; only in form_cells %v, only in metrics.tsv %v", form, len(g), len(want),
				minus(g, want), minus(want, g))
		}
	}
}

// digits finds the figures a copy changes.
var digits = regexp.MustCompile(`[0-9]+`)

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// TestGradeLabels: every code the report-quality queries write in the
// fixture, or can write by their SQL, is named in queries/labels/labels.tsv
// under the domain of its column (the labels package's own tests hold the
// words to Chinese).
func TestGradeLabels(t *testing.T) {
	named := map[string]map[string]bool{}
	for _, d := range []string{"deadline_basis", "timeliness", "regime", "item_kind", "copy_status", "check_kind", "part_status", "row_status", "part"} {
		named[d] = map[string]bool{}
		for code := range labels.Domain(d) {
			named[d][code] = true
		}
		if len(named[d]) == 0 {
			t.Errorf("labels.tsv names no code of domain %q", d)
		}
	}
	st := openGradeFixture(t)
	for _, c := range []struct{ query, column, domain string }{
		{"timeliness", "deadline_basis", "deadline_basis"},
		{"timeliness", "status", "timeliness"},
		{"completeness_items", "regime", "regime"},
		{"completeness_items", "item_kind", "item_kind"},
		{"similarity", "copy_status", "copy_status"},
		{"consistency", "kind", "check_kind"},
	} {
		for _, row := range rows(run(t, st, c.query), nil) {
			if v, ok := row[c.column].(string); ok && !named[c.domain][v] {
				t.Errorf("%s.%s writes %q, not named in labels.tsv under %s", c.query, c.column, v, c.domain)
			}
		}
	}
	for _, row := range rows(run(t, st, "completeness_items"), nil) {
		domain := "part_status"
		if row["item_kind"] == "row" {
			domain = "row_status"
		}
		if v := row["status"].(string); !named[domain][v] {
			t.Errorf("completeness_items status %q of a %v is not named under %s", v, row["item_kind"], domain)
		}
		if row["item_kind"] == "part" && !named["part"][row["item"].(string)] {
			t.Errorf("part %q is not named", row["item"])
		}
	}
	// Every code the SQL can write, not only those the fixture shows.
	for _, c := range []struct{ file, domain, re string }{
		{"timeliness.sql", "deadline_basis", `THEN '([a-z0-9_]+)' *$|'((?:art|none|unknown)[a-z0-9_]*)'`},
		{"similarity.sql", "copy_status", `THEN '([a-z_]+)'`},
		{"consistency.sql", "check_kind", `THEN '([a-z_]+)'|ELSE '([a-z_]+)' END AS kind`},
		{"completeness_items.sql", "part", `\('(?:form2019|art32_2008)', '([a-z_]+)'`},
	} {
		src, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?m)`+c.re).FindAllStringSubmatch(string(src), -1) {
			for _, v := range m[1:] {
				if v != "" && !named[c.domain][v] && !named["timeliness"][v] {
					t.Errorf("%s can write %q, not named under %s", c.file, v, c.domain)
				}
			}
		}
	}
}

// TestCompletenessSumsItems: completeness, computed in one pass over the
// metrics, says what completeness_items says row by row, for every report
// of both fixtures (the texts, and the figures without facts).
func TestCompletenessSumsItems(t *testing.T) {
	for name, st := range map[string]*load.Store{"grade": openGradeFixture(t), "figures": openFixture(t)} {
		items := run(t, st, "completeness_items")
		for _, sum := range rows(run(t, st, "completeness"), nil) {
			id := sum["report_id"]
			var parts, present, headingOnly, missing, unknown, cells, number, blank, prose, missingCells, unread, unknownCells int
			var missingParts, missingRows, blankRows []string
			for _, it := range rows(items, map[string]any{"report_id": id}) {
				status := it["status"].(string)
				if it["item_kind"] == "part" {
					parts++
					switch status {
					case "present":
						present++
					case "heading_only":
						headingOnly++
					case "missing":
						missing++
						missingParts = append(missingParts, it["item"].(string))
					case "unknown":
						unknown++
					}
					continue
				}
				n := func(col string) int { v, _ := queries.Number(it[col]); return int(v) }
				cells += n("cells")
				number += n("cells_number")
				blank += n("cells_blank")
				prose += n("cells_prose")
				missingCells += n("cells_missing")
				unread += n("cells_unread")
				unknownCells += n("cells_unknown")
				if sum := n("cells_number") + n("cells_blank") + n("cells_prose") + n("cells_missing") + n("cells_unread") + n("cells_unknown"); sum != n("cells") {
					t.Errorf("completeness_items %v row %v: the statuses add up to %d cells of %d", id, it["item"], sum, n("cells"))
				}
				switch status {
				case "missing":
					missingRows = append(missingRows, it["item"].(string))
				case "blank":
					blankRows = append(blankRows, it["item"].(string))
				}
			}
			got := []string{queries.Plain(sum["parts_required"]), queries.Plain(sum["parts_present"]), queries.Plain(sum["parts_heading_only"]),
				queries.Plain(sum["parts_missing"]), queries.Plain(sum["parts_unknown"]), queries.Plain(sum["missing_parts"]),
				queries.Plain(sum["missing_rows"]), queries.Plain(sum["blank_rows"])}
			want := []string{fmt.Sprint(parts), fmt.Sprint(present), fmt.Sprint(headingOnly), fmt.Sprint(missing), fmt.Sprint(unknown),
				strings.Join(missingParts, "; "), strings.Join(missingRows, "; "), strings.Join(blankRows, "; ")}
			if cells > 0 {
				got = append(got, queries.Plain(sum["cells_required"]), queries.Plain(sum["cells_number"]), queries.Plain(sum["cells_blank"]),
					queries.Plain(sum["cells_prose"]), queries.Plain(sum["cells_missing"]), queries.Plain(sum["cells_unread"]), queries.Plain(sum["cells_unknown"]))
				want = append(want, fmt.Sprint(cells), fmt.Sprint(number), fmt.Sprint(blank), fmt.Sprint(prose), fmt.Sprint(missingCells),
					fmt.Sprint(unread), fmt.Sprint(unknownCells))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s fixture, report %v %v %v: completeness %q, completeness_items sum to %q", name, sum["agency"], sum["year"], id, got, want)
			}
		}
	}
}
