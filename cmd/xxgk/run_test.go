package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunTwice runs the scheduled job twice on a config of its own: the
// first ingests and builds, the second parses nothing, says so, leaves the
// outputs as they are and prints their paths.
func TestRunTwice(t *testing.T) {
	dir := t.TempDir()
	genCorpus(t, filepath.Join(dir, "in"), 6)
	cfg := filepath.Join(dir, "job.toml")
	os.WriteFile(cfg, []byte("inputs = [\"in\"]\ndatabase = \"out/x.duckdb\"\noutput = \"out\"\n"), 0o644)

	code, out, stderr := run(t, "run", "--config", cfg)
	if code != exitOK {
		t.Fatalf("first run: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "新增 6，") || !strings.Contains(out, "已写入：") {
		t.Errorf("first run output = %q", out)
	}
	code, out2, stderr := run(t, "run", "--config", cfg)
	if code != exitOK {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(out2, "没有变化：6 个文件未改动，解析 0 个") || !strings.Contains(out2, "输出已是最新") {
		t.Errorf("second run output = %q", out2)
	}
	// Both runs end with the same paths, each of which exists.
	paths := func(s string) []string {
		var ps []string
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "  ") {
				ps = append(ps, strings.TrimSpace(l))
			}
		}
		return ps
	}
	p1, p2 := paths(out), paths(out2)
	if len(p1) == 0 || strings.Join(p1, ",") != strings.Join(p2, ",") {
		t.Errorf("paths: first %v, second %v", p1, p2)
	}
	for _, p := range p1 {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("printed path %s: %v", p, err)
		}
	}
	// An output deleted by hand is rebuilt even though no data changed.
	os.RemoveAll(p1[0])
	if code, out, _ := run(t, "run", "--config", cfg); code != exitOK || !strings.Contains(out, "已写入：") {
		t.Errorf("run after deleting %s: exit %d, %q; want a rebuild", p1[0], code, out)
	}
}

func TestRunUsage(t *testing.T) {
	if code, _, _ := run(t, "run", "--config", filepath.Join(t.TempDir(), "none.toml")); code != exitFatal {
		t.Errorf("run with a missing config: exit %d, want %d", code, exitFatal)
	}
	if code, _, _ := run(t, "run", "extra"); code != exitFatal {
		t.Errorf("run with an argument: exit %d, want %d", code, exitFatal)
	}
}
