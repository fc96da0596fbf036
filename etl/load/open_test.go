package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/store"
)

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// A path is a file name, not a DSN: "?" and "%" open (and lock) the file
// they name, in the folder part and in the file name.
func TestOpenPathIsAFileName(t *testing.T) {
	ctx := context.Background()
	for _, rel := range []string{"a?b.duckdb", "a?access_mode=read_only.duckdb", "100%.duckdb", "x#y/引号'和空格 .duckdb"} {
		t.Run(rel, func(t *testing.T) {
			root := t.TempDir()
			path := filepath.Join(root, rel)
			lock, err := Lock(path)
			if err != nil {
				t.Fatal(err)
			}
			defer lock.Unlock()
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("Open(%q): %v", rel, err)
			}
			r := testReport("q1", "q.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 4})
			if err := s.SaveReports(ctx, []*report.Report{r}); err != nil {
				t.Fatalf("SaveReports: %v", err)
			}
			s.Close()
			dir := filepath.Dir(path)
			got := names(t, dir)
			base := filepath.Base(path)
			// DuckDB keeps its log beside the file; nothing else may appear,
			// least of all a database named by the part before the "?".
			for _, n := range got {
				if n != base && n != base+".lock" && !strings.Contains(n, ".wal") {
					t.Errorf("Open(%q) wrote %q beside the database (all: %q)", rel, n, got)
				}
			}
			if !slices.Contains(got, base) || !slices.Contains(got, base+".lock") {
				t.Errorf("folder holds %q, want %q and its lock", got, base)
			}
			s, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if n := count(t, s, `SELECT count(*) FROM reports`); n != 1 {
				t.Errorf("reports after reopening = %d, want 1", n)
			}
		})
	}
}

// A "?" in the folder is refused before anything is opened: DuckDB would
// put the log in a folder that does not exist.
func TestOpenRefusesQuestionMarkFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x?threads=1", "y.duckdb")
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded")
	}
	if !strings.Contains(err.Error(), "another folder") {
		t.Errorf("Open = %v, want a message saying to use another folder", err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) > 0 {
		t.Errorf("the refused open wrote %v", ents)
	}
}

// Two opens of one file in one process share it: both see each other's
// writes, and closing one leaves the other open.
func TestOpenTwiceInOneProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.duckdb")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	r := testReport("t1", "t.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 4})
	if err := a.SaveReports(ctx, []*report.Report{r}); err != nil {
		t.Fatal(err)
	}
	a.Close()
	if n := count(t, b, `SELECT count(*) FROM reports`); n != 1 {
		t.Errorf("second store sees %d reports, want 1", n)
	}
	b.Close()
}

// setVersions makes the database at path look written by a binary whose
// migrations are versions: schema.sql applied and exactly those recorded.
func setVersions(t *testing.T, path string, versions ...int) {
	t.Helper()
	db, err := openDB(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(queries.Schema()); err != nil {
		t.Fatal(err)
	}
	for _, v := range versions {
		if _, err := db.Exec(store.SQL("record_version"), v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "x.duckdb")
	setVersions(t, path, 1, 2, 3, 99)
	s, err := Open(ctx, path)
	if err == nil {
		s.Close()
		t.Fatal("Open of a version 99 database succeeded")
	}
	var ne *NewerSchemaError
	known := steps()[len(steps())-1].Version
	if !errors.As(err, &ne) || ne.Version != 99 || ne.Max != known {
		t.Fatalf("Open = %v, want a NewerSchemaError naming 99 and %d", err, known)
	}
	for _, want := range []string{"99", "up to " + itoa(known), "x.duckdb"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not name %q", err, want)
		}
	}
	if _, err := OpenReadOnly(ctx, path); !errors.As(err, &ne) {
		t.Errorf("OpenReadOnly = %v, want the same refusal", err)
	}
	// Untouched: no backup, no migration.
	for _, n := range names(t, dir) {
		if strings.Contains(n, ".bak") {
			t.Errorf("a refused database was backed up: %s", n)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// An older database is copied to a backup, then migrated in one step.
func TestMigrateBacksUpFirst(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "x.duckdb")
	setVersions(t, path, 1)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	known := steps()[len(steps())-1].Version
	if n := count(t, s, `SELECT max(version) FROM schema_version`); n != known {
		t.Errorf("version after Open = %d, want %d", n, known)
	}
	s.Close()
	bak := BackupPath(path, 1)
	b, err := OpenReadOnly(ctx, bak)
	if err != nil {
		t.Fatalf("backup %s: %v", bak, err)
	}
	defer b.Close()
	if n := count(t, b, `SELECT max(version) FROM schema_version`); n != 1 {
		t.Errorf("backup is at version %d, want 1 (the version before the migration)", n)
	}
	// A working copy started from an older published database is backed
	// up under the published name, where users look for it.
	pub := filepath.Join(dir, "pub.duckdb")
	setVersions(t, pub, 1)
	w, err := OpenWork(ctx, pub)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	if _, err := os.Stat(BackupPath(pub, 1)); err != nil {
		t.Errorf("backup of the working copy: %v, want it at %s", err, filepath.Base(BackupPath(pub, 1)))
	}
	// A new database has nothing to back up.
	fresh := filepath.Join(dir, "new.duckdb")
	s, err = Open(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, n := range names(t, dir) {
		if strings.HasPrefix(n, "new.duckdb.schema-") {
			t.Errorf("a new database was backed up: %s", n)
		}
	}
}

// The temporaries of killed commits and snapshots go once a run holds the
// lock, whatever their age; another database's stay.
func TestLockRemovesTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.duckdb")
	work := WorkPath(path)
	mine := []string{metricsTempPrefix(path) + "123.csv", metricsTempPrefix(work) + "124.csv", SnapshotTempPrefix(path) + "9",
		SnapshotTempPrefix(work) + "8", SnapshotTempPrefix(WALPath(work)) + "7", ".xxgk-metrics-77.csv",
		"." + filepath.Base(BackupPath(path, 1)) + ".tmp-6"}
	// The database itself, its working copy and log are never temporaries;
	// nor is the snapshot temporary of a database "x" without extension.
	theirs := []string{metricsTempPrefix(filepath.Join(dir, "y.duckdb")) + "1.csv", SnapshotTempPrefix(filepath.Join(dir, "y.duckdb")) + "2",
		"report.csv", "x.duckdb", filepath.Base(work), filepath.Base(work) + ".wal", ".x.snapshot-tmp-8"}
	for _, n := range append(slices.Clone(mine), theirs...) {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	got := names(t, dir)
	for _, n := range mine {
		if slices.Contains(got, n) {
			t.Errorf("%s is still there after Lock", n)
		}
	}
	for _, n := range theirs {
		if !slices.Contains(got, n) {
			t.Errorf("%s (not this database's) was removed", n)
		}
	}
}
