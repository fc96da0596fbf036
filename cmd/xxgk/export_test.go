package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/charts/chartstest"
	"github.com/xxgk/xxgk/exports"
	"github.com/xxgk/xxgk/exports/dataset"
)

// TestExportCommand: one command, two kinds of output. --format xlsx (the
// default) writes workbooks, --out being the file of one agency's and a
// folder otherwise; csv and parquet write the dataset into a folder;
// contradictory flags and unknown formats are refused before anything is
// read or written.
func TestExportCommand(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.Path()
	if err := st.Close(); err != nil { // export opens the file itself
		t.Fatal(err)
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	mine := filepath.Join(data, "notes.txt") // a file of the user's, never touched
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	agencyFile, books, several := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "books"), filepath.Join(dir, "several")
	peer := chartstest.Peers[1]
	tests := []struct {
		name     string
		args     []string
		code     int
		wrote    []string          // paths stdout lists and that exist
		sheets   map[string]string // a workbook written → a sheet it has
		stderrIn string
	}{
		{"an agency's workbook", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--out", agencyFile}, exitOK,
			[]string{agencyFile}, map[string]string{agencyFile: "同类机关"}, ""},
		{"the comparison workbook into a folder", []string{"export", "--db", db, "--out", books, "--format", "xlsx"}, exitOK,
			[]string{filepath.Join(books, exports.ComparisonFile)}, map[string]string{filepath.Join(books, exports.ComparisonFile): "机关索引"}, ""},
		{"several agencies' workbooks into a folder", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--agency", peer, "--out", several}, exitOK,
			[]string{filepath.Join(several, exports.FileName(chartstest.PlainAgency)+".xlsx"), filepath.Join(several, exports.FileName(peer)+".xlsx")},
			map[string]string{filepath.Join(several, exports.FileName(peer)+".xlsx"): "同类机关"}, ""},
		{"every dataset format", []string{"export", "--db", db, "--out", data, "--format", "csv,parquet", "--license", "CC-BY-4.0"}, exitOK,
			prefixed(data, dataset.DatasetCSV, dataset.ReportsCSV, dataset.ChecksCSV, dataset.DictionaryCSV, dataset.PackageFile,
				dataset.DatasetParquet, dataset.ReportsParquet, dataset.ChecksParquet), nil, ""},
		{"the dataset filtered, flags in any order", []string{"export", "--years", "2020-2021", "--out", data, "--agency", chartstest.PlainAgency, "--db", db, "--format", "csv"}, exitOK,
			prefixed(data, dataset.DatasetCSV), nil, ""},

		{"an unknown agency's workbook", []string{"export", "--db", db, "--agency", "没有这个机关", "--out", filepath.Join(dir, "x.xlsx")}, exitFatal, nil, nil, `there is no agency "没有这个机关"`},
		{"an unknown agency in the dataset", []string{"export", "--db", db, "--format", "csv", "--agency", "没有这个机关", "--out", filepath.Join(dir, "x")}, exitFatal, nil, nil, `there is no agency "没有这个机关"`},
		{"an unknown format", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--format", "ods"}, exitFatal, nil, nil, `--format "ods"`},
		{"an unknown format among known ones", []string{"export", "--db", db, "--out", data, "--format", "csv,xml"}, exitFatal, nil, nil, `--format "xml"`},
		{"no format", []string{"export", "--db", db, "--format", " , "}, exitFatal, nil, nil, "--format"},
		{"workbooks and dataset at once", []string{"export", "--db", db, "--format", "xlsx,csv", "--out", data}, exitFatal, nil, nil, "run export once for each"},
		{"one agency, --out a folder", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--out", data}, exitFatal, nil, nil, "is a folder"},
		{"one agency, --out not a workbook", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--out", filepath.Join(dir, "a.csv")}, exitFatal, nil, nil, "ends in .xlsx"},
		{"the comparison, --out a file name", []string{"export", "--db", db, "--out", filepath.Join(dir, "c.xlsx")}, exitFatal, nil, nil, "into the folder --out as " + exports.ComparisonFile},
		{"several agencies, --out a file name", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--agency", peer, "--out", filepath.Join(dir, "c.xlsx")}, exitFatal, nil, nil, "one workbook each"},
		{"the dataset, --out a file name", []string{"export", "--db", db, "--format", "parquet", "--out", filepath.Join(dir, "d.parquet")}, exitFatal, nil, nil, "names a file"},
		{"the dataset, --out an existing file", []string{"export", "--db", db, "--format", "csv", "--out", mine}, exitFatal, nil, nil, "is a file"},
		{"--years with workbooks", []string{"export", "--db", db, "--years", "2020-2021"}, exitFatal, nil, nil, "--years 2020-2021: the workbooks hold every year"},
		{"--license with workbooks", []string{"export", "--db", db, "--license", "CC0-1.0", "--agency", chartstest.PlainAgency}, exitFatal, nil, nil, `--license "CC0-1.0"`},
		{"an empty agency", []string{"export", "--db", db, "--agency", ""}, exitFatal, nil, nil, "--agency"},
		{"years backwards", []string{"export", "--db", db, "--format", "csv", "--years", "2021-2019"}, exitFatal, nil, nil, "--years"},
		{"years not years", []string{"export", "--db", db, "--format", "csv", "--years", "recent"}, exitFatal, nil, nil, "--years"},
		{"no database", []string{"export", "--db", filepath.Join(dir, "none.duckdb"), "--out", books}, exitFatal, nil, nil, "there is no database"},
		{"stray argument", []string{"export", "extra"}, exitFatal, nil, nil, `unexpected argument "extra"`},
		{"flags after a stray argument", []string{"export", "--db", db, "extra", "--agency", chartstest.PlainAgency}, exitFatal, nil, nil, `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Fatalf("xxgk %v = exit %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, stdout, stderr)
			}
			if tt.stderrIn != "" && !strings.Contains(stderr, tt.stderrIn) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrIn, stderr)
			}
			for _, p := range tt.wrote {
				if !strings.Contains(stdout, p) {
					t.Errorf("stdout lacks %s:\n%s", p, stdout)
				}
				if _, err := os.Stat(p); err != nil {
					t.Errorf("output %s: %v", p, err)
				}
			}
			for p, sheet := range tt.sheets {
				f, err := excelize.OpenFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
					t.Errorf("%s lacks sheet %s: %v", p, sheet, f.GetSheetList())
				}
				f.Close()
			}
		})
	}
	for _, p := range []string{filepath.Join(dir, "x.xlsx"), filepath.Join(dir, "x"), filepath.Join(dir, "c.xlsx"), filepath.Join(dir, "a.csv"), filepath.Join(dir, "d.parquet")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("a refused export wrote %s", p)
		}
	}
	if b, err := os.ReadFile(mine); err != nil || string(b) != "mine" {
		t.Errorf("export touched a file of the output folder that is not its own: %q, %v", b, err)
	}
	// The filtered export holds one agency's 2020 and 2021 only.
	b, err := os.ReadFile(filepath.Join(data, dataset.DatasetCSV))
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
	b, _ = os.ReadFile(filepath.Join(data, dataset.PackageFile))
	if err := json.Unmarshal(b, &pkg); err != nil || !slices.Equal(pkg.XXGK.Filter.Years, []int{2020, 2021}) {
		t.Errorf("datapackage.json filter = %+v (%v), want the years 2020 and 2021", pkg.XXGK.Filter, err)
	}
}

// prefixed joins each name to dir.
func prefixed(dir string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(dir, n)
	}
	return out
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
	// The site links the release and the workbooks beside it: from the
	// method and downloads pages, every link out of the site folder
	// reaches a file or folder the build wrote.
	outside := regexp.MustCompile(`href="(\.\./[^"#]+)"`)
	for page, want := range map[string][]string{
		"method.html":    {"../data/datapackage.json"},
		"downloads.html": {"../data/dataset.csv", "../data/dictionary.csv", "../data/datapackage.json", "../data/dataset/", "../" + exports.ComparisonFile},
	} {
		b, err := os.ReadFile(filepath.Join(out, "site", page))
		if err != nil {
			t.Fatal(err)
		}
		var links []string
		for _, m := range outside.FindAllStringSubmatch(string(b), -1) {
			links = append(links, m[1])
			if _, err := os.Stat(filepath.Join(out, "site", filepath.FromSlash(m[1]))); err != nil {
				t.Errorf("%s links %s, which the build did not write: %v", page, m[1], err)
			}
		}
		for _, w := range want {
			if !slices.Contains(links, w) {
				t.Errorf("%s does not link %s (links out of the site: %v)", page, w, links)
			}
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		// The versions site/, workbooks/ and data/ link to are not
		// temporaries, nor is the build lock.
		if strings.HasPrefix(e.Name(), ".") && !strings.Contains(e.Name(), "-v-") && e.Name() != buildLockName {
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
