package synth

import (
	"math/rand/v2"
	"strings"
	"time"
)

// Copied reports. Reviews of these reports find many largely repeated
// from the agency's report of the year before, or taken from another
// agency's. With Options.CopyRate > 0 a controlled share of the annual
// reports is such a copy: half of them print the paragraphs of prose of
// the same agency's previous annual report, the other half those of
// another agency of the same level and kind (its peer group) for the same
// year, each paragraph kept with probability copyKeep (the rest written
// afresh, as a copier edits). Everything else is the copier's own: its
// name, its figures in the tables and in the sentences that state them,
// its layout. The label says which report a copy was taken from (Copy).
//
// A copy draws from the agency's random stream exactly what the genuine
// report would have drawn, and prints the source's paragraphs instead of
// its own, so an agency's other reports are the same whether or not one
// of its years is a copy, and a source's paragraphs can be regenerated.
// A report taken from another agency is dated after the one it was taken
// from. Half-year reports are never copies nor copied.

// copyKeep is the chance that a copy keeps each paragraph of its source.
const copyKeep = 0.85

// The kinds of copy of CopyLabel.Kind.
const (
	CopyPrevYear = "prev_year" // the same agency's report of the year before
	CopyPeer     = "peer"      // another agency of the peer group, same year
)

// CopyLabel says what a copied report was copied from.
type CopyLabel struct {
	Kind       string `json:"kind"`        // prev_year or peer
	FromAgency string `json:"from_agency"` // the source's agency, as labelled
	FromYear   int    `json:"from_year"`
	FromFile   string `json:"from_file"` // the source's file name
	Kept       int    `json:"kept"`      // paragraphs of the source printed
	Paragraphs int    `json:"paragraphs"`
}

// copyPlan decides which reports of a corpus are copies. It is a pure
// function of the seed, the agency and the year, so every worker decides
// alike without talking to the others.
type copyPlan struct {
	seed   uint64
	rate   float64
	peers  map[[2]string][]Agency // level, kind → agencies, in index order
	years  []int
	layout Options // the options the sources were generated with
}

func newCopyPlan(agencies []Agency, years []int, opt Options) *copyPlan {
	p := &copyPlan{seed: opt.Seed, rate: opt.CopyRate, peers: map[[2]string][]Agency{}, years: years, layout: opt}
	p.layout.copies = nil
	for _, a := range agencies {
		p.peers[peerKey(a)] = append(p.peers[peerKey(a)], a)
	}
	return p
}

// peerKey is an agency's peer group: its level and kind of body, a street
// office apart from the township governments it is generated with.
func peerKey(a Agency) [2]string {
	if strings.HasSuffix(a.Name, "办事处") {
		return [2]string{a.Level, "街道办事处"}
	}
	return [2]string{a.Level, a.Kind}
}

// stream is the random stream of one agency-year's copy decision, apart
// from the agency's own stream.
func (p *copyPlan) stream(a Agency, year int) *rand.Rand {
	return rand.New(rand.NewPCG(p.seed^0xc0b1ed, uint64(a.Index)<<16|uint64(year)))
}

// kind is the kind of copy a's report for year is, "" for none.
func (p *copyPlan) kind(a Agency, year int) string {
	x := p.stream(a, year).Float64()
	switch {
	case x < p.rate/2:
		return CopyPrevYear
	case x < p.rate:
		return CopyPeer
	}
	return ""
}

// source is what a copy prints from: the paragraphs of its source, which
// it takes in order, and the source's identity for the label.
type source struct {
	label      CopyLabel
	paragraphs []string
	next       int
	keep       *rand.Rand
	notBefore  string // the source's publication date: a copy is dated after it
}

// paragraph returns the paragraph a copy prints in place of fresh: the
// source's next one, most of the time.
func (s *source) paragraph(fresh string) string {
	s.label.Paragraphs++
	if s.next >= len(s.paragraphs) {
		return fresh
	}
	p := s.paragraphs[s.next]
	s.next++
	if s.keep.Float64() >= copyKeep {
		return fresh
	}
	s.label.Kept++
	return p
}

// source is the report a's report for year copies from, nil when it is
// no copy (or p is nil: no copies). prev is a's report of the year before
// in the series, nil for its first.
func (p *copyPlan) source(a Agency, year int, prev *Doc) *source {
	if p == nil {
		return nil
	}
	switch p.kind(a, year) {
	case CopyPrevYear:
		if prev == nil || prev.Label.Year != year-1 || prev.Label.Period != "year" || len(prev.fills) == 0 {
			return nil
		}
		return &source{
			label:      CopyLabel{Kind: CopyPrevYear, FromAgency: prev.Label.Agency, FromYear: year - 1, FromFile: prev.Name},
			paragraphs: prev.fills, keep: p.stream(a, year+10000),
		}
	case CopyPeer:
		return p.peerSource(a, year)
	}
	return nil
}

// peerSource finds the report a's report for year copies from another
// agency of its peer group: an annual report of that year that is not a
// copy itself. Its paragraphs are regenerated from its own series. nil
// when the peer group has no such report.
func (p *copyPlan) peerSource(a Agency, year int) *source {
	group := p.peers[peerKey(a)]
	if len(group) < 2 {
		return nil
	}
	r := p.stream(a, year)
	r.Float64() // the decision's draw
	var upTo []int
	for _, y := range p.years {
		if y <= year {
			upTo = append(upTo, y)
		}
	}
	for try := 0; try < 5; try++ {
		b := group[r.IntN(len(group))]
		if b.Index == a.Index || p.kind(b, year) != "" {
			continue
		}
		docs := Series(b, upTo, p.layout)
		d := docs[len(docs)-1]
		if d.Label.Period != "year" || len(d.fills) == 0 {
			continue
		}
		return &source{
			label:      CopyLabel{Kind: CopyPeer, FromAgency: b.Label, FromYear: year, FromFile: d.Name},
			paragraphs: d.fills, keep: p.stream(a, year+10000), notBefore: d.Label.Published,
		}
	}
	return nil
}

// after returns a publication date later than notBefore by a few days
// (derived from date, so no draw is spent), or date when it is later
// already or either is unknown.
func after(date, notBefore string) string {
	d, err1 := time.Parse("2006-01-02", date)
	nb, err2 := time.Parse("2006-01-02", notBefore)
	if err1 != nil || err2 != nil || d.After(nb) {
		return date
	}
	return nb.AddDate(0, 0, 1+d.Day()%20).Format("2006-01-02")
}
