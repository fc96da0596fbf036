package queries_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/queries"
)

// TestPeersLeaveOutExcludedAgencies: an agency whose name does not say
// where it is (市司法局) or that was never identified (未识别机关:FILE) is in
// no peer group, so it takes no peer rank and moves no one else's: the
// rule of the site's overview (kinds.Exclusion), through the stored kind of
// body. Its own value still has a row, without peer statistics.
func TestPeersLeaveOutExcludedAgencies(t *testing.T) {
	ctx := context.Background()
	st, err := load.Open(ctx, filepath.Join(t.TempDir(), "peers.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	received := func(id string, who ident, v float64) *report.Report {
		return rep(id, who, 2021, report.PeriodYear, report.FormTable2021, "2022-01-10", fig("apps_new.total", v))
	}
	incomplete := ident{"市司法局", "city", "", ""}
	unidentified := ident{"未识别机关:甲市司法局2021.txt", "city", "", ""}
	reps := []*report.Report{
		received("a1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", jia, 80),
		received("b1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1", yi, 10),
		received("d1ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd1", ding, 100),
		// Both would outrank every real peer.
		received("f1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff1", incomplete, 5000),
		received("f2fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff2", unidentified, 4000),
	}
	if err := st.SaveReports(ctx, reps); err != nil {
		t.Fatal(err)
	}
	res, err := queries.Run(ctx, st.DB(), "peers", queries.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		agency             string
		peerGroup          any
		peerRank, peerN    any
		peerMedian, pctile any
	}{
		{"丁市司法局", "city·司法局", 1, 3, 80.0, 100.0},
		{"甲市司法局", "city·司法局", 2, 3, 80.0, 50.0},
		{"乙市司法局", "city·司法局", 3, 3, 80.0, 0.0},
		{incomplete.agency, nil, nil, nil, nil, nil},
		{unidentified.agency, nil, nil, nil, nil, nil},
	} {
		got := rows(res, map[string]any{"agency": tt.agency, "metric": "received"})
		if len(got) != 1 {
			t.Errorf("%s: %d rows of received, want 1", tt.agency, len(got))
			continue
		}
		r := got[0]
		for col, want := range map[string]any{"peer_group": tt.peerGroup, "peer_rank": tt.peerRank, "peer_n": tt.peerN,
			"peer_median": tt.peerMedian, "percentile": tt.pctile} {
			if queries.Text(r[col]) != queries.Text(want) {
				t.Errorf("%s: %s = %v, want %v", tt.agency, col, r[col], want)
			}
		}
	}
}
