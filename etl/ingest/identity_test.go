package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/detect"
	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/manifest"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
)

// TestSampleIdentities ingests the sample reports and checks what the
// database holds: no report of year 0, no agency without its place, every
// unidentified report with its reason and candidates stored.
func TestSampleIdentities(t *testing.T) {
	s := openStore(t)
	_, paths := copyCorpus(t)
	sum, _ := ingest(t, s, paths, read.Limits{})
	if sum.Run.Failed != 0 || sum.Run.New != len(paths) {
		t.Fatalf("ingested %d new, %d failed of %d: %+v", sum.Run.New, sum.Run.Failed, len(paths), sum.Failures)
	}
	if n := count(t, s, `SELECT count(*) FROM reports WHERE year = 0 OR year IS NULL`); n != 0 {
		t.Errorf("%d reports stored with year 0", n)
	}
	rows, err := s.DB().Query(`SELECT agency FROM reports`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a, extract.UnidentifiedPrefix) && !detect.Qualified(a) {
			t.Errorf("stored agency %q has no place", a)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM reports r JOIN report_identity i ON i.report_id = r.id`); n != len(paths) {
		t.Errorf("%d report_identity rows, want %d", n, len(paths))
	}
	unidentified := count(t, s, `SELECT count(*) FROM reports WHERE starts_with(agency, ?)`, extract.UnidentifiedPrefix)
	if unidentified == 0 {
		t.Fatalf("no unidentified sample: the test has lost its subject")
	}
	if n := count(t, s, `SELECT count(*) FROM reports r JOIN report_identity i ON i.report_id = r.id
		WHERE starts_with(r.agency, ?) AND i.agency_note IS NOT NULL AND i.agency_source IS NULL`, extract.UnidentifiedPrefix); n != unidentified {
		t.Errorf("%d of %d unidentified reports have their reason stored", n, unidentified)
	}
	if n := count(t, s, `SELECT count(*) FROM agency_candidates c JOIN reports r ON r.id = c.report_id
		WHERE NOT starts_with(r.agency, ?) AND c.rank = 1`, extract.UnidentifiedPrefix); n == 0 {
		t.Errorf("no candidates stored for the identified reports")
	}
}

// TestManifestAndSidecar ingests a report whose text names neither its
// agency nor its year, with an operator's metadata: the manifest names the
// agency and the page address dates it; a sidecar does the same.
func TestManifestAndSidecar(t *testing.T) {
	text := "一、总体情况\n（一）主动公开。全年主动公开政府信息120条。\n（二）依申请公开。我局收到申请5件。\n" +
		"二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte(text+filepath.Base(p)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	man := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(man, []byte("path,url,agency\na.txt,http://www.example.gov.cn/art/2022/3/1/art_1.html,丽水市莲都区民政局\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.meta.json"), []byte(`{"agency":"丽水市缙云县民政局","year":2020}`), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := manifest.Load(man)
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	opt := Options{Workers: 1, Supplied: func(p string) (report.Supplied, error) { return manifest.For(m, p) }}
	sum, err := Run(context.Background(), s, []string{dir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	// The manifest itself is no report and fails; the sidecar is skipped.
	if sum.Run.New != 2 {
		t.Fatalf("new %d, failures %+v", sum.Run.New, sum.Failures)
	}
	for _, want := range []struct {
		agency string
		year   int
		source string
	}{{"丽水市莲都区民政局", 2021, "url"}, {"缙云县民政局", 2020, "operator"}} { // the sidecar's name in its canonical form
		n := count(t, s, `SELECT count(*) FROM reports r JOIN report_identity i ON i.report_id = r.id
			WHERE r.agency = ? AND r.year = ? AND i.agency_source = 'operator' AND i.year_source = ?`, want.agency, want.year, want.source)
		if n != 1 {
			t.Errorf("no report of %s %d (year from %s, agency from the operator)", want.agency, want.year, want.source)
		}
	}
}
