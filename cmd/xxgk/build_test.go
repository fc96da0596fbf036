package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/internal/lockfile"
)

func TestBuildCommand(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.Path()
	if err := st.Close(); err != nil { // build opens the file itself
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderrIn string
	}{
		{"builds", []string{"build", "--db", db, "--out", out}, exitOK,
			[]string{filepath.Join(out, "site", "index.html"), filepath.Join(out, "xxgk-comparison.xlsx"), filepath.Join(out, "workbooks"),
				filepath.Join(out, "data")}, ""},
		{"builds again over the old outputs", []string{"build", "--db", db, "--out", out}, exitOK,
			[]string{filepath.Join(out, "site", "index.html")}, ""},
		{"no database", []string{"build", "--db", filepath.Join(out, "none.duckdb"), "--out", out}, exitFatal, nil, "there is no database at"},
		{"stray argument", []string{"build", "extra"}, exitFatal, nil, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := mainCode(tt.args, &stdout, &stderr); code != tt.code {
				t.Fatalf("xxgk %v = exit %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, stdout.String(), stderr.String())
			}
			for _, p := range tt.stdout {
				if !strings.Contains(stdout.String(), p) {
					t.Errorf("stdout lacks %s:\n%s", p, stdout.String())
				}
				if _, err := os.Stat(p); err != nil {
					t.Errorf("output %s: %v", p, err)
				}
			}
			if tt.stderrIn != "" && !strings.Contains(stderr.String(), tt.stderrIn) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrIn, stderr.String())
			}
		})
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	versions := map[string]int{}
	for _, e := range entries {
		n := e.Name()
		// The versions site/, workbooks/ and data/ link to, and the one before.
		if tag, _, ok := strings.Cut(n, "-v-"); ok && (tag == ".site" || tag == "."+exports.AgencyDir || tag == "."+dataDir) {
			versions[tag]++
			continue
		}
		if strings.HasPrefix(n, ".") {
			t.Errorf("temporary output left behind: %s", n)
		}
	}
	for tag, n := range versions {
		if n > 2 {
			t.Errorf("%d versions of %s kept, want the current one and the previous one", n, tag)
		}
	}
}

// lockedBuffer is a bytes.Buffer safe to read while a command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestBuildsTakeTurns: two builds into one output folder never run at once,
// so neither removes the other's temporaries. A build waits for the
// folder's build lock (saying so), leaves the temporaries of the build
// holding it alone, and cleans them once it holds the lock itself.
func TestBuildsTakeTurns(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "--db", db, "--out", out); code != exitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	held, ok, err := lockfile.TryLock(filepath.Join(out, buildLockName))
	if err != nil || !ok {
		t.Fatalf("taking the build lock: %v, %v", ok, err)
	}
	theirs := filepath.Join(out, ".site-tmp-another-build")
	if err := os.Mkdir(theirs, 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() { done <- mainCode([]string{"build", "--db", db, "--out", out}, &stdout, &stderr) }()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(stderr.String(), "等它结束") {
		select {
		case code := <-done:
			held.Unlock()
			t.Fatalf("the build did not wait for the lock: exit %d\n%s", code, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			held.Unlock()
			t.Fatalf("the build never said it waits:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("另一次生成（进程 %d）", os.Getpid())) {
		t.Errorf("the waiting message does not name the holder:\n%s", stderr.String())
	}
	time.Sleep(300 * time.Millisecond)
	if _, err := os.Stat(theirs); err != nil {
		t.Errorf("a waiting build removed the temporary of the build holding the lock: %v", err)
	}
	if err := held.Unlock(); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != exitOK {
		t.Fatalf("build after the lock was released: exit %d\n%s", code, stderr.String())
	}
	if _, err := os.Stat(theirs); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the leftover temporary after the build: %v, want it removed", err)
	}
	if _, err := os.Stat(filepath.Join(out, buildLockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build lock file after the build: %v, want it removed", err)
	}
}
