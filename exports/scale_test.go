package exports

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/load"
)

// TestScale times a build of XXGK_SCALE_AGENCIES generated agencies × 10
// years (skipped when unset), phase by phase, wall and CPU time: the
// machine these run on is shared, and CPU time is what extrapolates. The
// targets are set at 3,000 agencies: the comparison in ≤ 10 s, all
// workbooks in ≤ 30 s (cmd/xxgkbench reports them on the bench corpus).
func TestScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("XXGK_SCALE_AGENCIES"))
	db := os.Getenv("XXGK_SCALE_DB") // a database of reports to time instead, such as the bench's
	if n <= 0 && db == "" {
		t.Skip("set XXGK_SCALE_AGENCIES=N to time a build of N generated agencies × 10 years, or XXGK_SCALE_DB to time one of a database")
	}
	ctx := context.Background()
	var st *load.Store
	if db != "" {
		copy := filepath.Join(t.TempDir(), "scale.duckdb")
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(copy, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if st, err = load.Open(ctx, copy); err != nil {
			t.Fatal(err)
		}
		defer st.Close()
	} else {
		st = openFixture(t, scaleReports(t, n, 2014, 2023))
	}
	run := runOn(st)
	out := t.TempDir()
	phase := func(name string, f func() error) {
		t.Helper()
		c0, t0 := cpuTime(), time.Now()
		if err := f(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%d agencies: %-18s %8v wall %8v CPU", n, name, time.Since(t0).Round(time.Millisecond), (cpuTime() - c0).Round(time.Millisecond))
	}
	var d *data
	phase("queries", func() error { _, err := loadData(ctx, run, time.Now()); return err }) // fills the cache
	phase("load", func() (err error) { d, err = loadData(ctx, run, time.Now()); return err })
	var s Stats
	phase("agency workbooks", func() error { return writeAgencies(ctx, run, d, filepath.Join(out, AgencyDir), &s) })
	phase("comparison", func() error {
		return writeBook(filepath.Join(out, ComparisonFile), true, d.stamp, func(b *book) error { return writeComparison(b, d) })
	})
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
