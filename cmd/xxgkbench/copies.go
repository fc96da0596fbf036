package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/grade"
	"github.com/xxgk/xxgk/etl/load"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/synth"
	"github.com/xxgk/xxgk/queries"
)

// The copy-detection stage (issue 17): how many of the generator's copied
// reports the similarity query finds, how many genuine reports it flags
// wrongly, and how long it takes at national scale.
const (
	copyAgencies     = 2_000 // texts: 2,000 agencies × 2019–2023 at scale 1
	copyRate         = 0.1   // share of annual reports that are copies
	targetSimilarity = 60.0  // seconds for the similarity query at 100,000 reports
	copyFirstYear    = 2019
	copyLastYear     = 2023
)

// copies runs both parts: generated texts through the real pipeline (found
// and wrongly flagged), and fingerprints at 100,000 × scale (time).
func (b *bench) copies(ctx context.Context) {
	agencies := max(40, int(math.Round(copyAgencies*b.cfg.scale)))
	corpus := filepath.Join(b.cfg.work, fmt.Sprintf("copies-%d", agencies))
	labels := corpus + "-labels"
	if err := b.generateCopies(ctx, corpus, labels, agencies); err != nil {
		b.fail("generate copied reports", err)
	} else {
		db := filepath.Join(b.cfg.work, fmt.Sprintf("copies-%d.duckdb", agencies))
		files, _ := reportFiles(corpus)
		if b.ingest(ctx, fmt.Sprintf("ingest %s reports with copies", thousands(len(files))), corpus, db, false) {
			b.copiesFound(ctx, db, labels)
		}
	}
	n := max(1000, int(math.Round(fullReports*b.cfg.scale)))
	if b.cfg.similarityReports > 0 {
		n = b.cfg.similarityReports
	}
	b.similarityAtScale(ctx, n)
}

// generateCopies writes the copied-reports corpus with `xxgk gen --copies`
// unless a previous run left the same one, and moves its labels aside.
func (b *bench) generateCopies(ctx context.Context, corpus, labels string, agencies int) error {
	stamp := fmt.Sprintf("generator=%s agencies=%d years=%d-%d seed=%d copies=%g\n", synth.Version, agencies,
		copyFirstYear, copyLastYear, b.cfg.seed, copyRate)
	stampFile := filepath.Join(b.cfg.work, filepath.Base(corpus)+".stamp")
	if old, err := os.ReadFile(stampFile); err == nil && string(old) == stamp {
		b.add(row{stage: "generate copied reports", measured: "reused", note: corpus})
		return nil
	}
	os.Remove(stampFile)
	for _, d := range []string{corpus, labels} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
	}
	res := measure(ctx, nil, io.Discard, b.cfg.xxgk, "gen", "--agencies", strconv.Itoa(agencies),
		"--years", fmt.Sprintf("%d-%d", copyFirstYear, copyLastYear), "--seed", strconv.FormatUint(b.cfg.seed, 10),
		"--html", "--copies", strconv.FormatFloat(copyRate, 'g', -1, 64), "--out", corpus)
	if res.err != nil {
		return res.err
	}
	if err := os.MkdirAll(labels, 0o755); err != nil {
		return err
	}
	ents, err := os.ReadDir(corpus)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".json") {
			if err := os.Rename(filepath.Join(corpus, e.Name()), filepath.Join(labels, e.Name())); err != nil {
				return err
			}
		}
	}
	b.add(row{stage: "generate copied reports", measured: fmt.Sprintf("%.1f s", res.wall.Seconds()),
		note: fmt.Sprintf("%d agencies × %d–%d, `xxgk gen --copies %g`", agencies, copyFirstYear, copyLastYear, copyRate)})
	return os.WriteFile(stampFile, []byte(stamp), 0o644)
}

// truth is what the generator says about one report.
type truth struct {
	kind   string // "", synth.CopyPrevYear or synth.CopyPeer
	source string // the copied report's key (file stem or id)
}

// copyScore counts the similarity query's verdicts against the truth.
type copyScore struct {
	prev, peer           int // copies of each kind
	foundPrev, foundPeer int // flagged as such (a peer copy: with its source as the closest report)
	peerOtherSource      int // a peer copy flagged, the closest report not its source
	genuine, falseFlags  int // neither a copy nor copied from; flagged anyway
	sources, sourceFlags int // copied from by a peer: flagged as the copier (the dates could not tell)
	halfYear             int // not assessed
}

