package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/xxgk/xxgk/etl/manifest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/score"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const (
	samples = "../../examples/reports"
	labels  = "../../testdata/labels"
)

type sample struct {
	stem  string
	label score.Label
	rec   report.Exchange
}

// extractSamples runs the whole extraction on every labelled sample, with
// its sidecar as ingest reads it (the sample that prints no year has its
// page address there). Every error fails the test.
func extractSamples(t *testing.T) []sample {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(labels, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no labels under %s: %v", labels, err)
	}
	var out []sample
	for _, lf := range files {
		stem := strings.TrimSuffix(filepath.Base(lf), ".json")
		b, err := os.ReadFile(lf)
		if err != nil {
			t.Fatal(err)
		}
		var lab score.Label
		if err := json.Unmarshal(b, &lab); err != nil {
			t.Fatalf("label %s: %v", lf, err)
		}
		doc, err := read.File(context.Background(), filepath.Join(samples, stem+".txt"), read.DefaultLimits())
		if err != nil {
			t.Fatalf("read %s: %v", stem, err)
		}
		if doc.Supplied, err = manifest.For(nil, doc.Path); err != nil {
			t.Fatalf("sidecar of %s: %v", stem, err)
		}
		r, err := Document(doc)
		if err != nil {
			t.Errorf("Document(%s) error: %v", stem, err)
			continue
		}
		out = append(out, sample{stem: stem, label: lab, rec: r.ToExchange()})
	}
	return out
}

// yearLike matches what could print a report's year: four digits from 19
// or 20, or four Chinese numerals before 年 (二〇二三年).
var yearLike = regexp.MustCompile(`(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4}\s*年`)

// printsNoYear reports whether a text prints nothing a year could be read
// from, judged apart from the identification (full-width digits folded).
func printsNoYear(text string) bool {
	return !yearLike.MatchString(norm.NFKC.String(text))
}

// TestCorpusScore holds extraction on the labelled samples to the targets of
// issues 3 and 4; the misses are listed so a regression names its figures.
func TestCorpusScore(t *testing.T) {
	ss := extractSamples(t)
	labs := map[string]score.Label{}
	got := map[string]report.Exchange{}
	for _, s := range ss {
		labs[s.stem] = s.label
		got[s.stem] = s.rec
	}
	res := score.Corpus(labs, got)
	// What the extraction reaches on the 98 samples (issues 10–12), set so
	// that one more miss fails: table2021 248/256 (the glued tables of two
	// samples leave figures undetermined), table2019 469/469, narrative
	// 76/77, legacy 9/9, every found figure right; and at most the 8
	// unlabelled figures found now (strict precision).
	targets := map[string][2]float64{ // precision, recall
		"table2021": {0.999, 0.965},
		"table2019": {0.999, 0.999},
		"legacy":    {0.999, 0.999},
		"narrative": {0.999, 0.98},
	}
	unverified := 0
	for _, tally := range res.Forms {
		unverified += tally.Unverified
	}
	t.Logf("%d figures no label covers", unverified)
	if unverified > 8 {
		t.Errorf("%d figures no label covers, want at most 8 (strict precision)", unverified)
	}
	for form, tally := range res.Forms {
		want, ok := targets[form]
		if !ok {
			continue
		}
		t.Logf("%-9s labelled %4d found %4d correct %4d recall %.3f precision %.3f",
			form, tally.Labelled, tally.Found, tally.Correct, tally.Recall(), tally.Precision())
		if tally.Precision() < want[0] || tally.Recall() < want[1] {
			t.Errorf("%s: precision %.3f recall %.3f, want ≥ %.2f and ≥ %.2f", form, tally.Precision(), tally.Recall(), want[0], want[1])
		}
	}
	// Agencies are compared as score.py compares them. Every sample whose
	// text names its agency comes out exact (81/81); of those only the page
	// address names, some come out unidentified (their text says only
	// 市司法局, 我局, or names no body), so the whole asks for a share. A
	// wrong agency is never acceptable.
	n := float64(len(labs))
	if a, y := float64(res.AgencyOK)/n, float64(res.YearOK)/n; a < 0.935 || y < 1 {
		t.Errorf("agency %.3f year %.3f, want ≥ 0.935 (92/98 now) and 1", a, y)
	}
	textNamed, textExact := 0, 0
	for stem, rec := range got {
		lab := labs[stem]
		v := score.AgencyVerdict(rec.Agency, lab)
		if v == score.Wrong {
			t.Errorf("%s: agency %q, want %q or unidentified: a wrong agency corrupts two series", stem, rec.Agency, lab.Agency)
		}
		if lab.AgencyFrom != "url" {
			textNamed++
			if v == score.Exact {
				textExact++
			}
		}
	}
	if float64(textExact) < 0.98*float64(textNamed) {
		t.Errorf("agency exact on %d of %d samples whose text names it, want ≥ 98%%", textExact, textNamed)
	}
	if t.Failed() {
		for _, m := range res.Misses {
			t.Logf("miss %s %s: want %v got %v (found %v)", m.File, m.Key, m.Want, m.Got, m.Found)
		}
		for _, m := range res.MetaMisses {
			t.Logf("miss %s", m)
		}
	}
}

