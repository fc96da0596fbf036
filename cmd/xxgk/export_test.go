package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/exports/dataset"
)

func TestExportCommand(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.Path()
	if err := st.Close(); err != nil { // export opens the file itself
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "data")
	mine := filepath.Join(out, "notes.txt") // a file of the user's, never touched
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		files    []string
		stderrIn string
	}{
		{"every format", []string{"export", "--db", db, "--out", out, "--format", "csv,parquet,xlsx", "--license", "CC-BY-4.0"}, exitOK,
			[]string{dataset.DatasetCSV, dataset.ReportsCSV, dataset.ChecksCSV, dataset.DictionaryCSV, dataset.PackageFile,
				dataset.DatasetParquet, dataset.ReportsParquet, dataset.ChecksParquet, dataset.Workbook}, ""},
		{"filtered, flags in any order", []string{"export", "--years", "2020-2021", "--out", out, "--agency", chartstest.PlainAgency, "--db", db}, exitOK,
			[]string{dataset.DatasetCSV}, ""},
		{"unknown format", []string{"export", "--db", db, "--out", out, "--format", "csv,xml"}, exitFatal, nil, `--format "xml"`},
		{"years backwards", []string{"export", "--db", db, "--years", "2021-2019"}, exitFatal, nil, "--years"},
		{"years not years", []string{"export", "--db", db, "--years", "recent"}, exitFatal, nil, "--years"},
		{"stray argument", []string{"export", "--db", db, "extra"}, exitFatal, nil, `unexpected argument "extra"`},
		{"no database", []string{"export", "--db", filepath.Join(out, "none.duckdb"), "--out", out}, exitFatal, nil, "there is no database at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Fatalf("xxgk %v = exit %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, stdout, stderr)
			}
			for _, f := range tt.files {
				p := filepath.Join(out, f)
				if !strings.Contains(stdout, p) {
					t.Errorf("stdout lacks %s:\n%s", p, stdout)
				}
				if _, err := os.Stat(p); err != nil {
					t.Errorf("output %s: %v", p, err)
				}
			}
			if tt.stderrIn != "" && !strings.Contains(stderr, tt.stderrIn) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrIn, stderr)
			}
		})
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "mine" {
		t.Errorf("export touched a file of the output folder that is not its own: %q, %v", b, err)
	}
	// The filtered export holds one agency's 2020 and 2021 only.
	b, err := os.ReadFile(filepath.Join(out, dataset.DatasetCSV))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(dataset.BOM)))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("dataset.csv: %v, %d rows", err, len(rows))
	}
	agency, year := slices.Index(rows[0], dataset.Header("agency")), slices.Index(rows[0], dataset.Header("year"))
	for _, r := range rows[1:] {
		if r[agency] != chartstest.PlainAgency || (r[year] != "2020" && r[year] != "2021") {
			t.Errorf("filtered export has a row of %s %s", r[agency], r[year])
		}
	}
	var pkg struct {
		XXGK struct {
			Filter struct {
				Agencies []string `json:"agencies"`
				Years    []int    `json:"years"`
			} `json:"filter"`
		} `json:"xxgk"`
	}
	b, _ = os.ReadFile(filepath.Join(out, dataset.PackageFile))
	if err := json.Unmarshal(b, &pkg); err != nil || !slices.Equal(pkg.XXGK.Filter.Years, []int{2020, 2021}) {
		t.Errorf("datapackage.json filter = %+v (%v), want the years 2020 and 2021", pkg.XXGK.Filter, err)
	}
}

// TestBuildWritesRelease: the build's out/data/ is the export, with a
// package that names the licence of the config.
func TestBuildWritesRelease(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.Path()
	st.Close()
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := run(t, "build", "--db", db, "--out", out, "--license", "CC0-1.0"); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	for _, f := range []string{dataset.DatasetCSV, dataset.DictionaryCSV, dataset.PackageFile, dataset.ReportsParquet} {
		if _, err := os.Stat(filepath.Join(out, dataDir, f)); err != nil {
			t.Errorf("build did not write %s: %v", f, err)
		}
	}
	b, err := os.ReadFile(filepath.Join(out, dataDir, dataset.PackageFile))
	if err != nil || !strings.Contains(string(b), `"name": "CC0-1.0"`) {
		t.Errorf("datapackage.json lacks the licence CC0-1.0: %v", err)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary output left behind: %s", e.Name())
		}
	}
}

// TestConfigLicense: [dataset] license and license_url of xxgk.toml reach
// the release; a misspelt key is refused like any other.
func TestConfigLicense(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.toml")
	body := "inputs = [\"r\"]\n[dataset]\nlicense = \"CC-BY-4.0\"\nlicense_url = \"https://creativecommons.org/licenses/by/4.0/\"\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := loadConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	if l := c.license(); l.Name != "CC-BY-4.0" || !strings.HasPrefix(l.Path, "https://creativecommons.org/") {
		t.Errorf("license = %+v", l)
	}
	if err := os.WriteFile(p, []byte("inputs = [\"r\"]\n[dataset]\nlicence = \"CC0-1.0\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadConfig(p); err == nil {
		t.Error("[dataset] licence (misspelt) was accepted")
	}
	// The project's own config loads with its [dataset] table.
	if _, err := loadConfig("../../xxgk.toml"); err != nil {
		t.Errorf("xxgk.toml: %v", err)
	}
}
