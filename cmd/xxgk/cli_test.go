package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
)

// firstLine is the first line of s.
func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// smallCorpus writes n edited copies of sample reports into a new folder.
func smallCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	genCorpus(t, dir, n)
	return dir
}

func TestFlagsAfterPaths(t *testing.T) {
	in := smallCorpus(t, 3)
	db := filepath.Join(t.TempDir(), "x.duckdb")
	// The flag after the folder is a flag, not an input.
	if code, out, stderr := run(t, "ingest", in, "--db", db, "--batch", "2"); code != exitOK || !strings.Contains(out, "新增 3，") {
		t.Fatalf("ingest DIR --db X: exit %d\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("ingest DIR --db X did not write X: %v", err)
	}
	for _, args := range [][]string{
		{"extract", in, "--json=false", "--workers", "1"},
		{"status", "--changes", "--db", db},
		{"query", "coverage", "--db", db, "--format", "csv"},
		{"query", "--db", db, "coverage", "--format", "csv"},
		{"build", "--out", filepath.Join(t.TempDir(), "o"), "--db", db},
		{"ingest", "--db", db, in, "--verbose"},
	} {
		if code, out, stderr := run(t, args...); code != exitOK || out == "" {
			t.Errorf("xxgk %v: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
	// After --, a name that looks like a flag is an argument.
	if code, _, stderr := run(t, "extract", "--", "--db"); code != exitFatal || !strings.Contains(stderr, `"--db"`) {
		t.Errorf("extract -- --db: exit %d, stderr %q; want the input --db named as missing", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}, {"--verbose", "version"}} {
		code, out, _ := run(t, args...)
		if code != exitOK || out != "xxgk "+version+"\n" {
			t.Errorf("xxgk %v: exit %d, %q", args, code, out)
		}
	}
	if code, _, stderr := run(t, "version", "extra"); code != exitFatal || !strings.Contains(firstLine(stderr), `"extra"`) {
		t.Errorf("version extra: exit %d, %q", code, stderr)
	}
}

func TestSizeSyntax(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	b, err := os.ReadFile(filepath.Join(sampleDir, "004_f81732fc77319bff.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(big, b, 0o644) // several KB
	db := filepath.Join(t.TempDir(), "x.duckdb")
	for _, args := range [][]string{
		{"extract", "--max-size", "1KB", big},
		{"ingest", "--db", db, "--max-size", "1KB", big},
	} {
		code, _, stderr := run(t, args...)
		if code != exitPartial || !regexp.MustCompile(`over the 1KB limit`).MatchString(stderr) {
			t.Errorf("xxgk %v: exit %d, stderr %q; want the file refused over 1KB", args, code, stderr)
		}
	}
	// The same syntax passes where the file fits; a bare number is bytes.
	for _, size := range []string{"1MB", "0.5MB", "512KB", "1048576", "1 GB"} {
		if code, _, stderr := run(t, "extract", "--max-size", size, big); code != exitOK {
			t.Errorf("extract --max-size %q: exit %d, %s", size, code, stderr)
		}
	}
	for _, args := range [][]string{
		{"extract", "--max-size", "lots", big},
		{"ingest", "--db", db, "--max-decompressed", "12XB", big},
	} {
		code, _, stderr := run(t, args...)
		if code != exitFatal || !strings.HasPrefix(firstLine(stderr), "xxgk "+args[0]+": --max-") {
			t.Errorf("xxgk %v: exit %d, stderr %q; want exit 2 naming the flag first", args, code, stderr)
		}
	}
	// The config takes the same sizes.
	cfg := filepath.Join(dir, "job.toml")
	os.WriteFile(cfg, []byte("inputs = [\"big.txt\"]\ndatabase = \"out/x.duckdb\"\noutput = \"out\"\n[limits]\nmax_size = \"1KB\"\n"), 0o644)
	if code, _, stderr := run(t, "run", "--config", cfg); code != exitPartial || !regexp.MustCompile(`over the 1KB limit`).MatchString(stderr) {
		t.Errorf("run with max_size = 1KB: exit %d, %q", code, stderr)
	}
}

// TestExitCodes holds every command to the same codes for the same
// situations: 0 all good, 1 some inputs failed, 2 usage or fatal.
func TestExitCodes(t *testing.T) {
	good := smallCorpus(t, 2)
	mixed := smallCorpus(t, 2)
	os.WriteFile(filepath.Join(mixed, "notice.txt"), []byte("会议通知：明天上午九点开会。\n"), 0o644)
	tmp := t.TempDir()
	missing := filepath.Join(tmp, "missing")
	db := func() string { return filepath.Join(t.TempDir(), "x.duckdb") }
	jsonl := func(dir string) string {
		code, out, stderr := run(t, "extract", "--errors", dir)
		if code == exitFatal {
			t.Fatalf("extract %s: %s", dir, stderr)
		}
		p := filepath.Join(t.TempDir(), "r.jsonl")
		os.WriteFile(p, []byte(out), 0o644)
		return p
	}
	goodJSONL, mixedJSONL := jsonl(good), jsonl(mixed)
	for _, c := range []struct {
		want int
		args []string
	}{
		{exitOK, []string{"extract", good}},
		{exitOK, []string{"ingest", "--db", db(), good}},
		{exitOK, []string{"load", "--db", db(), goodJSONL}},
		{exitPartial, []string{"extract", mixed}},
		{exitPartial, []string{"ingest", "--db", db(), mixed}},
		{exitPartial, []string{"load", "--db", db(), mixedJSONL}},
		{exitFatal, []string{"extract", missing}},
		{exitFatal, []string{"ingest", "--db", db(), missing}},
		{exitFatal, []string{"load", "--db", db(), missing}},
		{exitFatal, []string{"extract", good, missing}},
		{exitFatal, []string{"ingest", "--db", db(), good, missing}},
		{exitFatal, []string{"query", "yoy", "--db", db()}},
		{exitFatal, []string{"status", "--db", db()}},
		{exitFatal, []string{"build", "--db", db(), "--out", tmp}},
		{exitFatal, []string{"export", "--db", db(), "--out", tmp}},
		{exitFatal, []string{"run", "--config", missing}},
	} {
		if code, _, stderr := run(t, c.args...); code != c.want {
			t.Errorf("xxgk %v: exit %d, want %d; stderr %q", c.args, code, c.want, stderr)
		}
	}
}

// TestUsageErrorsNameTheArgument: the first line of a usage error starts
// with (or quotes) what was wrong.
func TestUsageErrorsNameTheArgument(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	for _, c := range []struct {
		args []string
		name string // what the first line must contain
	}{
		{[]string{"nosuch"}, `"nosuch"`},
		{[]string{"ingest", "--db", db}, "no input"},
		{[]string{"ingest", "x", "--nosuch"}, "--nosuch is not a flag"},
		{[]string{"ingest", "x", "--db"}, "--db needs a value"},
		{[]string{"ingest", "x", "--batch", "0"}, "--batch 0"},
		{[]string{"ingest", "x", "--batch", "many"}, `--batch "many"`},
		{[]string{"ingest", "x", "--log-format", "xml"}, `--log-format "xml"`},
		{[]string{"extract"}, "no input"},
		{[]string{"extract", "x", "--timeout", "soon"}, `--timeout "soon"`},
		{[]string{"load"}, "no input"},
		{[]string{"query"}, "no query"},
		{[]string{"query", "nosuch"}, `"nosuch" is not a named query`},
		{[]string{"query", "yoy", "extra"}, `"extra"`},
		{[]string{"query", "yoy", "--format", "xml"}, `--format "xml"`},
		{[]string{"query", "yoy", "--year", "20x"}, `--year "20x"`},
		{[]string{"status", "extra"}, `"extra"`},
		{[]string{"status", "--runs", "0"}, "--runs 0"},
		{[]string{"status", "--run", "3"}, "--run 3 goes with --changes"},
		{[]string{"build", "extra"}, `"extra"`},
		{[]string{"export", "extra"}, `"extra"`},
		{[]string{"export", "--format", "ods"}, `--format "ods"`},
		{[]string{"run", "extra"}, `"extra"`},
		{[]string{"gen", "--agencies", "2"}, "--out"},
		{[]string{"gen", "--years", "2020-2010", "--out", "x"}, `--years "2020-2010"`},
	} {
		code, _, stderr := run(t, c.args...)
		if code != exitFatal || !strings.Contains(firstLine(stderr), c.name) {
			t.Errorf("xxgk %v: exit %d, first line %q; want exit 2 and %q", c.args, code, firstLine(stderr), c.name)
		}
	}
}

func TestStatusNoSuchRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, smallCorpus(t, 1)); code != exitOK {
		t.Fatal(stderr)
	}
	code, out, stderr := run(t, "status", "--changes", "--run", "99", "--db", db)
	if code != exitFatal || !strings.Contains(firstLine(stderr), "there is no run 99") || strings.Contains(out, "第 99 次运行") {
		t.Errorf("status --changes --run 99: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if code, out, _ := run(t, "status", "--changes", "--run", "1", "--db", db); code != exitOK || !strings.Contains(out, "第 1 次运行（入库）的变化") {
		t.Errorf("status --changes --run 1: exit %d, %q", code, out)
	}
}

// TestFailureIsOneSentence: a fatal error is one line without the Go chain
// or DuckDB's text, and --verbose adds the chain.
func TestFailureIsOneSentence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	missing := filepath.Join(t.TempDir(), "gone")
	code, _, stderr := run(t, "ingest", "--db", db, missing)
	if code != exitFatal || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, missing) {
		t.Errorf("ingest of a missing input: exit %d, %q; want one line naming it", code, stderr)
	}
	code, _, stderr = run(t, "ingest", "--db", db, missing, "--verbose")
	if code != exitFatal || !strings.Contains(stderr, "error chain:") {
		t.Errorf("--verbose: exit %d, %q; want the chain", code, stderr)
	}
}

// TestNothingLeftBehind: a failed command creates no database (nor its
// folder), and no lock file or temporary stays after any command.
func TestNothingLeftBehind(t *testing.T) {
	root := t.TempDir()
	newDir := filepath.Join(root, "new", "deeper")
	db := filepath.Join(newDir, "x.duckdb")
	for _, args := range [][]string{
		{"ingest", "--db", db, filepath.Join(root, "missing")},
		{"load", "--db", db, filepath.Join(root, "missing.jsonl")},
		{"query", "yoy", "--db", db},
		{"status", "--db", db},
		{"build", "--db", db, "--out", filepath.Join(root, "out")},
	} {
		if code, _, _ := run(t, args...); code != exitFatal {
			t.Errorf("xxgk %v: exit %d, want 2", args, code)
		}
		if _, err := os.Stat(filepath.Join(root, "new")); err == nil {
			t.Errorf("xxgk %v failed but left %s", args, filepath.Join(root, "new"))
			os.RemoveAll(filepath.Join(root, "new"))
		}
	}
	// A locked database: the command fails, and the lock file is the
	// holder's alone.
	okDB := filepath.Join(root, "db", "x.duckdb")
	in := smallCorpus(t, 2)
	if code, _, stderr := run(t, "ingest", "--db", okDB, in); code != exitOK {
		t.Fatal(stderr)
	}
	lock, err := load.Lock(okDB)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "ingest", "--db", okDB, in); code != exitFatal || !strings.Contains(stderr, "is writing") {
		t.Errorf("ingest while locked: exit %d, %q", code, stderr)
	}
	lock.Unlock()
	for _, args := range [][]string{
		{"ingest", "--db", okDB, in},
		{"status", "--db", okDB},
		{"query", "coverage", "--db", okDB},
		{"build", "--db", okDB, "--out", filepath.Join(root, "out")},
	} {
		if code, _, stderr := run(t, args...); code != exitOK {
			t.Errorf("xxgk %v: exit %d, %s", args, code, stderr)
		}
	}
	// The rerun and the build changed nothing: the snapshot was kept, and
	// the note saying so is the one file beside the two databases.
	names := dirNames(t, filepath.Dir(okDB))
	if want := []string{".x.duckdb.kept", ".x.duckdb.work", "x.duckdb"}; !slices.Equal(names, want) {
		t.Errorf("beside the database after the commands: %v, want %v (no lock, log or temporary)", names, want)
	}
	if fi, err := os.Stat(okDB); err != nil || fi.Mode().Perm() != 0o444 {
		t.Errorf("published snapshot mode: %v, %v; want read-only 0444", fi.Mode(), err)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// TestUpToDateAcrossFolders: the same config run by a relative path from
// its folder and by an absolute path from elsewhere (cron and systemd)
// shares one state: the second run parses nothing and builds nothing.
func TestUpToDateAcrossFolders(t *testing.T) {
	dir := t.TempDir()
	genCorpus(t, filepath.Join(dir, "in"), 3)
	os.WriteFile(filepath.Join(dir, "job.toml"), []byte("inputs = [\"in\"]\ndatabase = \"out/x.duckdb\"\noutput = \"out\"\n"), 0o644)
	t.Chdir(dir)
	if code, out, stderr := run(t, "run", "--config", "job.toml"); code != exitOK || !strings.Contains(out, "新增 3，") {
		t.Fatalf("first run: exit %d\n%s%s", code, out, stderr)
	}
	t.Chdir(t.TempDir())
	code, out, stderr := run(t, "run", "--config", filepath.Join(dir, "job.toml"))
	if code != exitOK || !strings.Contains(out, "没有变化：3 个文件未改动，解析 0 个") || !strings.Contains(out, "输出已是最新") {
		t.Errorf("second run from another folder: exit %d\n%s%s", code, out, stderr)
	}
	// A build by hand of the same output is the same state too.
	if code, _, stderr := run(t, "build", "--db", filepath.Join(dir, "out", "x.duckdb"), "--out", filepath.Join(dir, "out")); code != exitOK {
		t.Fatal(stderr)
	}
	t.Chdir(filepath.Join(dir, "out"))
	if code, out, _ := run(t, "run", "--config", "../job.toml"); code != exitOK || !strings.Contains(out, "输出已是最新") {
		t.Errorf("run after a manual build: exit %d\n%s", code, out)
	}
}

// TestConflictsAgree: status and query conflicts list the same reports.
func TestConflictsAgree(t *testing.T) {
	in := smallCorpus(t, 3)
	b, _ := os.ReadFile(filepath.Join(in, "gen_0001.txt"))
	// A copy under another name (a duplicate) and a revision of one file.
	os.WriteFile(filepath.Join(in, "copy.txt"), append(b, "（转载）\n"...), 0o644)
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatal(stderr)
	}
	b2, _ := os.ReadFile(filepath.Join(in, "gen_0002.txt"))
	os.WriteFile(filepath.Join(in, "gen_0002.txt"), append(b2, "（修订）\n"...), 0o644)
	if code, _, stderr := run(t, "ingest", "--db", db, in); code != exitOK {
		t.Fatal(stderr)
	}
	code, out, _ := run(t, "query", "conflicts", "--db", db, "--format", "csv")
	if code != exitOK {
		t.Fatalf("query conflicts: exit %d", code)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("query conflicts: %v, %q", err, out)
	}
	col := slices.Index(recs[0], "path")
	var fromQuery []string
	for _, r := range recs[1:] {
		fromQuery = append(fromQuery, r[col])
	}
	_, status, _ := run(t, "status", "--db", db)
	_, section, _ := strings.Cut(status, "\n同一机关同一年度的多份报告（")
	var fromStatus []string
	for _, l := range strings.Split(section, "\n")[1:] {
		if f := strings.Fields(l); len(f) > 2 && (f[0] == "*" || strings.HasPrefix(f[0], "/")) {
			if f[0] == "*" {
				f = f[1:]
			}
			fromStatus = append(fromStatus, f[0])
		}
	}
	if len(fromQuery) < 4 || !slices.Equal(fromQuery, fromStatus) {
		t.Errorf("conflicts: query lists %v, status lists %v; want the same (two groups of two)\n%s", fromQuery, fromStatus, status)
	}
}

// TestReadOnlyDatabase: a read-only database file is queried, listed and
// built from without a byte written beside it.
func TestReadOnlyDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, smallCorpus(t, 2)); code != exitOK {
		t.Fatal(stderr)
	}
	ro := filepath.Join(t.TempDir(), "copy.duckdb")
	b, _ := os.ReadFile(db)
	os.WriteFile(ro, b, 0o444)
	os.Chmod(filepath.Dir(ro), 0o555)
	defer os.Chmod(filepath.Dir(ro), 0o755)
	for _, args := range [][]string{
		{"query", "coverage", "--db", ro, "--format", "csv"},
		{"status", "--db", ro},
	} {
		if code, out, stderr := run(t, args...); code != exitOK || strings.Count(out, "\n") < 2 {
			t.Errorf("xxgk %v on a read-only file: exit %d, %q %q", args, code, out, stderr)
		}
	}
	os.Chmod(filepath.Dir(ro), 0o755)
	if names := dirNames(t, filepath.Dir(ro)); !slices.Equal(names, []string{"copy.duckdb"}) {
		t.Errorf("beside a read-only database after reading it: %v", names)
	}
}

// TestLockedByAnotherProgram: a user's read-write DuckDB session on the
// snapshot; query says who holds it and what to do, in one line.
func TestLockedByAnotherProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, smallCorpus(t, 1)); code != exitOK {
		t.Fatal(stderr)
	}
	holder := holdOpen(t, db)
	code, _, stderr := run(t, "query", "coverage", "--db", db)
	if code != exitFatal || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "IO Error") ||
		!strings.Contains(stderr, fmt.Sprintf("pid %d", holder)) || !strings.Contains(stderr, "read-only") {
		t.Errorf("query on a file another program holds: exit %d, %q", code, stderr)
	}
}

// holdOpen opens the DuckDB file read-write in a child process until the
// test ends, the way a user's `duckdb FILE` session does, and returns its pid.
func holdOpen(t *testing.T, db string) int {
	t.Helper()
	cmd := child()
	cmd.Env = append(cmd.Env, "XXGK_HOLD_OPEN="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	buf := make([]byte, 64)
	n, _ := out.Read(buf) // "open\n" once it holds the file
	if !strings.HasPrefix(string(buf[:n]), "open") {
		t.Fatalf("holder: %q", buf[:n])
	}
	return cmd.Process.Pid
}

// holdOpenChild is the child side of holdOpen.
func holdOpenChild(path string) {
	s, err := load.Open(context.Background(), path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("open")
	b := make([]byte, 1)
	os.Stdin.Read(b) // until the parent closes stdin
	s.Close()
	os.Exit(0)
}
