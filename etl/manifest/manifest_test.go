package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/report"
)

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "m.csv")
	write(t, csvPath, "\ufeffpath,url,title,agency,year,published\n"+
		"a/x.html,http://example.gov.cn/t20210115_1.html,某标题,遵义市司法局,2020,2021-01-15\n"+
		"y.txt,,,,,\n")
	jsonPath := filepath.Join(dir, "m.jsonl")
	write(t, jsonPath, `{"path":"a/x.html","agency":"遵义市司法局","year":2020}`+"\n\n"+`{"path":"z.txt","year":"2019年"}`+"\n")
	tests := []struct {
		manifest, path string
		want           report.Supplied
		found          bool
	}{
		{csvPath, filepath.Join(dir, "a/x.html"), report.Supplied{URL: "http://example.gov.cn/t20210115_1.html", Title: "某标题",
			Agency: "遵义市司法局", Year: 2020, Published: "2021-01-15", Origin: csvPath}, true},
		{csvPath, filepath.Join(dir, "elsewhere/y.txt"), report.Supplied{Origin: csvPath}, true}, // a bare name matches anywhere
		{csvPath, filepath.Join(dir, "b/x.html"), report.Supplied{}, false},
		{jsonPath, filepath.Join(dir, "a/x.html"), report.Supplied{Agency: "遵义市司法局", Year: 2020, Origin: jsonPath}, true},
		{jsonPath, filepath.Join(dir, "z.txt"), report.Supplied{Year: 2019, Origin: jsonPath}, true},
	}
	for _, tt := range tests {
		m, err := Load(tt.manifest)
		if err != nil {
			t.Fatalf("Load(%s): %v", tt.manifest, err)
		}
		got, ok := m.Lookup(tt.path)
		if ok != tt.found || got != tt.want {
			t.Errorf("Lookup(%s) in %s = %+v, %v; want %+v, %v", tt.path, filepath.Base(tt.manifest), got, ok, tt.want, tt.found)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"no path column": "url,agency\nhttp://x,甲\n",
		"bad year":       "path,year\nx.txt,two thousand\n",
		"year range":     "path,year\nx.txt,1850\n",
		"no path":        "path,agency\n,甲\n",
		"bad json":       `{"path": "x.txt", "year": }` + "\n",
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
		write(t, p, body)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: Load = %v, want an error naming the file", name, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.csv")); err == nil {
		t.Errorf("Load(missing) = nil error")
	}
}

func TestSidecarAndFor(t *testing.T) {
	dir := t.TempDir()
	rep := filepath.Join(dir, "r.html")
	write(t, rep, "<html></html>")
	side := filepath.Join(dir, "r.meta.json")
	write(t, side, `{"url":"http://example.gov.cn/a.html","agency":"甲市司法局","year":2020}`)
	s, ok, err := Sidecar(rep)
	if err != nil || !ok || s.Agency != "甲市司法局" || s.Year != 2020 || s.Origin != side {
		t.Fatalf("Sidecar = %+v, %v, %v", s, ok, err)
	}
	// The manifest's non-empty columns override the sidecar's.
	man := filepath.Join(dir, "m.csv")
	write(t, man, "path,agency,year\nr.html,乙市司法局,\n")
	m, err := Load(man)
	if err != nil {
		t.Fatal(err)
	}
	got, err := For(m, rep)
	if err != nil || got.Agency != "乙市司法局" || got.Year != 2020 || got.URL != "http://example.gov.cn/a.html" {
		t.Errorf("For = %+v, %v; want the manifest's agency over the sidecar's year and url", got, err)
	}
	// No sidecar, no manifest: nothing supplied.
	other := filepath.Join(dir, "o.txt")
	write(t, other, "x")
	if got, err := For(nil, other); err != nil || !got.IsZero() {
		t.Errorf("For(nil, bare) = %+v, %v; want nothing", got, err)
	}
	// A broken sidecar is an error naming it.
	write(t, filepath.Join(dir, "o.meta.json"), "{")
	if _, err := For(nil, other); err == nil || !strings.Contains(err.Error(), "o.meta.json") {
		t.Errorf("For(broken sidecar) = %v, want an error naming it", err)
	}
}
