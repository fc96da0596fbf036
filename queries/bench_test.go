package queries_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
)

// BenchmarkNamedQueries times every named query on a synthetic database of
// XXGK_BENCH_REPORTS reports (default 100,000): the whole result computed
// in DuckDB (engine) and Run filtered to one agency (filtered). Run with
//
//	go test ./queries -run '^$' -bench NamedQueries -benchtime 3x
func BenchmarkNamedQueries(b *testing.B) {
	n := 100_000
	if s := os.Getenv("XXGK_BENCH_REPORTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("XXGK_BENCH_REPORTS=%q: %v", s, err)
		}
		n = v
	}
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(b.TempDir(), "bench.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := queries.BenchFill(ctx, st.DB(), n); err != nil {
		b.Fatal(err)
	}
	agency := "合成市1人民政府"
	for _, q := range queries.List() {
		b.Run(q.Name, func(b *testing.B) {
			var t queries.Timing
			for b.Loop() {
				if t, err = queries.BenchQuery(ctx, st.DB(), q.Name, agency); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(t.Engine.Microseconds())/1000, "engine-ms")
			b.ReportMetric(float64(t.Filtered.Microseconds())/1000, "filtered-ms")
			b.ReportMetric(float64(t.Rows), "rows")
		})
	}
	fmt.Fprintln(os.Stderr, "synthetic reports:", n)
}
