package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/charts/chartstest"
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
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary output left behind: %s", e.Name())
		}
	}
}
