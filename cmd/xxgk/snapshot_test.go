package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/load"
)

// TestReadersDuringIngest holds an ingest open (a child process paused with
// SIGSTOP after it published its first snapshot) and runs query, status and
// build against the same database: each answers from the snapshot, exit 0.
func TestReadersDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 120)
	db := filepath.Join(dir, "out", "x.duckdb")
	ing := child("ingest", "--db", db, "--batch", "20", "--workers", "1", in)
	if err := ing.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if stopped {
			ing.Process.Signal(syscall.SIGCONT)
		}
		ing.Wait()
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := os.Stat(db); err == nil {
			break
		}
		if time.Now().After(deadline) {
			ing.Process.Kill()
			t.Fatal("the ingest never published a snapshot")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := ing.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	stopped = true
	if held, pid := load.Held(db); !held || pid != ing.Process.Pid {
		t.Fatalf("the paused ingest does not hold the lock: %v %d", held, pid)
	}
	code, out, stderr := run(t, "query", "coverage", "--db", db, "--format", "csv")
	if code != exitOK || strings.Count(out, "\n") < 2 {
		t.Errorf("query during the ingest: exit %d, %q %q", code, out, stderr)
	}
	code, out, stderr = run(t, "status", "--db", db)
	if code != exitOK || !strings.Contains(out, fmt.Sprintf("一个运行（进程 %d）正在写入数据库", ing.Process.Pid)) ||
		!regexp.MustCompile(`(?m)^\s+1\s+入库\s.*未完成`).MatchString(out) {
		t.Errorf("status during the ingest: exit %d\n%s%s", code, out, stderr)
	}
	outDir := filepath.Join(dir, "site-out")
	code, out, stderr = run(t, "build", "--db", db, "--out", outDir)
	if code != exitOK || !strings.Contains(stderr, "last published snapshot") {
		t.Errorf("build during the ingest: exit %d\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(outDir, "site", "index.html")); err != nil {
		t.Errorf("build during the ingest wrote no site: %v", err)
	}
	// Users' own sessions read it too, read-only.
	s, err := load.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatalf("a read-only session on the snapshot: %v", err)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil || n == 0 || n == 120 {
		t.Errorf("reports in the mid-run snapshot = %d, %v; want some of the 120", n, err)
	}
	s.Close()
	ing.Process.Signal(syscall.SIGCONT)
	stopped = false
	if err := ing.Wait(); err != nil {
		t.Fatalf("the ingest after the readers: %v", err)
	}
	if code, out, _ := run(t, "query", "coverage", "--db", db, "--format", "csv"); code != exitOK || countCSVReports(out) != 120 {
		t.Errorf("after the ingest the snapshot holds %d reports, want 120", countCSVReports(out))
	}
}

// countCSVReports sums the n_reports column of a coverage CSV.
func countCSVReports(out string) int {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		return 0
	}
	col := -1
	for i, c := range strings.Split(lines[0], ",") {
		if c == "n_reports" {
			col = i
		}
	}
	n := 0
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		if col >= 0 && col < len(f) {
			var v int
			fmt.Sscan(f[col], &v)
			n += v
		}
	}
	return n
}
