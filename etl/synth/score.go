package synth

import (
	"fmt"
	"math"
	"sort"

	"github.com/xxgk/xxgk/etl/report"
)

// The derived sums tools/score.py adds to a label before scoring, so an
// extractor may report either the parts or their printed-nowhere sum.
var scoreGroups = map[string][]string{
	"denied": {"denied_state_secret", "denied_law", "denied_safety", "denied_third_party",
		"denied_internal", "denied_process", "denied_enforcement", "denied_inquiry"},
	"unavailable": {"unavailable_not_held", "unavailable_need_create", "unavailable_unclear"},
	"unprocessed": {"unprocessed_petition", "unprocessed_repeat", "unprocessed_publication",
		"unprocessed_mass", "unprocessed_confirm"},
}

// derive adds the sums score.py derives from labelled parts.
func derive(m map[string]float64) map[string]float64 {
	out := make(map[string]float64, len(m)+32)
	for k, v := range m {
		out[k] = v
	}
	sumIfAll := func(key string, parts []string) {
		if _, ok := out[key]; ok {
			return
		}
		s := 0.0
		for _, p := range parts {
			v, ok := m[p]
			if !ok {
				return
			}
			s += v
		}
		out[key] = s
	}
	for agg, parts := range scoreGroups {
		for _, col := range report.Columns {
			keys := make([]string, len(parts))
			for i, p := range parts {
				keys[i] = p + "." + col
			}
			sumIfAll(agg+"."+col, keys)
		}
	}
	for _, col := range report.Columns {
		sumIfAll("other."+col, []string{"other_no_correction." + col, "other_no_fee." + col, "other_misc." + col})
	}
	for _, r := range []string{"upheld", "corrected", "other", "pending", "total"} {
		sumIfAll("litigation."+r, []string{"lit_direct." + r, "lit_after_review." + r})
	}
	return out
}

// Score is the outcome of comparing extracted figures with labels, counted
// as tools/score.py counts them.
type Score struct {
	Labelled   int // labelled figures
	Found      int // labelled (or derivable) figures the extractor reported
	Correct    int // ... with the labelled value
	Unverified int // figures reported that no label covers
	// Unlabelled lists those figures ("NAME: key = value"). A generated
	// label covers every figure its report prints, so on a synthetic
	// corpus each of them is a figure read from something that is not one.
	Unlabelled []string
	Missing    []string
	Problems   []string // one line per miss or wrong value: "NAME: key want X got Y"
	AgencyOK   int
	YearOK     int
	PeriodOK   int
	Docs       int
}

// Recall is correct over labelled.
func (s Score) Recall() float64 { return float64(s.Correct) / math.Max(float64(s.Labelled), 1) }

// Precision is correct over found.
func (s Score) Precision() float64 { return float64(s.Correct) / math.Max(float64(s.Found), 1) }

// ClosedPrecision is correct over everything reported, counting unlabelled
// figures as wrong: the precision of a corpus whose labels are complete, as
// generated labels are (tools/score.py cannot assume that of hand labels).
func (s Score) ClosedPrecision() float64 {
	return float64(s.Correct) / math.Max(float64(s.Found+s.Unverified), 1)
}

// String prints the summary line score.py prints.
func (s Score) String() string {
	return fmt.Sprintf("recall=%.3f precision=%.3f agency=%d/%d year=%d/%d period=%d/%d labelled=%d found=%d correct=%d unverified=%d missing_docs=%d",
		s.Recall(), s.Precision(), s.AgencyOK, s.Docs, s.YearOK, s.Docs, s.PeriodOK, s.Docs, s.Labelled, s.Found, s.Correct, s.Unverified, len(s.Missing))
}

// Compare scores extracted records against labels; got is keyed by the
// report's file stem, as score.py keys it.
func Compare(labels map[string]Label, got map[string]report.Exchange) Score {
	var s Score
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	same := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
	for _, name := range names {
		lab := labels[name]
		want := derive(lab.Metrics)
		s.Docs++
		rec, ok := got[name]
		if !ok {
			s.Missing = append(s.Missing, name)
			s.Labelled += len(lab.Metrics)
			continue
		}
		if rec.Agency == lab.Agency {
			s.AgencyOK++
		} else {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: agency want %q got %q", name, lab.Agency, rec.Agency))
		}
		if rec.Year == lab.Year {
			s.YearOK++
		} else {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: year want %d got %d", name, lab.Year, rec.Year))
		}
		if rec.Period == lab.Period {
			s.PeriodOK++
		} else {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: period want %s got %s", name, lab.Period, rec.Period))
		}
		keys := make([]string, 0, len(lab.Metrics))
		for k := range lab.Metrics {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s.Labelled++
			v, ok := rec.Metrics[k]
			switch {
			case !ok:
				s.Problems = append(s.Problems, fmt.Sprintf("%s: %s want %v got nothing", name, k, want[k]))
			case same(v, want[k]):
				s.Found++
				s.Correct++
			default:
				s.Found++
				s.Problems = append(s.Problems, fmt.Sprintf("%s: %s want %v got %v", name, k, want[k], v))
			}
		}
		extra := make([]string, 0)
		for k := range rec.Metrics {
			if _, ok := lab.Metrics[k]; !ok {
				extra = append(extra, k)
			}
		}
		sort.Strings(extra)
		for _, k := range extra {
			v := rec.Metrics[k]
			w, ok := want[k]
			switch {
			case !ok:
				s.Unverified++
				s.Unlabelled = append(s.Unlabelled, fmt.Sprintf("%s: %s = %v", name, k, v))
			case same(v, w):
				s.Found++
				s.Correct++
			default:
				s.Found++
				s.Problems = append(s.Problems, fmt.Sprintf("%s: %s (derived) want %v got %v", name, k, w, v))
			}
		}
	}
	return s
}
