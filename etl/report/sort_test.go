package report

import (
	"math/rand"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// TestSortMetrics checks SortMetrics against a stable reflection sort on
// lists with many repeated keys, where stability shows.
func TestSortMetrics(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		ms := make([]Metric, n)
		for i := range ms {
			ms[i] = Metric{Key: "k" + strconv.Itoa(rng.Intn(n/3+1)), Value: float64(i)}
		}
		want := slices.Clone(ms)
		sort.SliceStable(want, func(i, j int) bool { return want[i].Key < want[j].Key })
		r := &Report{Metrics: ms}
		r.SortMetrics()
		if !slices.Equal(r.Metrics, want) {
			t.Fatalf("n=%d: SortMetrics order differs from a stable sort by key", n)
		}
	}
}
