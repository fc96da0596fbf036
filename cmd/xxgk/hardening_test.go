package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/internal/atomicout"
)

// streamedXLSX writes a workbook of rows rows through excelize's
// StreamWriter: a report title, then rows of four cells.
func streamedXLSX(t *testing.T, path string, rows int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"某局2023年政府信息公开工作年度报告"}); err != nil {
		t.Fatal(err)
	}
	row := make([]any, 4)
	for i := 2; i <= rows; i++ {
		row[0], row[1], row[2], row[3] = i, "项目"+strconv.Itoa(i%97), i%977, i%13
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// millionRows writes a workbook whose one sheet has rows rows, its sheet
// part written directly into a workbook excelize made: a million rows
// through the StreamWriter take most of ten seconds, this a second. mark
// makes two of them different files.
func millionRows(t *testing.T, path string, rows int, mark string) {
	t.Helper()
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "x")
	tmpl, err := f.WriteToBuffer()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(tmpl.Bytes()), int64(tmpl.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range zr.File {
		if e.Name != "xl/worksheets/sheet1.xml" {
			if err := zw.Copy(e); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := zw.Create(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		bw.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>某局政府信息公开工作年度报告` + mark + `</t></is></c></row>`)
		for i := 2; i <= rows; i++ {
			n := strconv.Itoa(i)
			bw.WriteString(`<row r="` + n + `"><c r="A` + n + `"><v>` + n + `</v></c><c r="B` + n +
				`" t="inlineStr"><is><t>项目</t></is></c></row>`)
		}
		bw.WriteString(`</sheetData></worksheet>`)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// peakRSS is the child's peak resident memory in MB.
func peakRSS(t *testing.T, cmd *exec.Cmd) int64 {
	t.Helper()
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok || runtime.GOOS != "linux" {
		t.Skip("peak RSS is measured on Linux")
	}
	return ru.Maxrss >> 10 // KB on Linux
}

// TestBigSpreadsheetMemory: a 200,000-row workbook cost 1.1 GB to
// extract. With the default caps it is refused at the row cap; with the
// row and cell caps raised it is streamed until the text budget stops it;
// both within 300 MB, measured in a child process.
func TestBigSpreadsheetMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 200,000-row workbook; skipped with -short")
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	streamedXLSX(t, path, 200_000)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"default caps", nil, "--max-rows"},
		{"row and cell caps raised", []string{"--max-rows", "300000", "--max-cells", "2000000", "--max-text", "1MB"}, "--max-text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := child(append(append([]string{"extract", "--json"}, tt.args...), path)...)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = io.Discard, &stderr
			cmd.Run()
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr = %q, want the limit %s named", stderr.String(), tt.want)
			}
			if mb := peakRSS(t, cmd); mb > 300 {
				t.Errorf("peak RSS %d MB, want at most 300 MB", mb)
			} else {
				t.Logf("peak RSS %d MB", mb)
			}
		})
	}
}

// TestMillionRowSheetsUnderAddressLimit: two million-row workbooks among
// good reports killed an ingest under a 5 GB memory cap with nothing
// stored. Under a 2 GB address-space limit (ulimit -v) the good reports are
// stored and the two workbooks are two error rows.
func TestMillionRowSheetsUnderAddressLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("generates two million-row workbooks; skipped with -short")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh for ulimit")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 20)
	big := []string{filepath.Join(in, "a.xlsx"), filepath.Join(in, "b.xlsx")}
	millionRows(t, big[0], 1_000_000, "甲")
	millionRows(t, big[1], 1_000_000, "乙")
	db := filepath.Join(dir, "x.duckdb")
	args := []string{"-c", `ulimit -v 2097152 && exec "$0" "$@"`, os.Args[0], "-test.run=^TestHelperProcess$", "--",
		"ingest", "--db", db, "--workers", "2", in}
	cmd := exec.Command("sh", args...)
	cmd.Env = append(os.Environ(), "XXGK_HELPER_PROCESS=1")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitPartial {
		t.Fatalf("ingest under ulimit -v 2GB: %v, want exit 1\n%s", err, out)
	}
	s, err := load.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var reports, errs int
	s.DB().QueryRow(`SELECT count(*) FROM reports`).Scan(&reports)
	s.DB().QueryRow(`SELECT count(*) FROM ingest_errors WHERE path IN (?, ?) AND message LIKE '%--max-rows%'`, big[0], big[1]).Scan(&errs)
	if reports != 20 || errs != 2 {
		t.Errorf("stored %d reports and %d row-cap errors, want 20 and 2\n%s", reports, errs, out)
	}
}

