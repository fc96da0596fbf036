package exports

import (
	"context"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestScale times a build of XXGK_SCALE_AGENCIES generated agencies × 10
// years (skipped when unset): the comparison workbook and all workbooks,
// wall and CPU time. The targets are set at 3,000 agencies: the comparison
// in ≤ 10 s, all workbooks in ≤ 30 s (see cmd/xxgkbench, which reports them).
func TestScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("XXGK_SCALE_AGENCIES"))
	if n <= 0 {
		t.Skip("set XXGK_SCALE_AGENCIES=N to time a build of N generated agencies × 10 years")
	}
	st := openFixture(t, scaleReports(t, n, 2014, 2023))
	cpu0 := cpuTime()
	t0 := time.Now()
	_, s, err := BuildStats(context.Background(), runOn(st), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d agencies: load %v, agency workbooks %v (%d written), comparison %v; total %v wall, %v CPU",
		n, s.Load.Round(time.Millisecond), s.Agencies.Round(time.Millisecond), s.Written, s.Comparison.Round(time.Millisecond),
		time.Since(t0).Round(time.Millisecond), (cpuTime() - cpu0).Round(time.Millisecond))
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