// TestGolden compares the full exchange record of every table-form sample
// with its reviewed golden file. Run with -update after a reviewed change.
func TestGolden(t *testing.T) {
	for _, s := range extractSamples(t) {
		if s.label.Form == string(report.FormNarrative) {
			continue
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(s.rec); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "golden", s.stem+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("golden %s: %v (run go test -update)", path, err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: extract output differs from %s (run go test ./etl/extract -update and review the diff)", s.stem, path)
		}
	}
}

// TestMergeTableWins checks that a table cell beats a prose figure under the
// same key and that a prose figure fills keys no table gave.
func TestMergeTableWins(t *testing.T) {
	num := func(k string, v float64, src string) report.Metric {
		return report.Metric{Key: k, Kind: report.KindNumber, Value: v, Prov: report.Provenance{Source: src}}
	}
	blank := report.Metric{Key: "b", Kind: report.KindEmpty, Prov: report.Provenance{Source: "table"}}
	got := Merge(
		[]report.Metric{num("a", 1, "table"), blank},
		[]report.Metric{num("a", 2, "prose"), num("b", 3, "prose"), num("c", 4, "prose")},
	)
	want := map[string]float64{"a": 1, "b": 3, "c": 4}
	if len(got) != len(want) {
		t.Fatalf("Merge gave %d metrics, want %d", len(got), len(want))
	}
	for _, m := range got {
		if m.Value != want[m.Key] {
			t.Errorf("Merge: %s = %v, want %v", m.Key, m.Value, want[m.Key])
		}
	}
}

// TestUnidentifiedAgencyKeepsFigures checks that a report whose text never
// names its agency keeps its figures under a name of its own file, so two
// such reports never merge into one agency.
func TestUnidentifiedAgencyKeepsFigures(t *testing.T) {
	text := "2023年政府信息公开工作年度报告\n一、总体情况\n本年度,我局共收到政府信息公开申请5件,均按时答复。\n"
	for _, name := range []string{"a.txt", "b.txt"} {
		doc := &report.Document{Path: filepath.Join("in", name), Format: "txt", Text: text}
		r, err := Document(doc)
		if err != nil {
			t.Fatalf("Document(%s): %v", name, err)
		}
		if want := UnidentifiedPrefix + name; r.Agency != want {
			t.Errorf("Document(%s).Agency = %q, want %q", name, r.Agency, want)
		}
		if v, ok := r.Number("apps_new.total"); !ok || v != 5 {
			t.Errorf("Document(%s) apps_new.total = %v (%v), want 5", name, v, ok)
		}
	}
}

// TestYearlessReportKeepsFigures checks that a report whose text, page and
// operator give no year is still read: its figures come out, its year is
// unknown (0 inside, null in the exchange record), never a guess; and that
// one year, from a sidecar's page address or an operator's column, settles
// it. Storing is refused elsewhere (ingest, load).
func TestYearlessReportKeepsFigures(t *testing.T) {
	text := "某县交通运输局政府信息公开工作年度报告\n一、总体情况\n本年度，我局在门户网站主动公开政府信息36条，" +
		"共收到政府信息公开申请3件，均已按时答复。\n二、行政复议和行政诉讼\n未发生行政复议和行政诉讼案件。\n"
	if !printsNoYear(text) {
		t.Fatal("the test text prints a year")
	}
	tests := []struct {
		name   string
		sup    report.Supplied
		year   int
		source report.EvidenceSource
		json   string
	}{
		{"nothing supplied", report.Supplied{}, 0, report.SourceUnknown, `"year":null`},
		{"page address with a date", report.Supplied{URL: "http://jtj.example.gov.cn/art/2021/2/3/art_12_345.html"},
			2020, report.SourceURL, `"year":2020`},
		{"operator's year", report.Supplied{Year: 2019}, 2019, report.SourceOperator, `"year":2019`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &report.Document{Path: filepath.Join("in", "x.txt"), Format: "txt", Text: text, Supplied: tt.sup}
			r, err := Document(doc)
			if err != nil {
				t.Fatalf("Document: %v", err)
			}
			if r.Year != tt.year || r.YearSource != tt.source {
				t.Errorf("year %d from %q, want %d from %q", r.Year, r.YearSource, tt.year, tt.source)
			}
			for key, want := range map[string]float64{"apps_new.total": 3, "proactive.website": 36} {
				if v, ok := r.Number(key); !ok || v != want {
					t.Errorf("%s = %v (%v), want %v", key, v, ok, want)
				}
			}
			b, err := json.Marshal(r.ToRecord())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(tt.json)) || (tt.year == 0 && !bytes.Contains(b, []byte(`"year_source":"unknown"`))) {
				t.Errorf("record %s, want %s", b, tt.json)
			}
			var back report.Record
			if err := json.Unmarshal(b, &back); err != nil || int(back.Year) != tt.year {
				t.Errorf("record read back: year %d, %v; want %d", back.Year, err, tt.year)
			}
		})
	}
}

