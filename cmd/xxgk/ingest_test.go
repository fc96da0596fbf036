package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/load"
)

// TestHelperProcess is not a test: it is the child process of the kill and
// lock tests, the xxgk binary re-executed from the test binary.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("XXGK_HELPER_PROCESS") != "1" {
		return
	}
	if p := os.Getenv("XXGK_HOLD_OPEN"); p != "" {
		holdOpenChild(p)
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(mainCode(args, os.Stdout, os.Stderr))
}

// child returns the xxgk command run as a child process.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "XXGK_HELPER_PROCESS=1")
	return cmd
}

// reviewedSamples are the sample reports whose labels sit in testdata/labels
// (all 98 of the dev corpus): tests about operations, not extraction, build
// their inputs from these.
func reviewedSamples(t *testing.T) []string {
	t.Helper()
	labels, err := filepath.Glob("../../testdata/labels/*.json")
	if err != nil || len(labels) == 0 {
		t.Fatalf("no labels in testdata/labels: %v", err)
	}
	var out []string
	for _, l := range labels {
		out = append(out, filepath.Join(sampleDir, strings.TrimSuffix(filepath.Base(l), ".json")+".txt"))
	}
	return out
}

// reviewedCopy copies the reviewed samples into a new folder, with their
// sidecars (the sample that prints no year has its page address in one).
func reviewedCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "samples")
	os.MkdirAll(dir, 0o755)
	for _, p := range reviewedSamples(t) {
		copyFile(t, p, filepath.Join(dir, filepath.Base(p)))
		if side := strings.TrimSuffix(p, ".txt") + ".meta.json"; fileExists(side) {
			copyFile(t, side, filepath.Join(dir, filepath.Base(side)))
		}
	}
	return dir
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// genCorpus writes n small reports derived from the reviewed samples, each
// edited (a line appended) so that every file hashes differently, with the
// sample's sidecar when it has one.
func genCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	src := reviewedSamples(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		b, err := os.ReadFile(src[i%len(src)])
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, fmt.Sprintf("\n（副本 %d）\n", i)...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("gen_%04d.txt", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if side := strings.TrimSuffix(src[i%len(src)], ".txt") + ".meta.json"; fileExists(side) {
			copyFile(t, side, filepath.Join(dir, fmt.Sprintf("gen_%04d.meta.json", i)))
		}
	}
}

// dbState is what a consistency check reads back.
type dbState struct {
	reports, metrics, orphans, runs, files, unfinished, newChanges int
}

// openTruth opens what holds a database's committed data: the working copy
// (after a kill it is ahead of the published snapshot).
func openTruth(t *testing.T, db string) (*load.Store, error) {
	t.Helper()
	if _, err := os.Stat(load.WorkPath(db)); err == nil {
		return load.Open(context.Background(), load.WorkPath(db))
	}
	return load.OpenReadOnly(context.Background(), db)
}

