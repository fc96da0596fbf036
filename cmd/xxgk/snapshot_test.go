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
	if code != exitOK || !strings.Contains(stderr, "最近发布的快照") {
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

// TestNoChangeKeepsSnapshot: a rerun that stores, removes and fails
// nothing leaves the published snapshot alone (same inode, same mtime: not
// copied again); status says so and does not take the working copy's newer
// mtime for a crashed run; a run that changes a report publishes again;
// `xxgk run` with nothing to do keeps it too.
func TestNoChangeKeepsSnapshot(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 3)
	db := filepath.Join(dir, "x.duckdb")
	stat := func() (uint64, time.Time) {
		t.Helper()
		fi, err := os.Stat(db)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(*syscall.Stat_t).Ino, fi.ModTime()
	}
	if code, _, stderr := run(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatalf("first ingest: exit %d\n%s", code, stderr)
	}
	ino, mtime := stat()
	time.Sleep(20 * time.Millisecond) // a copy would have a later mtime
	if code, out, stderr := run(t, "ingest", "--db", db, in); code != exitOK || !strings.HasPrefix(out, "没有变化") {
		t.Fatalf("rerun: exit %d\n%s%s", code, out, stderr)
	}
	if i, m := stat(); i != ino || !m.Equal(mtime) {
		t.Errorf("a rerun that changed nothing republished the snapshot: inode %d → %d, mtime %v → %v", ino, i, mtime, m)
	}
	_, out, _ := run(t, "status", "--db", db)
	if !strings.Contains(out, "之后到第 2 次为止的运行没有改变任何数据") || strings.Contains(out, "停止了") {
		t.Errorf("status after a kept snapshot:\n%s", out)
	}
	// Readers still answer, from the kept snapshot.
	if code, out, stderr := run(t, "query", "coverage", "--db", db, "--format", "csv"); code != exitOK || strings.Count(out, "\n") != 4 {
		t.Errorf("query of the kept snapshot: exit %d\n%s%s", code, out, stderr)
	}

	// A changed report is published.
	f := filepath.Join(in, "gen_0001.txt")
	b, _ := os.ReadFile(f)
	os.WriteFile(f, append(b, "（修订）\n"...), 0o644)
	if code, out, stderr := run(t, "ingest", "--db", db, in); code != exitOK || !strings.Contains(out, "有变化 1，") {
		t.Fatalf("ingest of a change: exit %d\n%s%s", code, out, stderr)
	}
	if i, m := stat(); i == ino || !m.After(mtime) {
		t.Errorf("a run that changed a report did not publish: inode %d → %d, mtime %v → %v", ino, i, mtime, m)
	}
	if _, err := os.Stat(load.KeptPath(db)); err == nil {
		t.Errorf("the note of a kept snapshot outlived a publish")
	}
	if _, out, _ := run(t, "status", "--db", db); !regexp.MustCompile(`(?m)^\s+3\s+入库\s`).MatchString(out) || strings.Contains(out, "没有重新发布") {
		t.Errorf("status after the publish lacks run 3 or still says kept:\n%s", out)
	}

	// `xxgk run`: the first builds (and publishes its build), the second
	// has nothing to do and keeps the snapshot.
	cfg := filepath.Join(dir, "xxgk.toml")
	os.WriteFile(cfg, []byte("inputs = [\"in\"]\ndatabase = \"x.duckdb\"\noutput = \"out\"\n"), 0o644)
	if code, out, stderr := run(t, "run", "--config", cfg); code != exitOK {
		t.Fatalf("run: exit %d\n%s%s", code, out, stderr)
	}
	ino, mtime = stat()
	time.Sleep(20 * time.Millisecond)
	if code, out, stderr := run(t, "run", "--config", cfg); code != exitOK || !strings.Contains(out, "输出已是最新") {
		t.Fatalf("second run: exit %d\n%s%s", code, out, stderr)
	}
	if i, m := stat(); i != ino || !m.Equal(mtime) {
		t.Errorf("a run with nothing to do republished the snapshot: inode %d → %d, mtime %v → %v", ino, i, mtime, m)
	}
}
