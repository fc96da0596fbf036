package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
)

// sampleDir is the bundled sample corpus that `make run` ingests.
const sampleDir = "../../examples/reports"

// run calls the command in-process and returns its exit code and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = mainCode(args, &o, &e)
	return code, o.String(), e.String()
}

// isUsage reports whether err is a usage error (exit 2, the wrong argument named).
func isUsage(err error) bool {
	var ue *usageError
	return errors.As(err, &ue)
}

// figure returns a stored figure of the preferred report of agency × year,
// read through the named query `sources`.
func figure(t *testing.T, dbPath, agency string, year int, key string) (float64, bool) {
	t.Helper()
	ctx := context.Background()
	st, err := load.OpenReadOnly(ctx, dbPath)
	if err != nil {
		t.Fatalf("load.OpenReadOnly(%q): %v", dbPath, err)
	}
	defer st.Close()
	res, err := queries.Run(ctx, st.DB(), "sources", queries.Filter{Agencies: []string{agency}, Years: []int{year}})
	if err != nil {
		t.Fatalf("query sources: %v", err)
	}
	col := map[string]int{}
	for i, c := range res.Columns {
		col[c] = i
	}
	for _, row := range res.Rows {
		if row[col["key"]] == key && row[col["value"]] != nil {
			switch v := row[col["value"]].(type) {
			case float64:
				return v, true
			case int64:
				return float64(v), true
			}
		}
	}
	return 0, false
}

func countReports(t *testing.T, dbPath string) int {
	t.Helper()
	ctx := context.Background()
	st, err := load.OpenReadOnly(ctx, dbPath)
	if err != nil {
		t.Fatalf("load.OpenReadOnly(%q): %v", dbPath, err)
	}
	defer st.Close()
	res, err := queries.Run(ctx, st.DB(), "coverage", queries.Filter{})
	if err != nil {
		t.Fatalf("query coverage: %v", err)
	}
	n := 0
	for _, row := range res.Rows {
		for i, c := range res.Columns {
			if c == "n_reports" {
				switch v := row[i].(type) {
				case int64:
					n += int(v)
				case int32:
					n += int(v)
				case float64:
					n += int(v)
				}
			}
		}
	}
	return n
}

func TestIngestSampleCorpusFigures(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	if code, _, stderr := run(t, "ingest", "--db", db, sampleDir); code != exitOK {
		t.Fatalf("ingest exit %d, stderr:\n%s", code, stderr)
	}
	for _, c := range []struct {
		agency string
		year   int
		key    string
		want   float64
	}{
		{"河南省司法厅", 2017, "apps_new.total", 13},
		{"青岛市司法局", 2017, "proactive.total", 1901},
		{"遵义市司法局", 2020, "art20.licensing.decisions", 521},
	} {
		got, ok := figure(t, db, c.agency, c.year, c.key)
		if !ok || got != c.want {
			t.Errorf("%s %d %s = %v (found %v), want %v", c.agency, c.year, c.key, got, ok, c.want)
		}
	}
}

func TestIngestTwiceStoresOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.duckdb")
	for i := 0; i < 2; i++ {
		if code, _, stderr := run(t, "ingest", "--db", db, sampleDir); code != exitOK {
			t.Fatalf("ingest #%d exit %d, stderr:\n%s", i+1, code, stderr)
		}
	}
	entries, _ := filepath.Glob(filepath.Join(sampleDir, "*.txt"))
	if got := countReports(t, db); got != len(entries) {
		t.Errorf("reports stored after two ingests = %d, want %d", got, len(entries))
	}
}

func TestBadInputsNamedAndRestStored(t *testing.T) {
	dir := t.TempDir()
	good := []string{"004_f81732fc77319bff.txt", "120_qianan_dawuli_2020.txt"}
	for _, g := range good {
		b, err := os.ReadFile(filepath.Join(sampleDir, g))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, g), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := map[string][]byte{
		"empty.txt":     {},
		"binary.txt":    {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 0, 0, 0, 0},
		"notreport.txt": []byte("今日天气晴，最高气温二十五度。\n本站提供新闻资讯与生活服务信息。\n联系电话：0571-12345678\n"),
	}
	for name, b := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "x.duckdb")
	code, _, stderr := run(t, "ingest", "--db", db, dir)
	if code != exitPartial {
		t.Errorf("ingest exit %d, want %d (some inputs failed); stderr:\n%s", code, exitPartial, stderr)
	}
	for name := range bad {
		n := 0
		for _, line := range strings.Split(stderr, "\n") {
			if strings.Contains(line, name) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("stderr lines naming %s = %d, want 1; stderr:\n%s", name, n, stderr)
		}
	}
	if got := countReports(t, db); got != len(good) {
		t.Errorf("reports stored = %d, want %d", got, len(good))
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nosuchcommand"}, {"extract"}, {"extract", "--nosuchflag", "x"}} {
		if code, _, _ := run(t, args...); code != exitFatal {
			t.Errorf("xxgk %v exit %d, want %d", args, code, exitFatal)
		}
	}
	for _, args := range [][]string{{"--help"}, {"extract", "--help"}} {
		if code, _, _ := run(t, args...); code != exitOK {
			t.Errorf("xxgk %v exit %d, want %d", args, code, exitOK)
		}
	}
}