func readState(t *testing.T, db string) dbState {
	t.Helper()
	s, err := openTruth(t, db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	var st dbState
	for _, q := range []struct {
		sql string
		n   *int
	}{
		{`SELECT count(*) FROM reports`, &st.reports},
		{`SELECT count(*) FROM metrics`, &st.metrics},
		{`SELECT count(*) FROM metrics m WHERE m.report_id NOT IN (SELECT id FROM reports)`, &st.orphans},
		{`SELECT count(*) FROM runs`, &st.runs},
		{`SELECT count(*) FROM files`, &st.files},
		{`SELECT count(*) FROM runs WHERE finished_at IS NULL`, &st.unfinished},
		{`SELECT count(*) FROM changes WHERE change = 'new'`, &st.newChanges},
	} {
		if err := s.DB().QueryRow(q.sql).Scan(q.n); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	return st
}

// perReport counts, per stored report, its metrics and its within-report
// checks: a report stored by a whole chunk has all of them.
func perReport(t *testing.T, db string) map[string][2]int {
	t.Helper()
	s, err := openTruth(t, db)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	rows, err := s.DB().Query(`SELECT r.id,
		(SELECT count(*) FROM metrics m WHERE m.report_id = r.id),
		(SELECT count(*) FROM checks c WHERE c.report_id = r.id AND c.prev_id IS NULL)
		FROM reports r`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][2]int{}
	for rows.Next() {
		var id string
		var m, c int
		if err := rows.Scan(&id, &m, &c); err != nil {
			t.Fatal(err)
		}
		out[id] = [2]int{m, c}
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestKillDuringIngest kills a real ingest process with SIGKILL at several
// points (while reading, as a chunk starts writing, a few milliseconds into
// the write, after a chunk's commit, after the run) and checks that the
// reopened database holds whole chunks: before the run, after it, or after
// some of its chunks with an unfinished run row, never a part of a chunk.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	const files, batch = 100, 25
	dir := t.TempDir()
	corpus := filepath.Join(dir, "in")
	genCorpus(t, corpus, files)
	ingestArgs := func(db string, extra ...string) []string {
		return append(append([]string{"ingest", "--db", db, "--batch", strconv.Itoa(batch)}, extra...), corpus)
	}

	// The state before: the sample corpus already ingested.
	base := filepath.Join(dir, "base.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", base, reviewedCopy(t)); code != exitOK {
		t.Fatalf("base ingest: exit %d: %s", code, stderr)
	}
	before := readState(t, base)
	// The state after: the same run, not killed.
	ref := filepath.Join(dir, "ref.duckdb")
	copyFile(t, base, ref)
	if out, err := child(ingestArgs(ref)...).CombinedOutput(); err != nil {
		t.Fatalf("reference ingest: %v\n%s", err, out)
	}
	after := readState(t, ref)
	if after.reports != before.reports+files || after.unfinished != 0 {
		t.Fatalf("reference run stored %d reports, want %d: %+v", after.reports-before.reports, files, after)
	}
	refReports := perReport(t, ref)

	points := []struct {
		name  string
		when  string // the log message to wait for; "" kills on a timer
		delay time.Duration
		rerun bool // check that the next run completes the job
		chunk int  // with when: the chunk whose message counts; 0 for the first
	}{
		{"while reading", "", 150 * time.Millisecond, false, 0},
		{"as writing starts", "writing chunk", 0, false, 0},
		{"1ms into writing", "writing chunk", time.Millisecond, true, 0},
		{"10ms into writing", "writing chunk", 10 * time.Millisecond, false, 0},
		{"40ms into writing", "writing chunk", 40 * time.Millisecond, false, 0},
		{"80ms into writing", "writing chunk", 80 * time.Millisecond, false, 0},
		{"as the WAL grows", "wal", 0, false, 0},
		{"after a chunk", "chunk committed", 0, true, 0},
		{"10ms into the third chunk", "writing chunk", 10 * time.Millisecond, false, 3},
		{"after the third chunk", "chunk committed", 0, true, 3},
		{"after the run", "run finished", 0, true, 0},
	}
	for _, p := range points {
		t.Run(p.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "x.duckdb")
			copyFile(t, base, db)
			cmd := child(ingestArgs(db, "--log-format", "json")...)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			killed := make(chan struct{})
			kill := func() {
				select {
				case <-killed:
				default:
					cmd.Process.Signal(syscall.SIGKILL)
					close(killed)
				}
			}
			switch p.when {
			case "":
				time.AfterFunc(p.delay, kill)
			case "wal":
				// DuckDB appends a transaction to its write-ahead log at
				// commit: kill as soon as the log has bytes in it.
				go func() {
					for {
						select {
						case <-killed:
							return
						default:
						}
						if fi, err := os.Stat(load.WorkPath(db) + ".wal"); err == nil && fi.Size() > 0 {
							kill()
							return
						}
						time.Sleep(50 * time.Microsecond)
					}
				}()
			}
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				var rec struct {
					Msg   string
					Chunk int
				}
				if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == p.when && (p.chunk == 0 || rec.Chunk == p.chunk) {
					time.Sleep(p.delay)
					kill()
				}
			}
			cmd.Wait()
			kill() // stops the WAL watcher if the child finished first
			got := readState(t, db)
			if got.orphans != 0 {
				t.Errorf("%d orphan metrics", got.orphans)
			}
			// Every file of the corpus is new content, so each committed
			// chunk adds batch reports, files rows and "new" change rows.
			added := got.reports - before.reports
			switch {
			case added%batch != 0 || added < 0 || added > files:
				t.Errorf("%d reports added: not whole chunks of %d; before %+v, got %+v", added, batch, before, got)
			case got.files-before.files != added || got.newChanges-before.newChanges != added:
				t.Errorf("%d reports added but %d files rows and %d new changes: a chunk split; got %+v",
					added, got.files-before.files, got.newChanges-before.newChanges, got)
			case got == before:
				t.Logf("database as before the run")
			case got == after:
				t.Logf("database as after the run")
			default:
				t.Logf("database after %d of %d chunks: %+v", added/batch, files/batch, got)
				if got.runs != before.runs+1 || got.unfinished != 1 {
					t.Errorf("runs %d (%d unfinished) after a killed run; want %d with 1 unfinished",
						got.runs, got.unfinished, before.runs+1)
				}
				// xxgk status says so: the run is UNFINISHED in the last
				// snapshot it published, or its chunks wait in the working
				// copy for the next run to publish them.
				for _, args := range [][]string{{"status", "--db", db}, {"status", "--changes", "--db", db}} {
					if code, out, _ := run(t, args...); code != exitOK ||
						!strings.Contains(out, "未完成") && !strings.Contains(out, "停止了（崩溃或被终止）") {
						t.Errorf("%v after a killed run: exit %d, want the run marked UNFINISHED or the stop noted:\n%s", args, code, out)
					}
				}
			}
			// A stored report is whole: all its metrics and checks.
			for id, n := range perReport(t, db) {
				if want, ok := refReports[id]; ok && n != want {
					t.Errorf("report %s has %d metrics and %d checks, want %v", id, n[0], n[1], want)
				}
			}
			if !p.rerun {
				return
			}
			// Nothing is repaired by hand: the next run finishes the job.
			if out, err := child(ingestArgs(db)...).CombinedOutput(); err != nil {
				t.Fatalf("ingest after kill: %v\n%s", err, out)
			}
			if got := readState(t, db); got.reports != after.reports || got.metrics != after.metrics ||
				got.files != after.files || got.newChanges != after.newChanges {
				t.Errorf("after re-run: %+v, want %+v", got, after)
			}
		})
	}
}