// TestEmailChannelCountsInL1 checks a provincial legacy table that prints an
// 电子邮件 channel: L1 counts it, and the figure, which metrics.tsv has no
// key for, is never printed. A table whose channels do not add up with it
// still fails.
func TestEmailChannelCountsInL1(t *testing.T) {
	table := func(online, email string) string {
		return "2009年某市政府信息公开工作年度报告\n附表：政府信息公开情况统计表\n" +
			"指标名称 单位 本年度 历年累计 一、主动公开情况 主动公开信息数 条 138 912 " +
			"二、依申请公开情况 受理依申请公开信息总数 件 7 40 其中：当面申请 件 2 11 传真申请 件 0 0 网上申请 件 " + online + " 25 信函申请 件 1 3 电子邮件 件 " + email + " 1 " +
			"对申请的答复总数 件 7 40 同意公开 件 5 30 同意部分公开 件 1 4 否决公开 件 1 6\n"
	}
	tests := []struct {
		name, text string
		want       report.CheckStatus
	}{
		{"email counted", table("3", "1"), report.Pass},
		{"email breaks the sum", table("4", "1"), report.Fail},
		{"email zero", table("4", "0"), report.Pass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Document(&report.Document{Path: "x.txt", Format: "txt", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			got := report.CheckStatus("missing")
			for _, c := range r.Checks {
				if c.Rule == "L1.channels" {
					got = c.Status
				}
			}
			if got != tt.want {
				t.Errorf("L1.channels = %q, want %q (checks %+v)", got, tt.want, r.Checks)
			}
			for _, m := range r.Metrics {
				if _, ok := report.LookupKey(m.Key); !ok {
					t.Errorf("metric %q is not in metrics.tsv", m.Key)
				}
			}
			if v, ok := r.Number("apps_channel.mail"); !ok || v != 1 {
				t.Errorf("apps_channel.mail = %v (%v), want 1", v, ok)
			}
		})
	}
}
