package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/etl/read"
)

// TestUnlistableFoldersAndFIFOs: a folder that cannot be listed, one that
// vanishes in the middle of the walk, a file swapped for a FIFO after the
// walk listed it and one swapped after its stat each give one error row;
// the good reports are stored and the run ends.
func TestUnlistableFoldersAndFIFOs(t *testing.T) {
	if os.Geteuid() == 0 && os.Getenv("XXGK_WITHOUT_DAC") == "" {
		// root lists any folder: run the test again with the capability
		// that lets it taken away.
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root, and no setpriv to drop CAP_DAC_OVERRIDE")
		}
		cmd := exec.Command(setpriv, "--bounding-set=-dac_override,-dac_read_search", "--",
			os.Args[0], "-test.run=^TestUnlistableFoldersAndFIFOs$", "-test.v")
		cmd.Env = append(os.Environ(), "XXGK_WITHOUT_DAC=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("--- PASS: TestUnlistableFoldersAndFIFOs")) {
			t.Fatalf("without CAP_DAC_OVERRIDE: %v\n%s", err, out)
		}
		return
	}
	dir, paths := copyCorpus(t)
	for _, sub := range []string{"locked", "gone"} {
		os.Mkdir(filepath.Join(dir, sub), 0o755)
		b, _ := os.ReadFile(paths[0])
		os.WriteFile(filepath.Join(dir, sub, "r.txt"), append(b, "\n（"+sub+"）\n"...), 0o644)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if _, err := os.ReadDir(locked); err == nil {
		t.Fatal("the locked folder can be listed: the test tests nothing")
	}
	gone := filepath.Join(dir, "gone")
	defer read.SetWalkHook(func(d string) {
		if d == gone {
			os.RemoveAll(d)
		}
	})()
	afterWalk, afterStat := paths[1], paths[2]
	testHook = func(step, path string) {
		swap := (step == "walked" && path == "") || (step == "stat" && path == afterStat)
		if !swap {
			return
		}
		target := afterWalk
		if step == "stat" {
			target = afterStat
		}
		os.Remove(target)
		if err := syscall.Mkfifo(target, 0o644); err != nil {
			t.Errorf("mkfifo: %v", err)
		}
	}
	defer func() { testHook = nil }()

	s := openStore(t)
	done := make(chan *Summary, 1)
	go func() {
		sum, _ := ingest(t, s, []string{dir}, read.Limits{Timeout: 10 * time.Second})
		done <- sum
	}()
	var sum *Summary
	select {
	case sum = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the ingest hangs")
	}
	want := map[string]string{locked: "cannot list folder", gone: "cannot list folder",
		afterWalk: "not a regular file", afterStat: "not a regular file (a named pipe)"}
	rows, err := s.DB().Query(`SELECT path, message FROM ingest_errors`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]string{}
	for rows.Next() {
		var p, m string
		rows.Scan(&p, &m)
		if _, dup := got[p]; dup {
			t.Errorf("two error rows for %s", p)
		}
		got[p] = m
	}
	for p, msg := range want {
		if !strings.Contains(got[p], msg) {
			t.Errorf("error row of %s = %q, want %q", p, got[p], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("error rows = %v, want one per bad path", got)
	}
	if sum.Run.New != len(paths)-2 || sum.Run.Failed != 4 {
		t.Errorf("run = %+v, want %d new and 4 failed", sum.Run, len(paths)-2)
	}
	// A folder that could not be listed is not emptied: once it can be,
	// its files are read and the folder itself is not "removed"; the one
	// that vanished is gone from the inputs.
	os.Chmod(locked, 0o755)
	second, _ := ingest(t, s, []string{dir}, read.Limits{Timeout: 10 * time.Second})
	if second.Run.Removed != 1 || second.Run.New != 1 {
		t.Errorf("second run = %+v, want the locked folder's file new and the vanished folder removed", second.Run)
	}
	if n := count(t, s, `SELECT count(*) FROM changes WHERE change = 'removed' AND path = ?`, locked); n != 0 {
		t.Errorf("the folder listed again is logged as removed")
	}
	if n := count(t, s, `SELECT count(*) FROM ingest_errors WHERE NOT resolved AND path IN (?, ?)`, locked, gone); n != 0 {
		t.Errorf("%d folder errors still open after the folders were fixed", n)
	}
}

// TestTimeoutLeavesNoTemporaries: a spreadsheet that takes longer than the
// file's time limit fails alone, and its reader has removed what it
// unpacked by the time the file is reported.
func TestTimeoutLeavesNoTemporaries(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir, paths := copyCorpus(t)
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"某局2023年政府信息公开工作年度报告"})
	for i := 2; i <= 150_000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		sw.SetRow(cell, []any{i, "项目", i % 977, i % 13})
	}
	sw.Flush()
	slow := filepath.Join(dir, "slow.xlsx")
	if err := f.SaveAs(slow); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s := openStore(t)
	lim := read.Limits{MaxRows: -1, MaxCells: -1, MaxText: -1, Timeout: time.Second}
	sum, warns := ingest(t, s, []string{dir}, lim)
	if sum.Run.Failed != 1 || len(warns) != 1 || warns[0].Path != slow || !strings.Contains(warns[0].Reason, "--timeout") {
		t.Fatalf("run = %+v, warnings %+v; want the slow file alone failed on the time limit", sum.Run, warns)
	}
	if sum.Run.New != len(paths) {
		t.Errorf("new = %d, want %d", sum.Run.New, len(paths))
	}
	if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("temporaries left in TMPDIR: %v", names)
	}
}

// TestOpenErrorsCounted: an error stays open, and counted, while its file
// is unchanged; fixing the file settles it.
func TestOpenErrorsCounted(t *testing.T) {
	dir, _ := copyCorpus(t)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("会议通知：明天上午九点开会。\n"), 0o644)
	s := openStore(t)
	ctx := context.Background()
	for i, want := range []int{1, 1} {
		sum, err := Run(ctx, s, []string{dir}, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if sum.OpenErrors != want {
			t.Errorf("run %d: open errors = %d, want %d", i+1, sum.OpenErrors, want)
		}
	}
	// Another input's errors are not this run's.
	other := t.TempDir()
	b, _ := os.ReadFile(filepath.Join(corpus, "001_9dab78d21afd140d.txt"))
	os.WriteFile(filepath.Join(other, "ok.txt"), b, 0o644)
	if sum, err := Run(ctx, s, []string{other}, Options{Workers: 2}); err != nil || sum.OpenErrors != 0 {
		t.Errorf("ingest of another folder: open errors = %v, %v; want 0", sum, err)
	}
	os.Remove(bad)
	sum, err := Run(ctx, s, []string{dir}, Options{Workers: 2})
	if err != nil || sum.OpenErrors != 0 {
		t.Errorf("after removing the bad file: open errors = %v, %v; want 0", sum, err)
	}
}
