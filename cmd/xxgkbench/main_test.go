package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestQueryNames(t *testing.T) {
	list := "crosswalk\tlegacy → 2019 crosswalk\nyoy: year over year\n\n  continued description\nNAME  header\npeer_groups\tpeers\n"
	got := queryNames(list)
	want := []string{"crosswalk", "yoy", "peer_groups"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("queryNames = %q, want %q", got, want)
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {100000, "100,000"}, {1234567, "1,234,567"}}
	for _, tc := range tests {
		if got := thousands(tc.n); got != tc.want {
			t.Errorf("thousands(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{{"abc", 3}, {"司法局", 6}, {"≥ 5", 3}, {"a司", 3}}
	for _, tc := range tests {
		if got := width(tc.s); got != tc.want {
			t.Errorf("width(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestLinkAgencies(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "build")
	for _, f := range []string{"a000000_2020.txt", "a000001_2020.html", "a000002_2020.txt", "notes.json"} {
		if err := os.WriteFile(filepath.Join(src, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := linkAgencies(src, dst, 2); err != nil {
		t.Fatal(err)
	}
	got, err := reportFiles(dst)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i] = filepath.Base(got[i])
	}
	if want := []string{"a000000_2020.txt", "a000001_2020.html"}; !reflect.DeepEqual(got, want) {
		t.Errorf("linkAgencies(2) gave %q, want %q", got, want)
	}
}

func TestSiteTime(t *testing.T) {
	for _, tt := range []struct {
		line string
		want float64
		ok   bool
	}{
		{"xxgk build：查询用时 140 毫秒，网站 265 毫秒，工作簿 462 毫秒\n", 0.265, true},
		{"xxgk build：查询用时 1.2 秒，网站 12.5 秒，工作簿 3.0 秒\n", 12.5, true},
		{"xxgk build：查询用时 3 分 2 秒，网站 2 分 5 秒，工作簿 1 分 0 秒\n", 125, true},
		{"xxgk build：查询用时 140 毫秒\n", 0, false},
	} {
		if got, ok := siteTime(tt.line); ok != tt.ok || got != tt.want {
			t.Errorf("siteTime(%q) = %v, %v; want %v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}
