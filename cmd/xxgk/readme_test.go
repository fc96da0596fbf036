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
		if code != exitOK || json.Unmarshal([]byte(out), &rows) != nil || len(rows) == 0 {
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
// three or more years, and year-over-year changes for them (the point of
// `make run`). The agencies are those the labels give three or more annual
// reports; each must come out with its years and with changes.
func TestSampleShowsTrends(t *testing.T) {
	labels, _ := filepath.Glob("../../testdata/labels/*.json")
	years := map[string]map[int]bool{}
	for _, l := range labels {
		var lab struct {
			Agency string `json:"agency"`
			Year   int    `json:"year"`
			Period string `json:"period"`
		}
		b, _ := os.ReadFile(l)
		if json.Unmarshal(b, &lab) != nil || lab.Period == "h1" {
			continue
		}
		if years[lab.Agency] == nil {
			years[lab.Agency] = map[int]bool{}
		}
		years[lab.Agency][lab.Year] = true
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
	for _, a := range series {
		_, out, _ := run(t, "query", "coverage", "--db", db, "--agency", a, "--format", "json")
		var cov []map[string]any
		json.Unmarshal([]byte(out), &cov)
		stored := map[string]bool{}
		for _, r := range cov {
			if r["period"] == "year" {
				stored[fmt.Sprint(r["year"])] = true
			}
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
		if len(stored) < 3 || changes == 0 {
			t.Errorf("%s: %d labelled years, %d stored, %d year-over-year changes; want 3+ years and changes",
				a, len(years[a]), len(stored), changes)
		}
	}
}
