package roundtrip

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
	"github.com/xxgk/xxgk/etl/validate"
)

// The thresholds of issue 7: generated reports are what real reports look
// like, so the extractor must read them almost perfectly.
const (
	minPrecision = 0.99
	minRecall    = 0.99
)

// TestRoundTrip generates a small corpus over every era and layout, runs the
// real reader and extractor on it, and scores the result as score.py does.
// Every injected identity break must come back as a FAIL check of its rule.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	cfg := synth.Config{Agencies: 30, From: 2008, To: 2024, Seed: 11, HTML: true, BreakRate: 0.3, GluedRate: 0.1}
	if _, err := synth.Write(context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	labels, err := synth.ReadLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]report.Exchange{}
	checks := map[string][]report.Check{}
	reps := map[string]*report.Report{}
	for name, lab := range labels {
		path := filepath.Join(dir, lab.Source)
		doc, err := read.File(context.Background(), path, read.DefaultLimits())
		if err != nil {
			t.Errorf("read %s: %v", lab.Source, err)
			continue
		}
		rep, err := extract.Document(doc)
		if err != nil {
			t.Errorf("extract %s: %v", lab.Source, err)
			continue
		}
		got[name] = rep.ToExchange()
		checks[name] = rep.Checks
		reps[name] = rep
	}
	s := synth.Compare(labels, got)
	t.Logf("%d reports: %s", len(labels), s)
	logProblems(t, s.Problems, labels)
	// Generated labels are complete, so a figure no label covers was read
	// from something that is not that figure (a trap, a row label...).
	t.Logf("closed-world precision %.4f (%d figures reported that the reports do not state)", s.ClosedPrecision(), len(s.Unlabelled))
	logProblems(t, prefixed("unlabelled ", s.Unlabelled), labels)
	for i, u := range s.Unlabelled {
		if i == 5 {
			break
		}
		name, _, _ := strings.Cut(u, ":")
		t.Logf("  %s  (source: %q)", u, got[name].Provenance[strings.Fields(strings.TrimPrefix(u, name+": "))[0]])
	}

	// Every injected break must be reported as a failed check of its rule.
	var missed []string
	injected := 0
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, br := range labels[name].Breaks {
			if br.Rule == "I5.carry" {
				continue // across reports: the within-report checks cannot see it
			}
			injected++
			if !failed(checks[name], br.Rule) {
				missed = append(missed, name+": "+br.Rule+" ("+br.Scope+")")
			}
		}
	}
	// Across years: each consecutive pair of an agency's reports goes
	// through the cross-year checks; a restated carry-over must FAIL I5, and
	// nothing may FAIL where no break was injected.
	var falseAlarms []string
	for i, name := range names {
		if i == 0 {
			continue
		}
		prevName := names[i-1]
		if agencyOf(prevName) != agencyOf(name) || reps[prevName] == nil || reps[name] == nil {
			continue
		}
		cross := validate.CrossYear(reps[prevName], reps[name])
		carry := false
		for _, br := range labels[name].Breaks {
			if br.Rule == "I5.carry" {
				carry = true
				injected++
				if !failed(cross, br.Rule) {
					missed = append(missed, name+": "+br.Rule+" ("+br.Scope+")")
				}
			}
		}
		for _, c := range cross {
			if c.Status == report.Fail && !(carry && strings.HasPrefix(c.Rule, "I5")) {
				falseAlarms = append(falseAlarms, fmt.Sprintf("%s: %s (%s) expected %v actual %v", name, c.Rule, c.Scope, deref(c.Expected), deref(c.Actual)))
			}
		}
	}
	for i, f := range falseAlarms {
		if i == 10 {
			t.Logf("  ... %d more", len(falseAlarms)-10)
			break
		}
		t.Logf("  cross-year check failed without an injected break: %s", f)
	}
	if len(falseAlarms) > 0 {
		t.Errorf("%d cross-year checks failed on consistent report series", len(falseAlarms))
	}
	t.Logf("injected breaks: %d, not reported: %d", injected, len(missed))
	for i, m := range missed {
		if i == 20 {
			t.Logf("  ... %d more", len(missed)-20)
			break
		}
		t.Logf("  break not reported: %s", m)
	}
	if s.Precision() < minPrecision || s.Recall() < minRecall {
		t.Errorf("precision %.3f, recall %.3f; want both ≥ %.2f", s.Precision(), s.Recall(), minRecall)
	}
	if s.ClosedPrecision() < minPrecision {
		t.Errorf("closed-world precision %.3f; want ≥ %.2f", s.ClosedPrecision(), minPrecision)
	}
	if len(missed) > 0 {
		t.Errorf("%d of %d injected identity breaks were not reported as a FAIL check of their rule", len(missed), injected)
	}
	checkGlued(t, labels, got)
}

