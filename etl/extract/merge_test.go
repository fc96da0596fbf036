package extract

import (
	"math/rand"
	"slices"
	"strconv"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

// mergeByMap is the first-seen map merge Merge replaced, followed by the sort
// by key: the reference Merge must agree with.
func mergeByMap(table, prose []report.Metric) []report.Metric {
	var out []report.Metric
	seen := map[string]int{}
	for _, m := range append(slices.Clone(table), prose...) {
		if i, ok := seen[m.Key]; ok {
			if !out[i].IsNumber() && m.IsNumber() {
				out[i] = m
			}
			continue
		}
		seen[m.Key] = len(out)
		out = append(out, m)
	}
	r := report.Report{Metrics: out}
	r.SortMetrics()
	return r.Metrics
}

// TestMergeMatchesFirstSeen checks Merge against the map merge on random
// lists with repeated keys, blanks and figures from both sources.
func TestMergeMatchesFirstSeen(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(7))
	gen := func(n int, src string) []report.Metric {
		ms := make([]report.Metric, n)
		for i := range ms {
			ms[i] = report.Metric{Key: "k" + strconv.Itoa(rng.Intn(12)), Kind: report.KindEmpty,
				Prov: report.Provenance{Source: src, Start: i}}
			if rng.Intn(3) > 0 {
				ms[i].Kind, ms[i].Value = report.KindNumber, float64(rng.Intn(5))
			}
		}
		return ms
	}
	for round := 0; round < 500; round++ {
		table, prose := gen(rng.Intn(20), "table"), gen(rng.Intn(10), "prose")
		want := mergeByMap(table, prose)
		if got := Merge(table, prose); !slices.Equal(got, want) {
			t.Fatalf("round %d: Merge = %v, want %v", round, got, want)
		}
	}
}
