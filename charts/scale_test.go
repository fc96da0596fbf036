package charts

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
)

// TestScaleSite builds the site from XXGK_SCALE agencies × 10 years (e.g.
// XXGK_SCALE=3000) and fails when it takes longer than its share of the
// 30-second budget for site and workbooks together. It is opt-in: loading
// the fixture alone takes a while on a shared machine.
func TestScaleSite(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("XXGK_SCALE"))
	if n == 0 || testing.Short() {
		t.Skip("set XXGK_SCALE=3000 to time the site at scale")
	}
	db := chartstest.OpenScaleDB(t, n, 10)
	start := time.Now()
	if _, err := Build(context.Background(), db, filepath.Join(t.TempDir(), "site")); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("site of %d agencies × 10 years: %s", n, took)
	if took > 15*time.Second {
		t.Errorf("site took %s, want under 15s", took)
	}
}
