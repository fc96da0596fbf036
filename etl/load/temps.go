package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// metricsTempPrefix names the metrics CSV files of the database at dbPath
// (".x.duckdb.metrics-tmp-"): hidden, and telling which database they
// belong to, so cleaning one database's leftovers never touches another's.
// Characters a glob or a CSV reader could take for syntax are replaced.
func metricsTempPrefix(dbPath string) string {
	return "." + strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, filepath.Base(dbPath)) + ".metrics-tmp-"
}

// legacyMetricsPrefix is the metrics CSV name of earlier versions, which
// did not say which database a file belonged to.
const legacyMetricsPrefix = ".xxgk-metrics-"

// RemoveTemps removes, whatever their age, the temporary files that killed
// runs left beside the database at dbPath: metrics CSV files of a commit,
// snapshot copies, copies starting a working copy and backups being
// written before a migration. Lock calls it once it holds the run lock: no other
// run of this database is writing them then.
func RemoveTemps(dbPath string) error {
	dir := filepath.Dir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("remove temporaries beside %q: %w", dbPath, err)
	}
	// The writer holding the lock works on the working copy: its metrics
	// files are named after it, and so are the temporaries of the copy
	// that starts it (adopt) and of its log. A store opened on dbPath
	// itself names them after dbPath. The working copy and the published
	// file never end in "-tmp-": neither is ever taken for a temporary.
	work := WorkPath(dbPath)
	prefixes := []string{metricsTempPrefix(dbPath), metricsTempPrefix(work),
		SnapshotTempPrefix(dbPath), SnapshotTempPrefix(work), SnapshotTempPrefix(WALPath(work))}
	var errs []error
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() {
			continue
		}
		legacy := strings.HasPrefix(n, legacyMetricsPrefix) && strings.HasSuffix(n, ".csv")
		// A backup being written before a migration (atomicout.File).
		backup := strings.HasPrefix(n, "."+filepath.Base(dbPath)+".schema-v") && strings.Contains(n, ".bak.tmp-")
		if legacy || backup || slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(n, p) }) {
			if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("remove temporaries beside %q: %w", dbPath, err)
	}
	return nil
}
