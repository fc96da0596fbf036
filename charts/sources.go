package charts

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

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
func sourceFile(id string) string { return filepath.Join("sources", id[:2], id+".js") }

// writeSources writes the data file of every stored report of a batch of
// agencies.
func writeSources(ctx context.Context, run QueryFunc, dir string, names []string) (int, error) {
	res, err := run(ctx, sourcePagesQuery, queries.Filter{Agencies: names})
	if err != nil {
		return 0, fmt.Errorf("load source pages: %w", err)
	}
	t := queries.NewTable(res)
	n := 0
	made := map[string]bool{}
	for _, row := range t.Rows() {
		id := t.Str(row, "report_id")
		if !reportIDRE.MatchString(id) {
			continue // not a content hash: no page (a hand-made database)
		}
		rel := sourceFile(id)
		if d := filepath.Dir(rel); !made[d] {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				return n, err
			}
			made[d] = true
		}
		if err := writeSource(filepath.Join(dir, rel), t.Str(row, "page"), agencyHref("", t.Str(row, "agency"))); err != nil {
			return n, fmt.Errorf("source page of %q: %w", id, err)
		}
		n++
	}
	return n, nil
}

// writeSource writes one report's data file: a call of xxgkSource with the
// JSON DuckDB built (valid JavaScript: JSON is a subset, and U+2028 is
// allowed in strings since ES2019) and the link to the agency page. The
// file is loaded by src=, never inlined, so text such as "</script>" in a
// report cannot end a script element.
func writeSource(path, pageJSON, agency string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	href, _ := json.Marshal(agency)
	w.WriteString("xxgkSource(")
	if pageJSON == "" {
		pageJSON = "null"
	}
	w.WriteString(pageJSON)
	w.WriteString(",")
	w.Write(href)
	w.WriteString(");\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// labelsJS is the part of the labels table the source pages need, as a
// script: key labels and units, and the words for forms, periods, levels,
// tables, kinds of value, sources and reading mechanisms.
func labelsJS() ([]byte, error) {
	keys := map[string][2]string{}
	for _, k := range report.Keys() {
		keys[k.Key] = [2]string{labels.Key(k.Key), labels.Unit(k.Key)}
	}
	v := map[string]any{"keys": keys}
	fb := map[string]string{}
	for _, d := range []string{"form", "period", "level", "table", "value_kind", "source", "mechanism", "column"} {
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
