package charts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"

	"github.com/xxgk/xxgk/queries"
)

// siteQueries are the named queries the site reads whole. It also reads
// queries.SourcesQuery, a batch of agencies at a time (see writeSite).
var siteQueries = []string{"harmonised", "rates", "peers", "trust", "failed_checks", "crosswalk", "coverage", "conflicts"}

// Queries returns the names of the named queries the site reads whole
// (with an empty filter), so a caller building several outputs can run
// each once and share the results (see BuildWith).
func Queries() []string { return slices.Clone(siteQueries) }

// QueryFunc runs one named query with a filter. Build uses queries.Run;
// BuildWith takes any QueryFunc, such as one that shares results with the
// workbooks.
type QueryFunc = queries.RunFunc

// siteData is everything the pages show, grouped by agency.
type siteData struct {
	years     []int // years with annual figures, ascending
	agencies  []*agency
	byName    map[string]*agency
	rateNames []string
	allRates  map[string]map[int]rateCell // rate → year → all agencies together
	failed    []failedCheck
	crosswalk *queries.Table
	coverage  *queries.Table
	conflicts *queries.Table
	trust     []trustRow
}

// figure is one harmonised annual figure of an agency.
type figure struct {
	value  *float64 // nil when printed blank or not applicable
	approx bool
	form   string
}

// rateCell is one ratio with the counts it was computed from.
type rateCell struct {
	value       *float64
	numerator   *float64
	denominator *float64
}

type agency struct {
	queries.Agency
	ID string // stable file stem of the agency page

	figures map[string]map[int]figure   // metric → year → figure (annual reports)
	rates   map[string]map[int]rateCell // rate → year → ratio
	trust   []trustRow
	peers   []peerRow
	sources []sourceRow
	failed  []failedCheck
}

// value returns the agency's annual figure for metric in year, if printed.
func (a *agency) value(metric string, year int) *float64 {
	return a.figures[metric][year].value
}

type trustRow struct {
	Agency                            string
	Year                              int
	Period                            string
	Total, Pass, Fail, NA             int
	PassShare, BlankShare, TrustScore *float64
}

type peerRow struct {
	Metric, PeerGroup    string
	Year                 int
	Value, Median, Pctl  *float64
	Rank, PeerRank, Peer int
	Outlier              bool
}

type sourceRow struct {
	Year                             int
	Period, Key, Kind, Source, Table string
	Row, Col, Text, Rule, Path       string
	Value                            *float64
	Approx                           bool
}

type failedCheck struct {
	Agency, ReportID, Path, Rule, Scope, Detail string
	Year                                        int
	Expected, Actual                            *float64
	Superseded                                  bool // from a report a later one replaced
}

// agencyID is the stable, path-safe stem of an agency's page. A hash, not
// the name, so untrusted names never become paths.
func agencyID(name string) string {
	h := sha256.Sum256([]byte(name))
	return hex.EncodeToString(h[:6])
}

// loadSources reads the sources of a batch of agencies into them.
func (d *siteData) loadSources(ctx context.Context, run QueryFunc, batch []*agency) error {
	names := make([]string, len(batch))
	for i, a := range batch {
		names[i] = a.Name
	}
	s, err := queries.LoadSources(ctx, run, names)
	if err != nil {
		return err
	}
	for _, row := range s.Rows() {
		a := d.byName[s.Str(row, "agency")]
		if a == nil {
			continue // an agency with sources but no figure, check or trust row
		}
		a.sources = append(a.sources, sourceRow{Year: s.Int(row, "year"), Period: s.Str(row, "period"), Key: s.Str(row, "key"),
			Kind: s.Str(row, "kind"), Source: s.Str(row, "source"), Table: s.Str(row, "tbl"), Row: s.Str(row, "row_label"),
			Col: s.Str(row, "col_label"), Text: s.Str(row, "provenance"), Rule: s.Str(row, "rule"), Path: s.Str(row, "path"),
			Value: s.OptNum(row, "value"), Approx: s.Bool(row, "approx")})
	}
	return nil
}

