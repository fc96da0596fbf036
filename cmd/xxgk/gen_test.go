package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestGen(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	args := []string{"--agencies", "3", "--years", "2018-2021", "--seed", "4", "--html", "--out", dir}
	if err := runGen(context.Background(), &env{cmd: "gen", stdout: &out, stderr: &errOut}, args); err != nil {
		t.Fatalf("runGen(%v) = %v; stderr %s", args, err, errOut.String())
	}
	labels, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(labels) != 12 {
		t.Errorf("gen wrote %d labels, want 3 agencies × 4 years = 12", len(labels))
	}
	// The same flags give the same bytes.
	again := t.TempDir()
	args[len(args)-1] = again
	if err := runGen(context.Background(), &env{cmd: "gen", stdout: &out, stderr: &errOut}, args); err != nil {
		t.Fatal(err)
	}
	for _, l := range labels {
		a, _ := os.ReadFile(l)
		b, err := os.ReadFile(filepath.Join(again, filepath.Base(l)))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs with the same seed", filepath.Base(l))
		}
	}
}

// TestGenCopies: --copies writes copied reports, labelled, and says how
// many.
func TestGenCopies(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	args := []string{"--agencies", "20", "--years", "2019-2022", "--seed", "2", "--copies", "0.5", "--out", dir}
	if err := runGen(context.Background(), &env{cmd: "gen", stdout: &out, stderr: &errOut}, args); err != nil {
		t.Fatalf("runGen(%v) = %v; stderr %s", args, err, errOut.String())
	}
	labels, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	copied := 0
	for _, l := range labels {
		b, err := os.ReadFile(l)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(`"copy": {`)) {
			copied++
		}
	}
	if copied == 0 || !bytes.Contains(out.Bytes(), []byte(fmt.Sprintf("，%d 份照抄他人", copied))) {
		t.Errorf("gen --copies 0.5: %d labels with a copy; output %q", copied, out.String())
	}
}

func TestGenUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no out", []string{"--agencies", "2"}},
		{"bad years", []string{"--years", "2020-2010", "--out", "x"}},
		{"no agencies", []string{"--agencies", "0", "--out", "x"}},
		{"copies above 1", []string{"--copies", "1.5", "--out", "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := runGen(context.Background(), &env{cmd: "gen", stdout: &out, stderr: &errOut}, tc.args); !isUsage(err) {
				t.Errorf("runGen(%v) = %v, want a usage error", tc.args, err)
			}
		})
	}
}