// TestSecondRunExitsOnLock starts a slow ingest and a second one on the same
// database: the second exits at once with code 2 and names the holder.
func TestSecondRunExitsOnLock(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes; skipped with -short")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "in")
	genCorpus(t, corpus, 300) // enough to keep the first busy while the second starts
	db := filepath.Join(dir, "x.duckdb")
	first := child("ingest", "--db", db, "--workers", "1", corpus)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for load.HolderPID(db) != first.Process.Pid {
		if time.Now().After(deadline) {
			first.Process.Kill()
			t.Fatalf("first ingest never took the lock")
		}
		time.Sleep(5 * time.Millisecond)
	}
	second := child("ingest", "--db", db, corpus)
	var out strings.Builder
	second.Stdout, second.Stderr = &out, &out
	start := time.Now()
	err := second.Run()
	took := time.Since(start)
	code := -1
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	want := "another xxgk run (pid " + strconv.Itoa(first.Process.Pid) + ") is writing " + db
	if code != exitFatal || !strings.Contains(out.String(), want) {
		t.Errorf("second ingest: exit %d, output %q; want exit 2 and %q", code, out.String(), want)
	}
	if took > 5*time.Second {
		t.Errorf("second ingest took %v to give up; want at once", took)
	}
	// status is not blocked: it reads the last published snapshot, or,
	// before the first ingest published one, says so.
	out.Reset()
	st := child("status", "--db", db)
	st.Stdout, st.Stderr = &out, &out
	if err := st.Run(); err != nil && !strings.Contains(out.String(), "has not been published yet") {
		t.Errorf("status during a run: %v, %q; want the snapshot or the not-published-yet message", err, out.String())
	}
	if err := first.Wait(); err != nil {
		t.Errorf("first ingest: %v", err)
	}
}