// score reads the similarity rows: key names a row by its report (file
// stem or id), the truth by the same keys.
func scoreCopies(res *queries.Result, key func(row map[string]any) string, truths map[string]truth) copyScore {
	var s copyScore
	sources := map[string]bool{}
	for _, t := range truths {
		if t.kind == synth.CopyPeer {
			sources[t.source] = true
		}
	}
	keyOf := map[string]string{} // report id → key
	var rs []map[string]any
	for _, r := range res.Rows {
		m := map[string]any{}
		for i, c := range res.Columns {
			m[c] = r[i]
		}
		keyOf[queries.Plain(m["report_id"])] = key(m)
		rs = append(rs, m)
	}
	for _, m := range rs {
		k := key(m)
		t, ok := truths[k]
		if !ok {
			continue
		}
		if m["period"] != "year" {
			s.halfYear++
			continue
		}
		prev, peer := m["copied_prev"] == true, m["copied_peer"] == true || m["shared_with_peer"] == true
		switch {
		case t.kind == synth.CopyPrevYear:
			s.prev++
			if prev {
				s.foundPrev++
			}
		case t.kind == synth.CopyPeer:
			s.peer++
			if peer && keyOf[queries.Plain(m["closest_report_id"])] == t.source {
				s.foundPeer++
			} else if peer {
				s.peerOtherSource++
			}
		case sources[k]:
			s.sources++
			if prev || peer {
				s.sourceFlags++
			}
		default:
			s.genuine++
			if prev || peer || m["copied_by_peer"] == true {
				s.falseFlags++
			}
		}
	}
	return s
}

