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
			// Keys of several lengths around the 8 and 16 bytes packed
			// for comparison, sharing long prefixes as real keys do.
			ms[i] = Metric{Key: []string{"", "apps_new.", "denied_state_secret.", "art20.rules.prev_items"}[rng.Intn(4)] +
				strconv.Itoa(rng.Intn(n/3+1)), Value: float64(i)}
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