// TestStatusEscapesControlCharacters: a file name with ESC and CR printed
// raw could rewrite the terminal; status, the error line and extract print
// it escaped.
func TestStatusEscapesControlCharacters(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 2)
	name := "evil\x1b[2J\rOK.txt"
	if err := os.WriteFile(filepath.Join(in, name), []byte("会议通知：明天上午九点开会。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "x.duckdb")
	code, _, ingestErr := run(t, "ingest", "--db", db, in)
	if code != exitPartial {
		t.Fatalf("ingest: exit %d\n%s", code, ingestErr)
	}
	_, status, _ := run(t, "status", "--db", db)
	_, _, extractErr := run(t, "extract", "--json", filepath.Join(in, name))
	for what, text := range map[string]string{"ingest stderr": ingestErr, "status": status, "extract stderr": extractErr} {
		if strings.ContainsAny(text, "\x1b\r") {
			t.Errorf("%s prints a raw ESC or CR: %q", what, text)
		}
		if !strings.Contains(text, `evil\x1b[2J\rOK.txt`) {
			t.Errorf("%s does not name the file escaped: %q", what, text)
		}
	}
}

// TestQuestionMarkInDatabasePath: a "?" in --db was read as the start of
// DuckDB options, which opened one file and locked another.
func TestQuestionMarkInDatabasePath(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x?access_mode=read_only.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, sampleDir); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	// The published snapshot and the working copy, each with its log.
	for _, e := range mustReadDir(t, dir) {
		if e != filepath.Base(db) && e != filepath.Base(load.WorkPath(db)) && !strings.Contains(e, ".wal") {
			t.Errorf("the ingest wrote %q beside %q", e, filepath.Base(db))
		}
	}
	// The lock it takes is the lock of the file it opens: a run holding it
	// keeps a second one out.
	lock, err := load.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "ingest", "--db", db, sampleDir)
	lock.Unlock()
	if code != exitFatal || !strings.Contains(stderr, "is writing "+db) {
		t.Errorf("ingest while the lock is held: exit %d, %q; want the lock refusal", code, stderr)
	}
	if code, out, _ := run(t, "status", "--db", db); code != exitOK || !strings.Contains(out, "最近的运行") {
		t.Errorf("status of the database: exit %d\n%s", code, out)
	}
}

