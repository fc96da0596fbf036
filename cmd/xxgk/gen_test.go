package main

import (
	"bytes"
	"context"
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

func TestGenUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no out", []string{"--agencies", "2"}},
		{"bad years", []string{"--years", "2020-2010", "--out", "x"}},
		{"no agencies", []string{"--agencies", "0", "--out", "x"}},
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
