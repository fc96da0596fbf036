package synth

import (
	"fmt"
	"math"
	"sort"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/score"
)

// Score sums up how extracted records compare with generated labels: the
// counts of tools/score.py (through package score), plus what only a
// complete label can tell, the figures reported that the reports do not
// state.
type Score struct {
	Labelled   int // labelled figures
	Found      int // labelled (or derivable) figures the extractor reported
	Correct    int // ... with the labelled value
	Unverified int // figures reported that no label covers
	// Unlabelled lists those figures ("NAME: key = value"). A generated
	// label covers every figure its report prints, so on a synthetic
	// corpus each of them is a figure read from something that is not one.
	Unlabelled []string
	Problems   []string // one line per miss or wrong value: "NAME: key want X got Y"
	AgencyOK   int
	YearOK     int
	PeriodOK   int
	Docs       int // labelled reports
	Missing    int // labelled reports with no record
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
		s.Recall(), s.Precision(), s.AgencyOK, s.Docs, s.YearOK, s.Docs, s.PeriodOK, s.Docs, s.Labelled, s.Found, s.Correct, s.Unverified, s.Missing)
}

// Compare scores extracted records against labels; got is keyed by the
// report's file stem, as score.py keys it.
func Compare(labels map[string]Label, got map[string]report.Exchange) Score {
	in := make(map[string]score.Label, len(labels))
	for name, l := range labels {
		in[name] = score.Label{Agency: l.Agency, Year: l.Year, Period: string(l.Period), Form: string(l.Form),
			Published: l.Published, Metrics: l.Metrics, Approx: l.Approx}
	}
	res := score.Corpus(in, got)
	s := Score{AgencyOK: res.AgencyOK, YearOK: res.YearOK, PeriodOK: res.PeriodOK, Docs: len(labels)}
	for _, t := range res.Forms {
		s.Labelled += t.Labelled
		s.Found += t.Found
		s.Correct += t.Correct
		s.Unverified += t.Unverified
	}
	for _, m := range res.Misses {
		if m.Found {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: %s want %v got %v", m.File, m.Key, m.Want, m.Got))
		} else {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: %s want %v got nothing", m.File, m.Key, m.Want))
		}
	}
	s.Problems = append(s.Problems, res.MetaMisses...)
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		rec, ok := got[name]
		if !ok {
			s.Missing++
			continue
		}
		if rec.Period != labels[name].Period {
			s.Problems = append(s.Problems, fmt.Sprintf("%s: period want %s got %s", name, labels[name].Period, rec.Period))
		}
		want := score.Derive(labels[name].Metrics)
		var extra []string
		for k, v := range rec.Metrics {
			if _, ok := want[k]; !ok {
				extra = append(extra, fmt.Sprintf("%s: %s = %v", name, k, v))
			}
		}
		sort.Strings(extra)
		s.Unlabelled = append(s.Unlabelled, extra...)
	}
	return s
}