func mustReadDir(t *testing.T, dir string) []string {
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

// TestRunExitsOneWhileErrorsStayOpen: a rerun with nothing new but an
// unchanged bad file still exits 1 and says so; fixing the file makes it 0.
func TestRunExitsOneWhileErrorsStayOpen(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	genCorpus(t, in, 3)
	bad := filepath.Join(in, "notice.txt")
	os.WriteFile(bad, []byte("会议通知：明天上午九点开会。\n"), 0o644)
	cfg := filepath.Join(dir, "xxgk.toml")
	os.WriteFile(cfg, []byte("inputs = [\"in\"]\ndatabase = \"x.duckdb\"\noutput = \"out\"\n"), 0o644)
	for i, want := range []int{exitPartial, exitPartial} {
		code, out, stderr := run(t, "run", "--config", cfg)
		if code != want {
			t.Fatalf("run %d: exit %d, want %d\n%s%s", i+1, code, want, out, stderr)
		}
		if i == 1 && !strings.Contains(out, "仍有 1 个未解决的读取错误") {
			t.Errorf("rerun does not say an error remains:\n%s", out)
		}
	}
	os.Remove(bad)
	if code, out, stderr := run(t, "run", "--config", cfg); code != exitOK {
		t.Errorf("run after the bad file went: exit %d\n%s%s", code, out, stderr)
	}
}

// TestExtractTimeout: extract gives up on a file past --timeout and goes
// on with the others.
func TestExtractTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a slow workbook; skipped with -short")
	}
	dir := t.TempDir()
	slow := filepath.Join(dir, "slow.xlsx")
	streamedXLSX(t, slow, 150_000)
	good := filepath.Join(dir, "good.txt")
	b, _ := os.ReadFile(filepath.Join(sampleDir, "001_9dab78d21afd140d.txt"))
	os.WriteFile(good, b, 0o644)
	code, out, stderr := run(t, "extract", "--json", "--timeout", "1s", "--max-rows", "-1", "--max-cells", "-1", "--max-text", "64MB", slow, good)
	if code != exitPartial || !strings.Contains(stderr, "took longer than 1s (--timeout)") || !strings.Contains(stderr, "slow.xlsx") {
		t.Errorf("extract: exit %d, stderr %q; want exit 1 and the slow file timed out", code, stderr)
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"file":`) {
		t.Errorf("stdout = %q, want the good report's line", out)
	}
}

// TestHelperKilledBuild is not a test: it is the child of
// TestKillAtEveryRenameOfABuild, `xxgk build` stopped at its Nth rename
// into the output folder the way kill -9 would stop it.
func TestHelperKilledBuild(t *testing.T) {
	at, err := strconv.Atoi(os.Getenv("XXGK_KILL_AT_RENAME"))
	if err != nil {
		return
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	out := os.Getenv("XXGK_OUT")
	n := 0
	atomicout.SetRenameHook(func(_, to string) {
		// Renames inside a temporary folder cannot touch the output.
		if filepath.Dir(to) != out {
			return
		}
		if n++; n == at {
			os.Exit(9)
		}
	})
	os.Exit(mainCode(args, os.Stdout, os.Stderr))
}

// TestKillAtEveryRenameOfABuild kills a build at each of its renames into
// the output folder: every time the outputs are complete (the old ones or
// the new ones), and the next build leaves no temporary behind.
func TestKillAtEveryRenameOfABuild(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	dir := t.TempDir()
	db, out := filepath.Join(dir, "x.duckdb"), filepath.Join(dir, "out")
	if code, _, stderr := run(t, "ingest", "--db", db, sampleDir); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "build", "--db", db, "--out", out); code != exitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	outputs := []string{filepath.Join(out, "site", "index.html"), filepath.Join(out, "site", "method.html"),
		filepath.Join(out, exports.ComparisonFile), filepath.Join(out, exports.AgencyDir)}
	for at := 1; ; at++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperKilledBuild$", "--", "build", "--db", db, "--out", out)
		cmd.Env = append(os.Environ(), "XXGK_KILL_AT_RENAME="+strconv.Itoa(at), "XXGK_OUT="+out)
		b, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		killed := errors.As(err, &ee) && ee.ExitCode() == 9
		if err != nil && !killed {
			t.Fatalf("build: %v\n%s", err, b)
		}
		for _, p := range outputs {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("killed at rename %d: %v", at, err)
			}
		}
		if pages, _ := filepath.Glob(filepath.Join(out, "site", "agencies", "*.html")); len(pages) == 0 {
			t.Errorf("killed at rename %d: the site has no agency pages", at)
		}
		if !killed {
			if at < 5 {
				t.Errorf("a build made %d renames into the output, want at least 5", at-1)
			}
			t.Logf("killed at each of %d renames", at-1)
			break
		}
	}
	// A leftover of every kind a killed build or commit leaves; the next
	// run removes them, whatever their age.
	leftovers := []string{
		filepath.Join(out, ".site-tmp-1"), filepath.Join(out, ".workbooks-tmp-2"), filepath.Join(out, ".site-link-3"),
		filepath.Join(out, "."+exports.ComparisonFile+".tmp-4"), filepath.Join(dir, ".x.duckdb.metrics-tmp-5.csv"),
		filepath.Join(dir, load.SnapshotTempPrefix(db)+"6"), filepath.Join(dir, ".xxgk-metrics-7.csv"),
	}
	for _, p := range leftovers {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := run(t, "ingest", "--db", db, sampleDir); code != exitOK {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := run(t, "build", "--db", db, "--out", out); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, p := range leftovers {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s is still there after the next run", filepath.Base(p))
		}
	}
	versions := map[string]int{}
	for _, n := range mustReadDir(t, out) {
		if tag, _, ok := strings.Cut(n, "-v-"); ok {
			versions[tag]++
		} else if strings.HasPrefix(n, ".") {
			t.Errorf("left behind: %s", n)
		}
	}
	for tag, n := range versions {
		if n > 2 {
			t.Errorf("%d versions of %s kept, want at most 2", n, tag)
		}
	}
}