func loadSite(ctx context.Context, run QueryFunc) (*siteData, error) {
	res, err := queries.LoadTables(ctx, run, siteQueries)
	if err != nil {
		return nil, fmt.Errorf("load site data: %w", err)
	}
	d := &siteData{byName: map[string]*agency{}, allRates: map[string]map[int]rateCell{}, crosswalk: res["crosswalk"], coverage: res["coverage"], conflicts: res["conflicts"]}
	get := func(t *queries.Table, row []any) *agency {
		name := t.Str(row, "agency")
		a := d.byName[name]
		if a == nil {
			a = &agency{Agency: queries.Agency{Name: name}, ID: agencyID(name), figures: map[string]map[int]figure{}, rates: map[string]map[int]rateCell{}}
			d.byName[name] = a
		}
		t.FillAgency(row, &a.Agency)
		return a
	}
	years := map[int]bool{}
	h := res["harmonised"]
	for _, row := range h.Rows() {
		if !queries.Annual(h.Str(row, "period")) {
			continue
		}
		a := get(h, row)
		m, y := h.Str(row, "metric"), h.Int(row, "year")
		if a.figures[m] == nil {
			a.figures[m] = map[int]figure{}
		}
		a.figures[m][y] = figure{value: h.OptNum(row, "value"), approx: h.Bool(row, "approx"), form: h.Str(row, "form")}
		years[y] = true
	}
	rates := map[string]bool{}
	r := res["rates"]
	for _, row := range r.Rows() {
		if !queries.Annual(r.Str(row, "period")) {
			continue
		}
		switch r.Str(row, "scope") {
		case "all":
			// All agencies together, recomputed by the query from summed counts.
			name, y := r.Str(row, "rate"), r.Int(row, "year")
			if d.allRates[name] == nil {
				d.allRates[name] = map[int]rateCell{}
			}
			d.allRates[name][y] = rateCell{value: r.OptNum(row, "value"), numerator: r.OptNum(row, "numerator"), denominator: r.OptNum(row, "denominator")}
			continue
		case "agency", "":
		default:
			continue // peer-group aggregates are shown through the peers query
		}
		if r.Str(row, "agency") == "" {
			continue
		}
		a := get(r, row)
		name, y := r.Str(row, "rate"), r.Int(row, "year")
		if a.rates[name] == nil {
			a.rates[name] = map[int]rateCell{}
		}
		a.rates[name][y] = rateCell{value: r.OptNum(row, "value"), numerator: r.OptNum(row, "numerator"),
			denominator: r.OptNum(row, "denominator")}
		rates[name] = true
		years[y] = true
	}
	p := res["peers"]
	for _, row := range p.Rows() {
		a := get(p, row)
		a.peers = append(a.peers, peerRow{Metric: p.Str(row, "metric"), PeerGroup: p.Str(row, "peer_group"), Year: p.Int(row, "year"),
			Value: p.OptNum(row, "value"), Median: p.OptNum(row, "peer_median"), Pctl: p.OptNum(row, "percentile"),
			Rank: p.Int(row, "rank"), PeerRank: p.Int(row, "peer_rank"), Peer: p.Int(row, "peer_n"), Outlier: p.Bool(row, "outlier")})
	}
	t := res["trust"]
	for _, row := range t.Rows() {
		a := get(t, row)
		tr := trustRow{Agency: a.Name, Year: t.Int(row, "year"), Period: t.Str(row, "period"),
			Total: t.Int(row, "checks_total"), Pass: t.Int(row, "checks_pass"), Fail: t.Int(row, "checks_fail"), NA: t.Int(row, "checks_na"),
			PassShare: t.OptNum(row, "pass_share"), BlankShare: t.OptNum(row, "blank_share"), TrustScore: t.OptNum(row, "trust_score")}
		a.trust = append(a.trust, tr)
		d.trust = append(d.trust, tr)
	}
	f := res["failed_checks"]
	for _, row := range f.Rows() {
		a := get(f, row)
		fc := failedCheck{Agency: a.Name, ReportID: f.Str(row, "report_id"), Path: f.Str(row, "path"), Rule: f.Str(row, "rule"),
			Scope: f.Str(row, "scope"), Detail: f.Str(row, "detail"), Year: f.Int(row, "year"),
			Expected: f.OptNum(row, "expected"), Actual: f.OptNum(row, "actual")}
		if f.Has("preferred") && !f.Bool(row, "preferred") {
			fc.Superseded = true
		}
		a.failed = append(a.failed, fc)
		d.failed = append(d.failed, fc)
	}
	for _, a := range d.byName {
		d.agencies = append(d.agencies, a)
	}
	sort.Slice(d.agencies, func(i, j int) bool { return d.agencies[i].Name < d.agencies[j].Name })
	for y := range years {
		d.years = append(d.years, y)
	}
	slices.Sort(d.years)
	for n := range rates {
		d.rateNames = append(d.rateNames, n)
	}
	slices.Sort(d.rateNames)
	return d, nil
}

// rankingYear picks the year to rank agencies on: the year in which the
// most agencies have a figure for metric, the later year on a tie. The last
// year alone is often reported by a handful of agencies early on.
func (d *siteData) rankingYear(metric string) (int, bool) {
	return bestYear(d.years, func(y int) int {
		n := 0
		for _, a := range d.agencies {
			if a.value(metric, y) != nil {
				n++
			}
		}
		return n
	})
}

// rateYear is rankingYear for a ratio, counting agencies with a ratio.
func (d *siteData) rateYear(r string) (int, bool) {
	return bestYear(d.years, func(y int) int {
		n := 0
		for _, a := range d.agencies {
			if c, ok := a.rates[r][y]; ok && c.value != nil {
				n++
			}
		}
		return n
	})
}

func bestYear(years []int, count func(int) int) (int, bool) {
	best, bestN := 0, 0
	for _, y := range years {
		if n := count(y); n > 0 && n >= bestN {
			best, bestN = y, n
		}
	}
	return best, bestN > 0
}

// displayName shows an agency; a report whose agency was not recognised
// has an empty name.
func displayName(name string) string {
	if name == "" {
		return "（未识别机关）"
	}
	return name
}
