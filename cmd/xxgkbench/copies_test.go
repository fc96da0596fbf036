package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/queries"
)

// TestFingerprintCopiesFound: on filled fingerprints the similarity query
// finds the copies (a copy keeps 85% of its source's own sentences) and
// flags no genuine report, and scoreCopies counts them so.
func TestFingerprintCopiesFound(t *testing.T) {
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "fp.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	truths, err := fillFingerprints(ctx, st, 1200, 3)
	if err != nil {
		t.Fatal(err)
	}
	res, err := queries.Run(ctx, st.DB(), "similarity", queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	s := scoreCopies(res, func(m map[string]any) string { return queries.Plain(m["report_id"]) }, truths)
	if s.prev == 0 || s.peer == 0 || s.genuine < 1000 {
		t.Fatalf("score %+v: want copies of both kinds and genuine reports", s)
	}
	if s.foundPrev < s.prev*95/100 || s.foundPeer < s.peer*95/100 || s.falseFlags > 0 || s.sourceFlags > 0 {
		t.Errorf("score %+v: want ≥ 95%% of copies found, no wrong flags", s)
	}
}
