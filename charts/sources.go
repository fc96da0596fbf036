package charts

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
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
// agencies, with the grades of the preferred annual ones and the sentences
// they repeat (repeated_sentences, read for the batch). seen holds the short ids written so far (shared by the
// batches, under its lock), so two reports whose ids share their first 16
// digits fail the build rather than one page showing the other report.
func writeSources(ctx context.Context, run QueryFunc, dir string, names []string, seen *shortIDs, grades map[string]grade) (int, error) {
	res, err := run(ctx, sourcePagesQuery, queries.Filter{Agencies: names})
	if err != nil {
		return 0, fmt.Errorf("load source pages: %w", err)
	}
	t := queries.NewTable(res)
	checks := map[string][]checkRow{}
	cr, err := run(ctx, consistencyQuery, queries.Filter{Agencies: names})
	if err != nil {
		return 0, fmt.Errorf("load checks: %w", err)
	}
	ct := queries.NewTable(cr)
	for _, row := range ct.Rows() {
		id := ct.Str(row, "report_id")
		checks[id] = append(checks[id], checkRow{kind: ct.Str(row, "kind"), c: report.Check{Rule: ct.Str(row, "rule"), Scope: ct.Str(row, "scope"),
			Expected: ct.OptNum(row, "expected"), Actual: ct.OptNum(row, "actual"), Status: report.CheckStatus(ct.Str(row, "status")), Detail: ct.Str(row, "detail")}})
	}
	reps := map[string][]repeated{}
	if len(grades) > 0 {
		rr, err := run(ctx, repeatedQuery, queries.Filter{Agencies: names})
		if err != nil {
			return 0, fmt.Errorf("load repeated sentences: %w", err)
		}
		rt := queries.NewTable(rr)
		for _, row := range rt.Rows() {
			id := rt.Str(row, "report_id")
			reps[id] = append(reps[id], repeated{start: rt.Int(row, "start_offset"), end: rt.Int(row, "end_offset"),
				prev: rt.Bool(row, "from_prev"), peer: rt.Bool(row, "from_peer"), peerAgency: rt.Str(row, "peer_agency")})
		}
	}
	n := 0
	made := map[string]bool{}
	var buf bytes.Buffer
	var p packer
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
		var sg *sourceGrades
		if g, ok := grades[id]; ok || len(checks[id]) > 0 {
			sg = sourceGradesOf(g, reps[id])
			sg.addChecks(checks[id])
		}
		if err := sourceScript(&buf, &p, t, row, sg); err != nil {
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
	// Packed says how the text and the figures follow: "gzip" — one
	// base64 string of the gzip of the JSON array [text, figures], which
	// source.js inflates with the browser's DecompressionStream.
	Packed string `json:"packed,omitempty"`
}

// A report's text and figures are the bulk of the site (their JSON is
// about 1.5 times the stored text); gzip takes them to about a third,
// base64 (a <script> file cannot carry bytes) back up to under half: the
// site stays within 1.5 times the texts plus 100 MB at national scale.
// BestSpeed: the build writes every report's file, and the size gained
// by stronger levels is small next to the time.
var packLevel = gzip.BestSpeed

// packer compresses the data of the source files; one per batch (a
// gzip.Writer is reused across files).
type packer struct {
	raw, zipped bytes.Buffer
	zw          *gzip.Writer
}

// pack returns the base64 of the gzip of the JSON array [text, figures].
func (p *packer) pack(textJSON []byte, figures string) (string, error) {
	p.raw.Reset()
	p.raw.WriteByte('[')
	p.raw.Write(textJSON)
	p.raw.WriteByte(',')
	p.raw.WriteString(figures)
	p.raw.WriteByte(']')
	p.zipped.Reset()
	if p.zw == nil {
		zw, err := gzip.NewWriterLevel(&p.zipped, packLevel)
		if err != nil {
			return "", err
		}
		p.zw = zw
	} else {
		p.zw.Reset(&p.zipped)
	}
	if _, err := p.zw.Write(p.raw.Bytes()); err != nil {
		return "", err
	}
	if err := p.zw.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(p.zipped.Bytes()), nil
}

// sourceScript writes one report's data file: a call of xxgkSource with
// the report's identity, packed (see packer) its text and its figures (the
// compact array the query built), null, and its grades (null for a report
// that is not graded). It is valid JavaScript (JSON is a subset) and is
// loaded by src=, never inlined; the packed data is base64, so no text of a
// report ("</script>", quotes) appears in it but for the grades' labels.
func sourceScript(w *bytes.Buffer, p *packer, t *queries.Table, row []any, grades *sourceGrades) error {
	id := sourceIdentity{ID: t.Str(row, "report_id"), Agency: t.Str(row, "agency"), Kind: t.Str(row, "agency_kind"), Level: t.Str(row, "level"),
		Province: t.Str(row, "province"), City: t.Str(row, "city"), Year: t.Int(row, "year"), Period: t.Str(row, "period"),
		Form: t.Str(row, "form"), Published: t.Str(row, "published"), URL: t.Str(row, "url"), Path: t.Str(row, "path"),
		Format: t.Str(row, "format"), Size: t.Int(row, "size"), Current: t.Bool(row, "current"), Preferred: t.Bool(row, "preferred"),
		Agencies: agencyHref("", t.Str(row, "agency")), Packed: "gzip"}
	if id.URL == "" {
		id.URL = t.Str(row, "source_url")
	}
	textJSON := []byte("null")
	if text, ok := t.Value(row, "text").(string); ok {
		var err error
		if textJSON, err = json.Marshal(text); err != nil {
			return err
		}
	}
	figures := t.Str(row, "figures")
	if figures == "" {
		figures = "[]"
	}
	packed, err := p.pack(textJSON, figures)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // a file of its own, not inline: no <script> to end
	w.WriteString("xxgkSource(")
	if err := enc.Encode(id); err != nil {
		return err
	}
	w.WriteString(",\"")
	w.WriteString(packed)
	w.WriteString("\",null,")
	if grades != nil {
		if err := enc.Encode(grades); err != nil {
			return err
		}
	} else {
		w.WriteString("null")
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
