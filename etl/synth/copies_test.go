package synth

import (
	"bytes"
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// writeCorpus writes a corpus into a fresh folder and reads back its
// bodies and labels by file stem.
func writeCorpus(t *testing.T, cfg Config) (map[string][]byte, map[string]Label) {
	t.Helper()
	dir := t.TempDir()
	if _, err := Write(context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	labels, err := ReadLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string][]byte{}
	for stem, l := range labels {
		b, err := os.ReadFile(filepath.Join(dir, l.Source))
		if err != nil {
			t.Fatal(err)
		}
		bodies[stem] = b
	}
	return bodies, labels
}

// TestCopies: a corpus with copies labels each copy with its source, the
// source holds the copied paragraphs, a peer copy is dated after its
// source and belongs to its peer group, the share of copies follows the
// rate, and every report that is no copy is byte for byte the report of
// the corpus without copies.
func TestCopies(t *testing.T) {
	t.Parallel()
	base := Config{Agencies: 60, From: 2018, To: 2023, Seed: 11, HTML: true, BreakRate: DefaultBreakRate, Workers: 3}
	plain, _ := writeCorpus(t, base)
	withCopies := base
	withCopies.CopyRate = 0.3
	bodies, labels := writeCorpus(t, withCopies)
	agencies, err := Agencies(Places(), base.Agencies, base.Seed)
	if err != nil {
		t.Fatal(err)
	}
	byLabel := map[string]Agency{}
	for _, a := range agencies {
		byLabel[a.Label] = a
	}
	copies, prev, peer, annual := 0, 0, 0, 0
	for stem, l := range labels {
		if l.Period == "year" {
			annual++
		}
		c := l.Copy
		if c == nil {
			if !bytes.Equal(bodies[stem], plain[stem]) {
				t.Errorf("%s is no copy but differs from the corpus without copies", stem)
			}
			continue
		}
		copies++
		src := strings.TrimSuffix(c.FromFile, filepath.Ext(c.FromFile))
		sl, ok := labels[src]
		if !ok {
			t.Errorf("%s copies %s, which is not in the corpus", stem, c.FromFile)
			continue
		}
		if sl.Copy != nil && c.Kind == CopyPeer {
			t.Errorf("%s copies %s, itself a copy", stem, src)
		}
		switch c.Kind {
		case CopyPrevYear:
			prev++
			if sl.Agency != l.Agency || sl.Year != l.Year-1 || c.FromYear != l.Year-1 {
				t.Errorf("%s (%s %d) copies last year from %s (%s %d)", stem, l.Agency, l.Year, src, sl.Agency, sl.Year)
			}
		case CopyPeer:
			peer++
			a, b := byLabel[l.Agency], byLabel[sl.Agency]
			if sl.Agency == l.Agency || sl.Year != l.Year || peerKey(a) != peerKey(b) {
				t.Errorf("%s (%s %d, %v) copies a peer from %s (%s %d, %v)", stem, l.Agency, l.Year, peerKey(a), src, sl.Agency, sl.Year, peerKey(b))
			}
			if l.Published != "" && sl.Published != "" && l.Published <= sl.Published {
				t.Errorf("%s is dated %s, not after its source %s (%s)", stem, l.Published, src, sl.Published)
			}
		default:
			t.Errorf("%s: copy kind %q", stem, c.Kind)
		}
		if c.Kept == 0 || c.Kept > c.Paragraphs {
			t.Errorf("%s: kept %d of %d paragraphs", stem, c.Kept, c.Paragraphs)
		}
		// The kept paragraphs are the source's: count this report's
		// paragraphs of boilerplate prose printed in the source too.
		found := 0
		srcText := squeeze(string(bodies[src]))
		for _, p := range paragraphs(bodies[stem]) {
			if p = squeeze(p); len([]rune(p)) > 40 && strings.Contains(srcText, p) {
				found++
			}
		}
		if found < c.Kept/2 {
			t.Errorf("%s: %d paragraphs found in its source %s, %d kept", stem, found, src, c.Kept)
		}
		if l.Period != "year" {
			t.Errorf("%s: a half-year report labelled a copy", stem)
		}
	}
	if prev == 0 || peer == 0 {
		t.Fatalf("copies from last year %d, from a peer %d: want both", prev, peer)
	}
	// Copies are decided for every annual report; the first year cannot
	// copy the year before and some peer groups are too small.
	if share := float64(copies) / float64(annual); share < 0.15 || share > 0.35 {
		t.Errorf("%d copies of %d annual reports (%.2f), want about 0.3", copies, annual, share)
	}
}

// paragraphs splits a report's text (or an HTML page's <p> elements, also
// when the page carries them in a JavaScript string) into paragraphs.
func paragraphs(body []byte) []string {
	s := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&", `\n`, "\n", `\"`, `"`).Replace(string(body))
	s = strings.NewReplacer("<p>", "\n\n", "</p>", "\n\n").Replace(html.UnescapeString(s))
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// squeeze drops what a report's layout changes in a paragraph: line
// breaks and spaces (a PDF's wrapping, indents).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, html.UnescapeString(s))
}

// TestCopiesDeterministic: the same configuration gives the same corpus
// whatever the number of workers.
func TestCopiesDeterministic(t *testing.T) {
	t.Parallel()
	cfg := Config{Agencies: 30, From: 2019, To: 2022, Seed: 5, CopyRate: 0.4, Workers: 1}
	a, _ := writeCorpus(t, cfg)
	cfg.Workers = 4
	b, _ := writeCorpus(t, cfg)
	for stem := range a {
		if !bytes.Equal(a[stem], b[stem]) {
			t.Errorf("%s differs between 1 and 4 workers", stem)
		}
	}
}
