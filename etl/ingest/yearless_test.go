package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
)

// yearless is a report of our own that prints no year anywhere: no title
// year, no statistics period, no date.
const yearless = "某县交通运输局政府信息公开工作年度报告\n一、总体情况\n本年度，我局在门户网站主动公开政府信息36条，" +
	"共收到政府信息公开申请3件，均已按时答复。\n二、行政复议和行政诉讼\n未发生行政复议和行政诉讼案件。\n"

// TestYearlessReportIsNotStored: ingest records an error naming the file and
// what would give the year, stores no report (never year 0), and stores it
// once a sidecar gives the year, closing the error.
func TestYearlessReportIsNotStored(t *testing.T) {
	s := openStore(t)
	dir := t.TempDir()
	p := filepath.Join(dir, "jtj.txt")
	if err := os.WriteFile(p, []byte(yearless), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	sum, warns := ingest(t, s, []string{p}, read.DefaultLimits())
	if sum.Run.Failed != 1 || sum.Run.New != 0 || len(warns) != 1 {
		t.Fatalf("run %+v, warnings %+v; want the file failed and nothing stored", sum.Run, warns)
	}
	w := warns[0]
	for _, want := range []string{p, "no year", "--manifest", "jtj.meta.json"} {
		if !strings.Contains(w.Msg, want) {
			t.Errorf("warning %q does not say %q", w.Msg, want)
		}
	}
	if w.Stage != string(report.StageIdentify) {
		t.Errorf("stage %q, want identify", w.Stage)
	}
	if n := count(t, s, `SELECT count(*) FROM reports`); n != 0 {
		t.Errorf("%d reports stored, want none", n)
	}
	if n := count(t, s, `SELECT count(*) FROM ingest_errors WHERE path = ? AND NOT resolved`, p); n != 1 {
		t.Errorf("%d open error rows, want 1", n)
	}

	// The operator gives the year: the unchanged file is read again.
	if err := os.WriteFile(filepath.Join(dir, "jtj.meta.json"), []byte(`{"year": 2021}`), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, warns = ingest(t, s, []string{p}, read.DefaultLimits())
	if sum.Run.New != 1 || sum.Run.Failed != 0 {
		t.Fatalf("after the sidecar: run %+v, warnings %+v; want it stored", sum.Run, warns)
	}
	if n := count(t, s, `SELECT count(*) FROM reports WHERE year = 2021`); n != 1 {
		t.Errorf("%d reports of 2021, want 1", n)
	}
	if n := count(t, s, `SELECT count(*) FROM ingest_errors WHERE path = ? AND NOT resolved`, p); n != 0 {
		t.Errorf("%d open error rows after the sidecar, want 0", n)
	}
	if n := count(t, s, `SELECT count(*) FROM reports WHERE year = 0 OR year IS NULL`); n != 0 {
		t.Errorf("%d reports without a year stored", n)
	}
}

// TestLoadRefusesYearlessRecord: `xxgk load` of the record extract prints
// for a year-less report (year null) records the error ingest would, and
// stores nothing; a null year that does not say it is unknown is not a
// record at all; the store itself refuses a report without a year.
func TestLoadRefusesYearlessRecord(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "jtj.txt")
	if err := os.WriteFile(p, []byte(yearless), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := read.File(context.Background(), p, read.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	rep, err := extract.Document(doc)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep.ToRecord())
	if err != nil {
		t.Fatal(err)
	}
	var good, bad report.Record
	if err := json.Unmarshal(b, &good); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &bad)
	bad.Path, bad.YearSource = filepath.Join(dir, "other.txt"), report.SourceTitle
	s := openStore(t)
	var logs strings.Builder
	opt := Options{Log: slog.New(slog.NewTextHandler(&logs, nil))}
	sum, err := Load(context.Background(), s, slices.Values([]Input{
		{Record: &good, Where: "a.jsonl:1"}, {Record: &bad, Where: "a.jsonl:2"}}), opt)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Run.Failed != 1 || sum.Run.New != 0 || sum.Rejected != 1 {
		t.Errorf("load %+v, rejected %d; want one failed, one rejected, none stored\n%s", sum.Run, sum.Rejected, logs.String())
	}
	if !strings.Contains(logs.String(), "no year") || !strings.Contains(logs.String(), p) {
		t.Errorf("log does not name the file and the missing year:\n%s", logs.String())
	}
	if n := count(t, s, `SELECT count(*) FROM reports`); n != 0 {
		t.Errorf("%d reports stored, want none", n)
	}
	if err := s.SaveReports(context.Background(), []*report.Report{rep}); !errors.Is(err, report.ErrNoYear) {
		t.Errorf("SaveReports of a year-less report: %v, want ErrNoYear", err)
	}
}
