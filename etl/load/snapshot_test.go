package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

func TestPublishAndReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.duckdb")
	s, err := OpenWork(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != WorkPath(path) || s.Published() != path {
		t.Fatalf("working copy %q publishing to %q", s.Path(), s.Published())
	}
	rep := testReport("v1", "a.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 5})
	if err := s.SaveReports(ctx, []*report.Report{rep}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a snapshot before Publish: %v", err)
	}
	if _, err := s.Publish(ctx); err != nil {
		t.Fatal(err)
	}
	// A second commit after the snapshot is not in it until the next.
	rep2 := testReport("v2", "b.txt", "某县统计局", 2022, map[string]float64{"apps_new.total": 6})
	if err := s.SaveReports(ctx, []*report.Report{rep2}); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		r, err := OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatalf("OpenReadOnly: %v", err)
		}
		defer r.Close()
		var n int
		if err := r.DB().QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB().Exec(`DELETE FROM reports`); err == nil {
			t.Errorf("a read-only store accepted a write")
		}
		return n
	}
	if n := count(); n != 1 {
		t.Errorf("reports in the first snapshot = %d, want 1", n)
	}
	if _, err := s.Publish(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("reports in the second snapshot = %d, want 2", n)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o444 {
		t.Errorf("snapshot mode %v, want 0444", fi.Mode().Perm())
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), SnapshotTempPrefix(path)) {
			t.Errorf("temporary left behind: %s", e.Name())
		}
	}
}

// TestOpenWorkAdoptsAnOlderDatabase: a database written before snapshots
// (the file at the path is the one ingest wrote) becomes the working copy.
func TestOpenWorkAdoptsAnOlderDatabase(t *testing.T) {
	ctx := context.Background()
	old, path := openTemp(t)
	if err := old.SaveReports(ctx, []*report.Report{testReport("v1", "a.txt", "某县统计局", 2021, map[string]float64{"apps_new.total": 5})}); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := OpenWork(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil || n != 1 {
		t.Errorf("reports in the adopted working copy = %d, %v; want 1", n, err)
	}
}

func TestLockFileRemovedAndNotShared(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	l, err := Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	if held, pid := Held(db); !held || pid != os.Getpid() {
		t.Errorf("Held = %v, %d while locked", held, pid)
	}
	var le *LockedError
	if _, err := Lock(db); !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Errorf("second Lock = %v, want a LockedError naming this process", err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(LockPath(db)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file after Unlock: %v", err)
	}
	if held, _ := Held(db); held {
		t.Errorf("Held after Unlock")
	}
	// A lock file a killed holder left (its pid gone) is not a holder.
	os.WriteFile(LockPath(db), []byte("999999999\n"), 0o644)
	if held, _ := Held(db); held {
		t.Errorf("Held with a dead pid in the file")
	}
	l, err = Lock(db)
	if err != nil {
		t.Fatalf("Lock over a stale file: %v", err)
	}
	l.Unlock()
}

// WALPath names the log DuckDB actually writes, "?" in the name included:
// publishing checks it is empty, adopting copies it, cleaning removes it.
func TestWALPath(t *testing.T) {
	for _, name := range []string{"x.duckdb", "x?a=b.duckdb"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().Exec("CREATE TABLE zz (a INTEGER); INSERT INTO zz VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(WALPath(path))
		s.Close()
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: log at WALPath %q: %v; want the log DuckDB writes", name, filepath.Base(WALPath(path)), err)
		}
	}
}
