package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/xxgk/xxgk/charts/chartstest"
)

func TestExportCommand(t *testing.T) {
	st := chartstest.OpenStore(t)
	db := st.Path()
	if err := st.Close(); err != nil { // export opens the file itself
		t.Fatal(err)
	}
	dir := t.TempDir()
	agencyFile, compFile := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "c.xlsx")
	tests := []struct {
		name     string
		args     []string
		code     int
		wrote    string
		sheet    string // a sheet the written workbook has
		stderrIn string
	}{
		{"an agency's workbook", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--out", agencyFile}, exitOK, agencyFile, "同类机关", ""},
		{"the comparison workbook", []string{"export", "--db", db, "--out", compFile}, exitOK, compFile, "机关索引", ""},
		{"an unknown agency", []string{"export", "--db", db, "--agency", "没有这个机关", "--out", filepath.Join(dir, "x.xlsx")}, exitFatal, "", "", "there is no agency \"没有这个机关\""},
		{"an unknown format", []string{"export", "--db", db, "--agency", chartstest.PlainAgency, "--format", "ods"}, exitFatal, "", "", "--format \"ods\""},
		{"no database", []string{"export", "--db", filepath.Join(dir, "none.duckdb")}, exitFatal, "", "", "there is no database"},
		{"stray argument", []string{"export", "extra"}, exitFatal, "", "", `unexpected argument "extra"`},
		{"flags after a stray argument", []string{"export", "--db", db, "extra", "--agency", chartstest.PlainAgency}, exitFatal, "", "", `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := mainCode(tt.args, &stdout, &stderr); code != tt.code {
				t.Fatalf("xxgk %v = exit %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, stdout.String(), stderr.String())
			}
			if tt.stderrIn != "" && !strings.Contains(stderr.String(), tt.stderrIn) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrIn, stderr.String())
			}
			if tt.wrote == "" {
				return
			}
			if !strings.Contains(stdout.String(), tt.wrote) {
				t.Errorf("stdout lacks %s:\n%s", tt.wrote, stdout.String())
			}
			f, err := excelize.OpenFile(tt.wrote)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if idx, _ := f.GetSheetIndex(tt.sheet); idx < 0 {
				t.Errorf("%s lacks sheet %s: %v", tt.wrote, tt.sheet, f.GetSheetList())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); err == nil {
		t.Errorf("a file was written for an unknown agency")
	}
}
