package charts

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/queries"
)

// TestScaleSite builds the site from XXGK_SCALE agencies × 10 years (e.g.
// XXGK_SCALE=3000) and fails when it takes longer than its share of the
// 30-second budget for site and workbooks together, or when an agency page
// or the overview outgrows its size budget (150 KB, 400 KB without the
// ECharts file), or an explorer data file its 2 MB. It is opt-in: loading the fixture alone takes a while on
// a shared machine. It logs the CPU time too, which a loaded machine does
// not inflate.
func TestScaleSite(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("XXGK_SCALE"))
	if n == 0 || testing.Short() {
		t.Skip("set XXGK_SCALE=3000 to time the site at scale")
	}
	db := chartstest.OpenScaleDB(t, n, 10)
	// An ingest refreshes the named-query cache before it ends; the build
	// after it reads the cache.
	if err := queries.Refresh(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(t.TempDir(), "site")
	start, cpu0 := time.Now(), cpuTime()
	if _, err := Build(context.Background(), db, site); err != nil {
		t.Fatal(err)
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	var agency, biggest int64
	filepath.WalkDir(filepath.Join(site, "agencies"), func(p string, d os.DirEntry, err error) error {
		if fi, err := os.Stat(p); err == nil && !d.IsDir() {
			agency = max(agency, fi.Size())
		}
		return nil
	})
	var explore int64
	filepath.WalkDir(filepath.Join(site, exploreDir), func(p string, d os.DirEntry, err error) error {
		if fi, err := os.Stat(p); err == nil && !d.IsDir() {
			explore = max(explore, fi.Size())
		}
		return nil
	})
	index, _ := os.Stat(filepath.Join(site, "index.html"))
	var total int64
	filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if fi, err := os.Stat(p); err == nil && !d.IsDir() {
			total += fi.Size()
			biggest = max(biggest, fi.Size())
		}
		return nil
	})
	t.Logf("site of %d agencies × 10 years: %s (%s CPU); largest agency page %d KB, overview %d KB, explorer's largest data file %d KB, site %.1f MB",
		n, took.Round(time.Millisecond), cpu.Round(time.Millisecond), agency>>10, index.Size()>>10, explore>>10, float64(total)/1e6)
	if explore > 2<<20 {
		t.Errorf("explorer's largest data file %d KB, want ≤ 2 MB", explore>>10)
	}
	if took > 15*time.Second {
		t.Errorf("site took %s, want under 15s", took)
	}
	if agency > 150<<10 {
		t.Errorf("largest agency page %d KB, want ≤ 150 KB", agency>>10)
	}
	if index.Size() > 400<<10 {
		t.Errorf("overview %d KB, want ≤ 400 KB", index.Size()>>10)
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
