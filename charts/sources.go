package charts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// The source pages. There is one page per stored report, source.html#r=ID,
// a shell that loads the report's data, sources/AB/ID.js, as a plain
// <script> (so it works from file://, where a page may not fetch files),
// and draws the report's text with every stored figure marked on its span
// (source.js). A figure's link adds &k=KEY (several keys for a figure
// summed or mapped from several), which the page highlights and scrolls to.
// Agency pages link here and copy no source text, so the site grows with
// the reports' text once, not with every page that cites a figure.

// reportIDRE is what a report id looks like: the hex SHA-256 of its bytes.
// Anything else never becomes a path.
var reportIDRE = regexp.MustCompile(`^[0-9a-f]{8,64}$`)

// sourceFile is the data file of a report, relative to the site root.
func sourceFile(id string) string {
	id = shortID(id)
	return filepath.Join("sources", id[:2], id+".js")
}

// writeSources writes the data file of every stored report of a batch of
// agencies. seen holds the short ids written so far (shared by the
// batches, under its lock), so two reports whose ids share their first 16
// digits fail the build rather than one page showing the other report.
func writeSources(ctx context.Context, run QueryFunc, dir string, names []string, seen *shortIDs) (int, error) {
	res, err := run(ctx, sourcePagesQuery, queries.Filter{Agencies: names})
	if err != nil {
		return 0, fmt.Errorf("load source pages: %w", err)
	}
	t := queries.NewTable(res)
	n := 0
	made := map[string]bool{}
	var buf bytes.Buffer
	for _, row := range t.Rows() {
		id := t.Str(row, "report_id")
		if !reportIDRE.MatchString(id) {
			continue // not a content hash: no page (a hand-made database)
		}
		if other := seen.claim(id); other != "" {
			return n, fmt.Errorf("reports %q and %q share the first 16 digits of their ids: their source pages would collide", other, id)
		}
		rel := sourceFile(id)
		if d := filepath.Dir(rel); !made[d] {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				return n, err
			}
			made[d] = true
		}
		buf.Reset()
		if err := sourceScript(&buf, t, row); err != nil {
			return n, fmt.Errorf("source page of %q: %w", id, err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), buf.Bytes(), 0o644); err != nil {
			return n, fmt.Errorf("source page of %q: %w", id, err)
		}
		n++
	}
	return n, nil
}

// shortIDs are the short ids of the source pages written.
type shortIDs struct {
	mu  sync.Mutex
	ids map[string]string
}

// claim records id and returns the other id with the same short id, if any.
func (s *shortIDs) claim(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids == nil {
		s.ids = map[string]string{}
	}
	short := shortID(id)
	if other, ok := s.ids[short]; ok && other != id {
		return other
	}
	s.ids[short] = id
	return ""
}

// sourceIdentity is who and what a report is, as its source page shows it.
type sourceIdentity struct {
	ID        string `json:"id"`
	Agency    string `json:"agency"`
	Kind      string `json:"kind,omitempty"`
	Level     string `json:"level,omitempty"`
	Province  string `json:"province,omitempty"`
	City      string `json:"city,omitempty"`
	Year      int    `json:"year"`
	Period    string `json:"period"`
	Form      string `json:"form"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Path      string `json:"path"`
	Format    string `json:"format,omitempty"`
	Size      int    `json:"size"`
	Current   bool   `json:"current"`
	Preferred bool   `json:"preferred"`
	Agencies  string `json:"agency_href"`
}

// sourceScript writes one report's data file: a call of xxgkSource with
// the report's identity, its text and its figures (the compact array the
// query built). It is valid JavaScript (JSON is a subset, and U+2028 is
// allowed in strings since ES2019) and is loaded by src=, never inlined, so
// text such as "</script>" in a report cannot end a script element.
func sourceScript(w *bytes.Buffer, t *queries.Table, row []any) error {
	id := sourceIdentity{ID: t.Str(row, "report_id"), Agency: t.Str(row, "agency"), Kind: t.Str(row, "agency_kind"), Level: t.Str(row, "level"),
		Province: t.Str(row, "province"), City: t.Str(row, "city"), Year: t.Int(row, "year"), Period: t.Str(row, "period"),
		Form: t.Str(row, "form"), Published: t.Str(row, "published"), URL: t.Str(row, "url"), Path: t.Str(row, "path"),
		Format: t.Str(row, "format"), Size: t.Int(row, "size"), Current: t.Bool(row, "current"), Preferred: t.Bool(row, "preferred"),
		Agencies: agencyHref("", t.Str(row, "agency"))}
	if id.URL == "" {
		id.URL = t.Str(row, "source_url")
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // a file of its own, not inline: no <script> to end
	w.WriteString("xxgkSource(")
	if err := enc.Encode(id); err != nil {
		return err
	}
	w.WriteString(",")
	if text, ok := t.Value(row, "text").(string); ok {
		if err := enc.Encode(text); err != nil {
			return err
		}
	} else {
		w.WriteString("null")
	}
	w.WriteString(",")
	if f := t.Str(row, "figures"); f != "" {
		w.WriteString(f)
	} else {
		w.WriteString("[]")
	}
	// The human corrections, [key, corrected, extracted, why] (the query
	// JSON-escapes the reason).
	w.WriteString(",")
	if f := t.Str(row, "corrections"); f != "" {
		w.WriteString(f)
	} else {
		w.WriteString("[]")
	}
	w.WriteString(");\n")
	return nil
}

// tableOf is the national table a key's cells are printed in: the
// application table, the review and litigation table, or Article 20's;
// "legacy" for the keys of the pre-2019 statistical table, "" for figures
// only sentences give.
func tableOf(key string) string {
	switch {
	case strings.HasPrefix(key, "art20."):
		return "article20"
	case strings.HasPrefix(key, "review."), strings.HasPrefix(key, "lit_"), strings.HasPrefix(key, "litigation."):
		return "review"
	case strings.HasPrefix(key, "proactive."), strings.HasPrefix(key, "response."):
		return ""
	}
	info, _ := report.LookupKey(key)
	for _, f := range info.Forms {
		if f == "table2019" || f == "table2021" {
			return "applications"
		}
	}
	return "legacy"
}

// labelsJS is the part of the labels table the source pages need, as a
// script: key labels and units, and the words for forms, periods, levels,
// tables, kinds of value, sources and reading mechanisms.
func labelsJS() ([]byte, error) {
	// Per key: its label, unit, and the table, row and column of its cell
	// for the page's reconstructed tables.
	keys := map[string][5]string{}
	for _, k := range report.Keys() {
		l := labels.Key(k.Key)
		row, col, ok := strings.Cut(l, " × ")
		if !ok {
			row, col, ok = strings.Cut(l, " ")
			if !ok {
				row, col = l, "数量"
			}
		}
		keys[k.Key] = [5]string{l, labels.Unit(k.Key), tableOf(k.Key), row, col}
	}
	v := map[string]any{"keys": keys}
	fb := map[string]string{}
	for _, d := range []string{"form", "period", "level", "table", "value_kind", "source", "mechanism", "column", "correction"} {
		v[d] = labels.Domain(d)
		fb[d] = labels.Fallback(d)
	}
	fb["key"] = labels.Fallback("key")
	v["fallback"] = fb
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(append([]byte("window.xxgkLabels = "), b...), ";\n"...), nil
}
