package chartstest

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/extract"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/read"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/validate"
)

// The report-quality fixture of the named queries (queries/grade_test.go),
// whose texts carry everything the quality section grades: 无锡市司法局
// 2022 repeats its 2021 text and is late, 苏州市司法局 2022 copies 常州市
// 司法局's, 南通市司法局 2022 has no date and no review table, 无锡市人民
// 政府 2021 is dated before its year ended.
const (
	// CopiedPrevAgency's 2022 report repeats its 2021 text, published late.
	CopiedPrevAgency = "无锡市司法局"
	// CopiedPeerAgency's 2022 report copies CopiedPeerSource's.
	CopiedPeerAgency = "苏州市司法局"
	// CopiedPeerSource wrote the text CopiedPeerAgency took.
	CopiedPeerSource = "常州市司法局"
	// IncompleteReportAgency's 2022 report has no review table and no date.
	IncompleteReportAgency = "南通市司法局"
)

// GradeDB reads the report-quality fixture texts of queries/testdata/grade
// through the real pipeline (etl/read, etl/extract with its grade facts,
// etl/load with the cross-year checks) into a fresh database.
func GradeDB(t testing.TB) *sql.DB {
	t.Helper()
	ctx := context.Background()
	dir, err := gradeDir()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("grade fixture texts in %s: %v (%d)", dir, err, len(paths))
	}
	var reps []*report.Report
	for _, p := range paths {
		doc, err := read.File(ctx, p, read.DefaultLimits())
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		r, err := extract.Document(doc)
		if err != nil {
			t.Fatalf("extract %s: %v", p, err)
		}
		r.Text = doc.Text // as ingest keeps it, for the source pages
		reps = append(reps, r)
	}
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "grade.duckdb"))
	if err != nil {
		t.Fatalf("load.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Commit(ctx, &load.Batch{Reports: reps, CrossYear: validate.CrossYear}); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return st.DB()
}

// gradeDir finds queries/testdata/grade/reports from the test's folder by
// walking up to the module root.
func gradeDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "queries", "testdata", "grade", "reports"), nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", os.ErrNotExist
		}
		dir = up
	}
}
