package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestStatusShowsRunsErrorsAndChanges ingests a copy of the samples with one
// bad file, edits a sample, ingests again, and reads both through status.
func TestStatusShowsRunsErrorsAndChanges(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 5)
	bad := filepath.Join(in, "not-a-report.txt")
	os.WriteFile(bad, []byte("会议通知：明天上午九点开会。\n"), 0o644)
	db := filepath.Join(dir, "x.duckdb")

	code, out, stderr := run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("ingest with a bad file: exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	// One line names the bad file; the last says how many failed.
	if lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); len(lines) != 2 || !strings.Contains(lines[0], bad) ||
		!strings.Contains(lines[1], "1 of 6 files failed") {
		t.Errorf("stderr = %q, want one line naming %s and the count", stderr, bad)
	}
	if !strings.Contains(out, "5 new") || !strings.Contains(out, "1 failed") {
		t.Errorf("summary = %q", out)
	}

	// Remove one file and add one.
	os.Remove(filepath.Join(in, "gen_0000.txt"))
	more := filepath.Join(in, "more.txt")
	b, _ := os.ReadFile(filepath.Join(in, "gen_0001.txt"))
	os.WriteFile(more, append(b, "（另一份）\n"...), 0o644)
	// The bad file is unchanged and its error still open: exit 1, and say so.
	code, out, stderr = run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("second ingest with an open error: exit %d, want %d\n%s", code, exitPartial, stderr)
	}
	if !strings.Contains(out, "1 open error remains") {
		t.Errorf("second ingest does not say an error remains:\n%s", out)
	}

	code, out, _ = run(t, "status", "--db", db)
	if code != exitOK {
		t.Fatalf("status: exit %d", code)
	}
	// Newest first: run 2 saw 6 files (1 parsed and new, 5 skipped, 1 removed); run 1 saw 6.
	for _, re := range []string{
		`(?m)^\s+2\s+ingest\s+\S+ \S+\s+\S+\s+6\s+1\s+1\s+0\s+5\s+1\s+0$`,
		`(?m)^\s+1\s+ingest\s+\S+ \S+\s+\S+\s+6\s+6\s+5\s+0\s+0\s+0\s+1$`,
		`Open errors \(1\)`,
		regexp.QuoteMeta(bad) + `\s+identify: `,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("status output lacks %s:\n%s", re, out)
		}
	}

	code, out, _ = run(t, "status", "--db", db, "--changes")
	if code != exitOK {
		t.Fatalf("status --changes: exit %d", code)
	}
	for _, want := range []string{"Changes in run 2", "new", more,
		"removed", filepath.Join(in, "gen_0000.txt")} {
		if !strings.Contains(out, want) {
			t.Errorf("status --changes lacks %q:\n%s", want, out)
		}
	}
}

func TestStatusWithoutDatabase(t *testing.T) {
	code, _, stderr := run(t, "status", "--db", filepath.Join(t.TempDir(), "none.duckdb"))
	if code != exitFatal || !strings.Contains(stderr, "there is no database at") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("status without a database: exit %d, %q", code, stderr)
	}
}
