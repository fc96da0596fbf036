package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sampleDB ingests the whole sample folder once per test binary.
func sampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "sample.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, sampleDir); code == exitFatal {
		t.Fatalf("ingest of the samples: %s", stderr)
	}
	return db
}

// TestREADMEQueryExamples runs every `xxgk query …` example of the README on
// the bundled samples and asserts it returns rows.
func TestREADMEQueryExamples(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("`(xxgk query [^`]+)`|(?m)^(?:\\$ )?(\\./bin/xxgk query .+)$")
	var cmds []string
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		c := m[1] + m[2]
		if strings.Contains(c, "NAME") || strings.Contains(c, "--list") || strings.Contains(c, "|") {
			continue // the synopsis and the list, not examples
		}
		cmds = append(cmds, c)
	}
	if len(cmds) < 3 {
		t.Fatalf("found %d query examples in the README: %q", len(cmds), cmds)
	}
	db := sampleDB(t)
	for _, c := range cmds {
		args := strings.Fields(c)[1:]
		args = append(args, "--db", db, "--format", "json")
		code, out, stderr := run(t, args...)
		var rows []map[string]any
		// conflicts lists duplicate agency-years, a problem: the sample has
		// none, and an empty list is the right answer there.
		mayBeEmpty := args[1] == "conflicts"
		if code != exitOK || json.Unmarshal([]byte(out), &rows) != nil || (len(rows) == 0 && !mayBeEmpty) {
			t.Errorf("README example %q: exit %d, %d rows; stderr %q", c, code, len(rows), stderr)
			continue
		}
		// A yoy example must show changes, not only first years.
		if args[1] == "yoy" {
			n := 0
			for _, r := range rows {
				if r["abs_change"] != nil {
					n++
				}
			}
			if n == 0 {
				t.Errorf("README example %q: no row has a year-over-year change", c)
			}
		}
	}
}

// TestSampleShowsTrends: the bundled sample gives at least five agencies
// three or more years (the point of `make run`), and each such agency comes
// out with every year whose text names it — a report filed under a wrong or
// no agency, or refused, loses a year of its series. Year-over-year changes
// are asked for where the labels give the same comparable figure in two
// years (most dev copies are truncated, and their figures differ from year
// to year): received applications or proactive disclosures.
func TestSampleShowsTrends(t *testing.T) {
	labels, _ := filepath.Glob("../../testdata/labels/*.json")
	years := map[string]map[int]bool{}
	comparable := map[string]map[string]int{} // agency → key → labelled years
	for _, l := range labels {
		var lab struct {
			Agency     string             `json:"agency"`
			AgencyFrom string             `json:"agency_from"`
			Year       int                `json:"year"`
			Period     string             `json:"period"`
			Metrics    map[string]float64 `json:"metrics"`
		}
		b, _ := os.ReadFile(l)
		if json.Unmarshal(b, &lab) != nil || lab.Period == "h1" {
			continue
		}
		if years[lab.Agency] == nil {
			years[lab.Agency], comparable[lab.Agency] = map[int]bool{}, map[string]int{}
		}
		// A year whose text never names the agency (the label took it from
		// the page address) is stored as unidentified, never guessed: it
		// joins the series only with an operator's sidecar or manifest.
		years[lab.Agency][lab.Year] = lab.AgencyFrom != "url"
		for _, k := range []string{"apps_new.total", "proactive.total"} {
			if _, ok := lab.Metrics[k]; ok {
				comparable[lab.Agency][k]++
			}
		}
	}
	var series []string
	for a, ys := range years {
		if len(ys) >= 3 {
			series = append(series, a)
		}
	}
	if len(series) < 5 {
		t.Fatalf("the labels give %d agencies three or more years, want at least 5: %v", len(series), series)
	}
	db := sampleDB(t)
	withChanges := 0
	for a := range years {
		wantChange := comparable[a]["apps_new.total"] >= 2 || comparable[a]["proactive.total"] >= 2
		if len(years[a]) < 3 && !wantChange {
			continue
		}
		_, out, _ := run(t, "query", "coverage", "--db", db, "--agency", a, "--format", "json")
		var cov []map[string]any
		json.Unmarshal([]byte(out), &cov)
		stored := map[string]bool{}
		for _, r := range cov {
			if r["period"] == "year" {
				stored[fmt.Sprint(r["year"])] = true
			}
		}
		for y, named := range years[a] {
			if named && !stored[fmt.Sprint(y)] {
				t.Errorf("%s: labelled year %d not stored (stored %v)", a, y, stored)
			}
		}
		if !wantChange {
			continue
		}
		_, out, _ = run(t, "query", "yoy", "--db", db, "--agency", a, "--format", "json")
		var yoy []map[string]any
		json.Unmarshal([]byte(out), &yoy)
		changes := 0
		for _, r := range yoy {
			if r["abs_change"] != nil {
				changes++
			}
		}
		if changes == 0 {
			t.Errorf("%s: no year-over-year change, though its labels give a comparable figure in two years", a)
		} else {
			withChanges++
		}
	}
	if withChanges < 2 {
		t.Errorf("%d agencies show year-over-year changes, want at least 2 (北京市东城区人民政府, 上海市普陀区人民政府)", withChanges)
	}
}
