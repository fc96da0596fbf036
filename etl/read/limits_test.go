package read

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// streamXLSX writes a workbook of n rows through excelize's StreamWriter,
// the way a large export is made: a title row, then rows of four cells.
// merge, when set, is merged and given a value.
func streamXLSX(t testing.TB, n int, merge string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if merge != "" {
		from, to, _ := strings.Cut(merge, ":")
		if err := sw.MergeCell(from, to); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.SetRow("A1", []any{"某局2023年政府信息公开工作年度报告"}); err != nil {
		t.Fatal(err)
	}
	row := make([]any, 4)
	for i := 2; i <= n; i++ {
		row[0], row[1], row[2], row[3] = i, "项目"+strconv.Itoa(i%97), i%977, i%13
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxBodyOf wraps WordprocessingML body content into a docx.
func docxBodyOf(t *testing.T, body string) []byte {
	t.Helper()
	return zipFile(t, "[Content_Types].xml", `<Types/>`, "word/document.xml",
		`<?xml version="1.0" encoding="UTF-8"?><w:document `+wordNS+`><w:body>`+body+`</w:body></w:document>`)
}

// Every cap stops the reader that would pass it, with an error naming the
// flag that raises it; below the caps the same files read.
func TestLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	para := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	wideRow := `<w:tbl><w:tr>` + strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="256"/><w:vMerge/></w:tcPr>`+para("跨列")+`</w:tc>`, 2) + `</w:tr>` +
		strings.Repeat(`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="256"/><w:vMerge/></w:tcPr>`+para("")+`</w:tc></w:tr>`, 400) + `</w:tbl>`
	spanTable := `<table>` + strings.Repeat(`<tr><td colspan="64" rowspan="1000">`+strings.Repeat("字", 100)+`</td><td>1</td></tr>`, 60) + `</table>`
	tests := []struct {
		name, file string
		data       []byte
		lim        Limits
		want       string // "" reads
	}{
		{"xlsx under the row cap", "ok.xlsx", streamXLSX(t, 200, ""), Limits{MaxRows: 200}, ""},
		{"xlsx rows", "rows.xlsx", streamXLSX(t, 200, ""), Limits{MaxRows: 199}, "--max-rows"},
		{"xlsx cells", "cells.xlsx", streamXLSX(t, 200, ""), Limits{MaxCells: 500}, "--max-cells"},
		{"xlsx text", "text.xlsx", streamXLSX(t, 2000, ""), Limits{MaxText: 20 << 10}, "--max-text"},
		{"xlsx merge over the cells", "merge.xlsx", streamXLSX(t, 10, "A1:Z30000"), Limits{MaxText: -1}, "--max-cells"},
		{"docx elements", "nodes.docx", docxBodyOf(t, strings.Repeat(para("一段"), 400)), Limits{MaxNodes: 1000}, "--max-nodes"},
		{"docx text", "text.docx", docxBodyOf(t, strings.Repeat(para(strings.Repeat("字", 100)), 200)), Limits{MaxText: 20 << 10}, "--max-text"},
		{"docx spans over the cells", "span.docx", docxBodyOf(t, wideRow), Limits{MaxCells: 50_000}, "--max-cells"},
		{"html tags", "tags.html", []byte(`<html><body>` + strings.Repeat(`<p>一段</p>`, 600) + `</body></html>`), Limits{MaxNodes: 1000}, "--max-nodes"},
		{"html text", "text.html", []byte(`<html><body>` + strings.Repeat(`<p>`+strings.Repeat("字", 100)+`</p>`, 200) + `</body></html>`), Limits{MaxText: 20 << 10}, "--max-text"},
		{"html spans over the text", "span.html", []byte(`<html><body>` + spanTable + `</body></html>`), Limits{}, "--max-"},
		{"html spans under the caps", "span-ok.html", []byte(`<html><body>` + spanTable + `</body></html>`), Limits{MaxText: -1, MaxCells: -1}, ""},
		{"plain text", "text.txt", []byte("政府信息公开\n" + strings.Repeat("字", 10000)), Limits{MaxText: 20 << 10}, "--max-text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := File(context.Background(), writeFile(t, dir, tt.file, tt.data), tt.lim)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("File = %v, want it read", err)
				}
				if max := tt.lim.withDefaults().MaxText; max > 0 && int64(len(doc.Text)) > max {
					t.Errorf("text of %d bytes passed the %d limit", len(doc.Text), max)
				}
				return
			}
			var le *LimitError
			if !errors.As(err, &le) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("File = %v, want a limit error naming %s", err, tt.want)
			}
		})
	}
}

// A reader whose time is up ends, closes its files and removes the
// temporaries it unpacked, before it returns.
func TestTimedOutReaderRemovesTemporaries(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// Far over the size excelize keeps in memory: the sheet is unpacked to
	// a temporary file and streamed from there.
	raw := streamXLSX(t, 150_000, "")
	path := writeFile(t, t.TempDir(), "slow.xlsx", raw)
	sawTemp := make(chan bool, 1)
	stop := make(chan struct{})
	go func() {
		seen := false
		for {
			select {
			case <-stop:
				sawTemp <- seen
				return
			case <-time.After(5 * time.Millisecond):
			}
			ents, _ := os.ReadDir(tmp)
			for _, e := range ents {
				if sub, _ := os.ReadDir(filepath.Join(tmp, e.Name())); len(sub) > 0 {
					seen = true
				}
			}
		}
	}()
	lim := Limits{MaxRows: -1, MaxCells: -1, MaxText: -1, Timeout: time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	start := time.Now()
	_, err := File(ctx, path, lim)
	took := time.Since(start)
	close(stop)
	if err == nil || !strings.Contains(err.Error(), "took longer than 1s (--timeout)") {
		t.Fatalf("File = %v, want the time limit", err)
	}
	if took > 3*time.Second {
		t.Errorf("the reader returned %v after its time was up", took-lim.Timeout)
	}
	if !<-sawTemp {
		t.Error("no temporary file was seen while reading: the test does not test the cleanup")
	}
	if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
		t.Errorf("temporaries left behind: %v", ents)
	}
}

// A converter past its time is killed with its process group: the helpers
// it started do not outlive it.
func TestToolKilledWithItsGroup(t *testing.T) {
	bin := t.TempDir()
	pidFile := filepath.Join(bin, "child.pid")
	script := "#!/bin/sh\nsleep 300 &\necho $! > " + pidFile + "\nwait\n"
	if err := os.WriteFile(filepath.Join(bin, "pdftotext"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	pdf := writeFile(t, t.TempDir(), "r.pdf", []byte("%PDF-1.4\n"+strings.Repeat("x", 100)))
	start := time.Now()
	_, err := File(context.Background(), pdf, Limits{Timeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("File = %v, want a timeout", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("File took %v with a 300ms limit", took)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the fake converter did not start its helper: %v", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	deadline := time.Now().Add(2 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the converter's helper (pid %d) outlived it", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// alive reports a process that exists and is not a zombie.
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil
	}
	_, rest, _ := bytes.Cut(b, []byte(") "))
	return len(rest) > 0 && rest[0] != 'Z'
}

// A FIFO is refused at once, never opened for a read that would wait for
// a writer for ever.
func TestFileRefusesFIFO(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := File(context.Background(), p, DefaultLimits())
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
			t.Errorf("File(fifo) = %v, want it refused as a named pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("File(fifo) blocks")
	}
	if _, err := Hash(context.Background(), p); err == nil {
		t.Error("Hash(fifo) succeeded")
	}
}

// A folder that vanishes or cannot be listed during the walk is one error;
// the rest is listed.
func TestWalkUnlistableFolders(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/1.txt", "gone/2.txt", "locked/3.txt", "z/4.txt"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		writeFile(t, filepath.Dir(full), filepath.Base(full), []byte("x"))
	}
	locked := filepath.Join(dir, "locked")
	walkDirHook = func(d string) {
		switch filepath.Base(d) {
		case "gone":
			os.RemoveAll(d)
		case "locked":
			os.Chmod(d, 0)
		}
	}
	defer func() { walkDirHook = nil; os.Chmod(locked, 0o755) }()
	files, failed := Walk([]string{dir})
	want := []string{filepath.Join(dir, "a/1.txt"), filepath.Join(dir, "z/4.txt")}
	if os.Geteuid() == 0 {
		// root reads a folder without permissions; etl/ingest tests it
		// with the capability dropped.
		want = []string{want[0], filepath.Join(dir, "locked/3.txt"), want[1]}
	}
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("files = %q, want %q", files, want)
	}
	wantFailed := []string{filepath.Join(dir, "gone")}
	if os.Geteuid() != 0 {
		wantFailed = append(wantFailed, locked)
	}
	var got []string
	for _, fe := range failed {
		got = append(got, fe.Path)
		if !strings.Contains(fe.Error(), "cannot list folder") {
			t.Errorf("error %q does not say the folder could not be listed", fe)
		}
	}
	if strings.Join(got, " ") != strings.Join(wantFailed, " ") {
		t.Errorf("failed = %q, want %q", got, wantFailed)
	}
}

func TestOpenRegular(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := writeFile(t, dir, "r.txt", []byte("政府信息公开"))
	if fh, fi, err := OpenRegular(f); err != nil || fi.Size() != int64(len("政府信息公开")) {
		t.Errorf("OpenRegular(file) = %v, %v", fi, err)
	} else {
		fh.Close()
	}
	if _, _, err := OpenRegular(dir); err == nil || !strings.Contains(err.Error(), "a folder") {
		t.Errorf("OpenRegular(folder) = %v, want refused as a folder", err)
	}
	h, err := Hash(context.Background(), f)
	if err != nil || len(h) != 64 {
		t.Errorf("Hash = %q, %v", h, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Hash(ctx, f); !errors.Is(err, context.Canceled) {
		t.Errorf("Hash(cancelled) = %v, want context.Canceled", err)
	}
}
