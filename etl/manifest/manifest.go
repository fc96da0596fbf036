package manifest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// SidecarSuffix ends the name of a sidecar file.
const SidecarSuffix = ".meta.json"

// Entry is one row of a manifest or one sidecar, as written.
type Entry struct {
	Path      string `json:"path"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Agency    string `json:"agency"`
	Year      any    `json:"year"` // a number or a string; empty is none
	Published string `json:"published"`
}

// Manifest maps report paths to what an operator supplied about them.
type Manifest struct {
	origin string
	byPath map[string]report.Supplied // cleaned absolute path
	byName map[string][]report.Supplied
}

// columns are the manifest's columns; a CSV header names them in any order.
var columns = []string{"path", "url", "title", "agency", "year", "published"}

// Load reads a manifest: JSON lines when its first non-blank byte is "{",
// CSV with a header row otherwise. Paths are relative to the manifest's
// folder unless absolute; a path without a folder matches a file of that
// name anywhere, when one row alone has that name.
func Load(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("manifest %q: %w", path, err)
	}
	var entries []Entry
	if t := bytes.TrimLeft(b, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		entries, err = readJSONLines(b)
	} else {
		entries, err = readCSV(b)
	}
	if err != nil {
		return nil, fmt.Errorf("manifest %q: %w", path, err)
	}
	m := &Manifest{origin: path, byPath: map[string]report.Supplied{}, byName: map[string][]report.Supplied{}}
	dir := filepath.Dir(path)
	for i, e := range entries {
		if strings.TrimSpace(e.Path) == "" {
			return nil, fmt.Errorf("manifest %q: row %d has no path", path, i+1)
		}
		s, err := e.supplied(path)
		if err != nil {
			return nil, fmt.Errorf("manifest %q: row %d (%q): %w", path, i+1, e.Path, err)
		}
		p := filepath.FromSlash(strings.TrimSpace(e.Path))
		if !strings.ContainsRune(e.Path, '/') && !strings.ContainsRune(e.Path, filepath.Separator) {
			m.byName[p] = append(m.byName[p], s)
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("manifest %q: row %d: %w", path, i+1, err)
		}
		m.byPath[abs] = s
	}
	return m, nil
}

func readJSONLines(b []byte) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

func readCSV(b []byte) ([]Entry, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	at := map[string]int{}
	for i, h := range header {
		at[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := at["path"]; !ok {
		return nil, fmt.Errorf("the header %q has no path column (want %s)", strings.Join(header, ","), strings.Join(columns, ","))
	}
	var out []Entry
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		get := func(col string) string {
			if i, ok := at[col]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		out = append(out, Entry{Path: get("path"), URL: get("url"), Title: get("title"), Agency: get("agency"),
			Year: get("year"), Published: get("published")})
	}
}

// supplied checks an entry and turns it into what identification reads.
func (e Entry) supplied(origin string) (report.Supplied, error) {
	s := report.Supplied{URL: strings.TrimSpace(e.URL), Title: strings.TrimSpace(e.Title),
		Agency: strings.TrimSpace(e.Agency), Published: strings.TrimSpace(e.Published), Origin: origin}
	switch y := e.Year.(type) {
	case nil:
	case float64:
		s.Year = int(y)
	case string:
		if y = strings.TrimSuffix(strings.TrimSpace(y), "年"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil {
				return s, fmt.Errorf("year %q is not a number", y)
			}
			s.Year = n
		}
	default:
		return s, fmt.Errorf("year %v is not a number", y)
	}
	if s.Year != 0 && (s.Year < 1990 || s.Year > 2100) {
		return s, fmt.Errorf("year %d is out of range", s.Year)
	}
	return s, nil
}

// Lookup returns what the manifest says about a report's path.
func (m *Manifest) Lookup(path string) (report.Supplied, bool) {
	if m == nil {
		return report.Supplied{}, false
	}
	if abs, err := filepath.Abs(path); err == nil {
		if s, ok := m.byPath[abs]; ok {
			return s, true
		}
	}
	if ss := m.byName[filepath.Base(path)]; len(ss) == 1 {
		return ss[0], true
	}
	return report.Supplied{}, false
}

// SidecarPaths are the sidecar names a report may have: NAME.meta.json for
// NAME.ext, and NAME.ext.meta.json.
func SidecarPaths(path string) []string {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	return []string{stem + SidecarSuffix, path + SidecarSuffix}
}

// Sidecar reads the sidecar of a report, if it has one.
func Sidecar(path string) (report.Supplied, bool, error) {
	for _, p := range SidecarPaths(path) {
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return report.Supplied{}, false, fmt.Errorf("sidecar %q: %w", p, err)
		}
		var e Entry
		if err := json.Unmarshal(b, &e); err != nil {
			return report.Supplied{}, false, fmt.Errorf("sidecar %q: %w", p, err)
		}
		s, err := e.supplied(p)
		if err != nil {
			return report.Supplied{}, false, fmt.Errorf("sidecar %q: %w", p, err)
		}
		return s, true, nil
	}
	return report.Supplied{}, false, nil
}

// For is what an operator supplied about one report: its sidecar, with the
// manifest's non-empty columns over it (the manifest is the explicit flag
// of the run). m may be nil.
func For(m *Manifest, path string) (report.Supplied, error) {
	s, _, err := Sidecar(path)
	if err != nil {
		return report.Supplied{}, err
	}
	if row, ok := m.Lookup(path); ok {
		s = merge(s, row)
	}
	return s, nil
}

func merge(base, over report.Supplied) report.Supplied {
	if over.URL != "" {
		base.URL = over.URL
	}
	if over.Title != "" {
		base.Title = over.Title
	}
	if over.Agency != "" {
		base.Agency = over.Agency
	}
	if over.Year != 0 {
		base.Year = over.Year
	}
	if over.Published != "" {
		base.Published = over.Published
	}
	if base.Origin == "" || over.Origin != "" {
		base.Origin = over.Origin
	}
	return base
}