func (b *bench) addScore(stage string, s copyScore, dur time.Duration, n int) {
	found := s.foundPrev + s.foundPeer
	copies := s.prev + s.peer
	b.add(row{stage: stage + ": copies found",
		measured: fmt.Sprintf("%d of %d (%.1f%%)", found, copies, pct(found, copies)),
		note: fmt.Sprintf("from last year %d of %d, from a peer %d of %d (%d more flagged with another closest report); similarity over %s reports in %.1f s",
			s.foundPrev, s.prev, s.foundPeer, s.peer, s.peerOtherSource, thousands(n), dur.Seconds())})
	b.add(row{stage: stage + ": wrong copy flags",
		measured: fmt.Sprintf("%d of %d (%.2f%%)", s.falseFlags, s.genuine, pct(s.falseFlags, s.genuine)),
		note: fmt.Sprintf("genuine annual reports flagged; of the %d reports a peer copied from, %d flagged as the copier (undated or same-day pages); %d half-year reports not assessed",
			s.sources, s.sourceFlags, s.halfYear)})
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// copiesFound runs the similarity query on the ingested copies corpus and
// scores it against the generator's labels.
func (b *bench) copiesFound(ctx context.Context, db, labelDir string) {
	stage := "copy detection, generated texts"
	labels, err := synth.ReadLabels(labelDir)
	if err != nil {
		b.fail(stage, err)
		return
	}
	truths := map[string]truth{}
	for stem, l := range labels {
		t := truth{}
		if l.Copy != nil {
			t = truth{kind: l.Copy.Kind, source: strings.TrimSuffix(l.Copy.FromFile, filepath.Ext(l.Copy.FromFile))}
		}
		truths[stem] = t
	}
	st, err := load.Open(ctx, db)
	if err != nil {
		b.fail(stage, err)
		return
	}
	defer st.Close()
	start := time.Now()
	res, err := queries.Run(ctx, st.DB(), "similarity", queries.Filter{})
	if err != nil {
		b.fail(stage, err)
		return
	}
	dur := time.Since(start)
	stem := func(m map[string]any) string {
		p := filepath.Base(queries.Plain(m["path"]))
		return strings.TrimSuffix(p, filepath.Ext(p))
	}
	b.addScore(stage, scoreCopies(res, stem, truths), dur, len(res.Rows))
}

// similarityAtScale fills a database with n reports' fingerprints (no
// texts: fillFingerprints) and times the similarity query on it, cold, as
// the cache refresh after an ingest computes it.
func (b *bench) similarityAtScale(ctx context.Context, n int) {
	stage := fmt.Sprintf("similarity, %s reports", thousands(n))
	db := filepath.Join(b.cfg.work, fmt.Sprintf("similarity-%d.duckdb", n))
	for _, f := range []string{db, db + ".wal"} {
		os.Remove(f)
	}
	st, err := load.Open(ctx, db)
	if err != nil {
		b.fail(stage, err)
		return
	}
	defer func() {
		st.Close()
		os.Remove(db)
		os.Remove(db + ".wal")
	}()
	fillStart := time.Now()
	truths, err := fillFingerprints(ctx, st, n, b.cfg.seed)
	if err != nil {
		b.fail(stage, err)
		return
	}
	fill := time.Since(fillStart)
	cpu0 := selfCPU()
	start := time.Now()
	res, err := queries.Run(ctx, st.DB(), "similarity", queries.Filter{})
	if err != nil {
		b.fail(stage, err)
		return
	}
	dur, cpu := time.Since(start), selfCPU()-cpu0
	target := targetSimilarity * float64(n) / fullReports
	b.add(row{stage: stage, measured: fmt.Sprintf("%.1f s", dur.Seconds()),
		target: fmt.Sprintf("≤ %.0f s at 100,000", targetSimilarity),
		vs:     versus(target/dur.Seconds(), dur.Seconds() <= target),
		note: fmt.Sprintf("the similarity query cold (common_sentences and stale_figures with it), %.1f CPU-s; fingerprints filled in %.1f s (fillFingerprints)",
			cpu.Seconds(), fill.Seconds())})
	b.addScore("copy detection, fingerprints", scoreCopies(res, func(m map[string]any) string { return queries.Plain(m["report_id"]) }, truths), dur, len(res.Rows))
}

// fillFingerprints stores n synthetic reports with fingerprints and no
// figures: n/10 agencies × 2014–2023 in 60 peer groups (3 levels × 20
// kinds), each report 20–40 sentences of which 6 are stock sentences
// shared by whole peer groups (a pool of 60 a year) and the rest its own;
// 5% copy 85% of the other's own sentences from the agency's previous
// report, 5% from a peer of the same year that is not a copy, published
// after it; a copy adds up to three sentences of its own.
// Sentences are random hashes: the fingerprints etl/grade would store
// (grade.MinHash is applied to them), without texts to extract.
func fillFingerprints(ctx context.Context, st *load.Store, n int, seed uint64) (map[string]truth, error) {
	const years, groups = 10, 60
	agencies := max(1, n/years/groups) * groups // whole peer groups
	r := rand.New(rand.NewPCG(seed, 0xf11e))
	levels := []string{"province", "city", "county"}
	type rep struct {
		own  []uint64
		copy bool
		pub  time.Time
	}
	byAY := map[[2]int]*rep{}
	truths := map[string]truth{}
	var reps []*report.Report
	id := func(a, y int) string { return fmt.Sprintf("fp%06d_%d", a, y) }
	for y := 2014; y < 2014+years; y++ {
		stock := make([]uint64, 60)
		for i := range stock {
			stock[i] = uint64(y)<<48 | uint64(i)
		}
		for a := 0; a < agencies; a++ {
			g := a % groups
			x := &rep{pub: time.Date(y+1, time.Month(1+r.IntN(3)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)}
			t := truth{}
			mine := 14 + r.IntN(20)
			switch c := r.Float64(); {
			case c < 0.05 && y > 2014:
				t = truth{kind: synth.CopyPrevYear, source: id(a, y-1)}
				for _, h := range byAY[[2]int{a, y - 1}].own {
					if r.Float64() < 0.85 {
						x.own = append(x.own, h)
					}
				}
			case c < 0.10:
				peer := g + groups*r.IntN(agencies/groups) // an agency of the same group
				if src := byAY[[2]int{peer, y}]; peer != a && src != nil && !src.copy {
					t = truth{kind: synth.CopyPeer, source: id(peer, y)}
					for _, h := range src.own {
						if r.Float64() < 0.85 {
							x.own = append(x.own, h)
						}
					}
					x.pub = src.pub.AddDate(0, 0, 1+r.IntN(20))
				}
			}
			x.copy = t.kind != ""
			if x.copy {
				mine = len(x.own) + r.IntN(4) // a copier adds a sentence or three of its own
			}
			for len(x.own) < mine {
				x.own = append(x.own, r.Uint64())
			}
			byAY[[2]int{a, y}] = x
			truths[id(a, y)] = t
			var sents []report.Sentence
			for i := 0; i < 6; i++ {
				sents = append(sents, report.Sentence{Hash: stock[(g+i*7)%len(stock)]})
			}
			for _, h := range x.own {
				sents = append(sents, report.Sentence{Hash: h})
			}
			for i := range sents {
				sents[i].Start, sents[i].End = i*100, i*100+90
			}
			reps = append(reps, &report.Report{ID: id(a, y), Path: id(a, y) + ".txt", Format: "txt", Size: 1,
				Identity: report.Identity{Agency: fmt.Sprintf("机关%06d", a), Level: levels[g%3], Year: y, Period: report.PeriodYear,
					Published: x.pub.Format("2006-01-02")},
				Form:  report.FormTable2021,
				Facts: &report.Facts{Version: grade.Version, Sentences: sents, MinHash: grade.MinHash(sents)}})
		}
	}
	// The kind of body comes from the name (load.AgencyKind): name the
	// peer groups' kinds by their agencies' names.
	kinds := []string{"司法局", "公安局", "财政局", "教育局", "统计局", "民政局", "审计局", "信访局", "商务局", "水利局",
		"林业局", "体育局", "档案局", "粮食局", "税务局", "人民政府", "卫生健康委员会", "住房和城乡建设局", "生态环境局", "交通运输局"}
	for i, x := range reps {
		x.Agency += kinds[(i%agencies%groups)/3%len(kinds)]
	}
	for from := 0; from < len(reps); from += 20_000 {
		to := min(len(reps), from+20_000)
		if err := st.Commit(ctx, &load.Batch{Reports: reps[from:to], Fresh: true}); err != nil {
			return nil, fmt.Errorf("fill fingerprints: %w", err)
		}
	}
	return truths, nil
}
