package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
)

// tableContents dumps the tables of a database that describe the data and
// its history, row by row in a stable order, leaving out what differs by
// the clock alone (ingest and error times, run times), the mtime that an
// exchange record does not carry, and seen_run (the run that last recorded
// a file's mtime: an ingest re-records it for a file written just before
// the run it was seen by, a load has no mtime to record).
func tableContents(t *testing.T, db string) map[string][]string {
	t.Helper()
	s, err := load.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := map[string][]string{}
	for name, q := range map[string]string{
		"reports":       `SELECT * EXCLUDE (ingested_at) FROM reports`,
		"metrics":       `SELECT * FROM metrics`,
		"checks":        `SELECT * FROM checks`,
		"files":         `SELECT * EXCLUDE (mtime_ns, seen_run) FROM files`,
		"ingest_errors": `SELECT * EXCLUDE ("at") FROM ingest_errors`,
		"changes":       `SELECT * FROM changes`,
		"runs":          `SELECT id, files_seen, new, changed, skipped, removed, failed FROM runs`,
	} {
		rows, err := s.DB().Query(q + ` ORDER BY ALL`)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}

// TestExtractLoadSameAsIngest: `extract --json --errors | load` gives the
// same database as `ingest` of the same files, a first time and after an
// edit, a new file and a failing one (compared table by table).
func TestExtractLoadSameAsIngest(t *testing.T) {
	in := reviewedCopy(t)
	os.WriteFile(filepath.Join(in, "notice.txt"), []byte("会议通知：明天上午九点开会。\n"), 0o644)
	dbs := t.TempDir()
	viaIngest, viaLoad := filepath.Join(dbs, "ingest.duckdb"), filepath.Join(dbs, "load.duckdb")
	step := func(label string) {
		t.Helper()
		if code, _, stderr := run(t, "ingest", "--db", viaIngest, in); code == exitFatal {
			t.Fatalf("%s: ingest: %s", label, stderr)
		}
		code, recs, stderr := run(t, "extract", "--json", "--errors", in)
		if code == exitFatal {
			t.Fatalf("%s: extract: %s", label, stderr)
		}
		jsonl := filepath.Join(t.TempDir(), "recs.jsonl")
		os.WriteFile(jsonl, []byte(recs), 0o644)
		if code, _, stderr := run(t, "load", jsonl, "--db", viaLoad); code == exitFatal {
			t.Fatalf("%s: load: %s", label, stderr)
		}
		a, b := tableContents(t, viaIngest), tableContents(t, viaLoad)
		for table, rows := range a {
			if len(rows) == 0 && table != "ingest_errors" {
				t.Errorf("%s: %s is empty", label, table)
			}
			if !slices.Equal(rows, b[table]) {
				t.Errorf("%s: table %s differs: ingest has %d rows, load %d; first difference:\n  ingest %s\n  load   %s",
					label, table, len(rows), len(b[table]), firstDiff(rows, b[table]), firstDiff(b[table], rows))
			}
		}
	}
	step("first run")
	// An edit (a changed report with its figure changes), a new file, and
	// the failing file unchanged (its error stays open, not reported again).
	samples, _ := filepath.Glob(filepath.Join(in, "0*.txt"))
	b, _ := os.ReadFile(samples[0])
	edited := strings.Replace(string(b), "13", "14", 1)
	os.WriteFile(samples[0], []byte(edited), 0o644)
	b2, _ := os.ReadFile(samples[1])
	os.WriteFile(filepath.Join(in, "new.txt"), append(b2, "（另一份）\n"...), 0o644)
	step("second run")
}

func firstDiff(a, b []string) string {
	for i, r := range a {
		if i >= len(b) || r != b[i] {
			return r
		}
	}
	return "(none)"
}

// TestLoadRefusesBadRecords: lines that are not records of this version are
// named and counted (exit 1); the rest is stored.
func TestLoadRefusesBadRecords(t *testing.T) {
	in := smallCorpus(t, 1)
	_, recs, _ := run(t, "extract", in)
	bad := strings.Join([]string{
		strings.TrimSpace(recs),
		`{"file":"x.txt","agency":"某局","year":2020}`,
		`not json`,
		strings.Replace(strings.TrimSpace(recs), `"parser_version":"`, `"parser_version":"old-`, 1),
	}, "\n") + "\n"
	jsonl := filepath.Join(t.TempDir(), "r.jsonl")
	os.WriteFile(jsonl, []byte(bad), 0o644)
	db := filepath.Join(t.TempDir(), "x.duckdb")
	code, out, stderr := run(t, "load", "--db", db, jsonl)
	if code != exitPartial || !strings.Contains(out, "新增 1，") || strings.Count(stderr, jsonl+":") != 3 {
		t.Errorf("load with 3 bad lines: exit %d\n%s%s", code, out, stderr)
	}
	for _, want := range []string{":2 is not", "not JSON", "parser version"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