// TestGluedRoundTrip generates reports whose tables all lost their cell
// separators, in every form and with identity breaks, and holds the
// extractor to the generator's independent account of which cells the text
// determines: every determined cell recovered, none wrong, every other cell
// reported as ambiguous and none given a figure.
func TestGluedRoundTrip(t *testing.T) {
	dir := t.TempDir()
	cfg := synth.Config{Agencies: 40, From: 2014, To: 2024, Seed: 12, BreakRate: 0.3, GluedRate: 1}
	if _, err := synth.Write(context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	labels, err := synth.ReadLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]report.Exchange{}
	for name, lab := range labels {
		doc, err := read.File(context.Background(), filepath.Join(dir, lab.Source), read.DefaultLimits())
		if err != nil {
			t.Fatalf("read %s: %v", lab.Source, err)
		}
		rep, err := extract.Document(doc)
		if err != nil {
			t.Fatalf("extract %s: %v", lab.Source, err)
		}
		got[name] = rep.ToExchange()
	}
	s := checkGlued(t, labels, got)
	if s.Reports < 200 || s.Ambiguous == 0 {
		t.Errorf("only %d glued reports, %d ambiguous cells: the test does not exercise the splitter", s.Reports, s.Ambiguous)
	}
	if all := synth.Compare(labels, got); all.Precision() < minPrecision || all.Recall() < minRecall {
		t.Errorf("glued corpus: %s", all)
	}
}

// checkGlued scores the glued tables of a corpus and fails unless recall
// of determined cells and precision are 1 and every undetermined cell is
// reported.
func checkGlued(t *testing.T, labels map[string]synth.Label, got map[string]report.Exchange) synth.GluedScore {
	t.Helper()
	s := synth.CompareGlued(labels, got)
	t.Logf("glued: %d reports, %d cells, %d determined (recall %.4f, precision %.4f), %d ambiguous (rate %.3f, reported %.4f)",
		s.Reports, s.Cells, s.Determined, s.Recall(), s.Precision(), s.Ambiguous, s.AmbiguityRate(), s.ReportedRate())
	for i, p := range s.Problems {
		if i == 20 {
			t.Logf("  ... %d more", len(s.Problems)-20)
			break
		}
		t.Logf("  %s", p)
	}
	if s.Recall() < 1 || s.Precision() < 1 || s.ReportedRate() < 1 {
		t.Errorf("glued tables: recall %.4f, precision %.4f, reported %.4f; want 1 each", s.Recall(), s.Precision(), s.ReportedRate())
	}
	return s
}

// agencyOf is the agency part of a generated file stem (a000012_2021).
func agencyOf(stem string) string {
	a, _, _ := strings.Cut(stem, "_")
	return a
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// failed reports whether checks hold a FAIL of rule's identity. The rule's
// family (I1, I2, ...) is compared, so "I3.rowsum" matches "I3" or "I3.row".
func failed(checks []report.Check, rule string) bool {
	fam, _, _ := strings.Cut(rule, ".")
	for _, c := range checks {
		f, _, _ := strings.Cut(c.Rule, ".")
		if f == fam && c.Status == report.Fail {
			return true
		}
	}
	return false
}

func prefixed(p string, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		name, rest, _ := strings.Cut(l, ": ")
		out[i] = name + ": " + p + rest
	}
	return out
}

// logProblems prints the misses grouped by key family and form, with a few
// examples each, so a failing run says which extractor misses what.
func logProblems(t *testing.T, problems []string, labels map[string]synth.Label) {
	t.Helper()
	type group struct {
		n        int
		examples []string
	}
	groups := map[string]*group{}
	for _, p := range problems {
		name, rest, _ := strings.Cut(p, ": ")
		key, _, _ := strings.Cut(rest, " ")
		fam, _, _ := strings.Cut(key, ".")
		lab := labels[name]
		g := string(lab.Form) + "/" + string(lab.Layout) + " " + fam
		if groups[g] == nil {
			groups[g] = &group{}
		}
		groups[g].n++
		if len(groups[g].examples) < 3 {
			groups[g].examples = append(groups[g].examples, p)
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return groups[keys[i]].n > groups[keys[j]].n })
	for _, k := range keys {
		t.Logf("%5d  %s  e.g. %s", groups[k].n, k, strings.Join(groups[k].examples, " | "))
	}
	if os.Getenv("ROUNDTRIP_ALL") != "" {
		for _, p := range problems {
			t.Log(p)
		}
	}
}

// BenchmarkExtract measures reading and extracting generated reports in
// process (no start-up, no output), with the bytes per report reported, so a
// profile (-cpuprofile) shows which stage of the pipeline costs what.
func BenchmarkExtract(b *testing.B) {
	dir := b.TempDir()
	cfg := synth.Config{Agencies: 20, From: 2014, To: 2023, Seed: 5, HTML: true}
	if _, err := synth.Write(context.Background(), cfg, dir); err != nil {
		b.Fatal(err)
	}
	labels, err := synth.ReadLabels(dir)
	if err != nil {
		b.Fatal(err)
	}
	var paths []string
	var size int64
	for _, l := range labels {
		p := filepath.Join(dir, l.Source)
		paths = append(paths, p)
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	sort.Strings(paths)
	b.SetBytes(size / int64(len(paths)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := paths[i%len(paths)]
		doc, err := read.File(context.Background(), p, read.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := extract.Document(doc); err != nil {
			b.Fatal(err)
		}
	}
}
