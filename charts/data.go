package charts

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"

	"github.com/xxgk/xxgk/queries"
)

// siteQueries are the named queries the site reads whole. It also reads
// sourcesQuery, a batch of agencies at a time (see writeSite).
var siteQueries = []string{"harmonised", "rates", "peers", "trust", "failed_checks", "crosswalk", "coverage", "conflicts"}

// sourcesQuery lists every printed cell; at 3,000 agencies it is a million
// rows, so it is read for a batch of agencies at a time and let go.
const sourcesQuery = "sources"

// sourceBatch is how many agencies' sources are held at once.
const sourceBatch = 200

// Queries returns the names of the named queries the site reads whole
// (with an empty filter), so a caller building several outputs can run
// each once and share the results (see BuildWith).
func Queries() []string { return slices.Clone(siteQueries) }

// QueryFunc runs one named query with a filter. Build uses queries.Run;
// BuildWith takes any QueryFunc, such as one that shares results with the
// workbooks.
type QueryFunc func(ctx context.Context, name string, f queries.Filter) (*queries.Result, error)

type runner = QueryFunc

func dbRunner(db *sql.DB) runner {
	return func(ctx context.Context, name string, f queries.Filter) (*queries.Result, error) {
		return queries.Run(ctx, db, name, f)
	}
}

// siteData is everything the pages show, grouped by agency.
type siteData struct {
	years     []int // years with annual figures, ascending
	agencies  []*agency
	byName    map[string]*agency
	rateNames []string
	allRates  map[string]map[int]rateCell // rate → year → all agencies together
	failed    []failedCheck
	crosswalk *table
	coverage  *table
	conflicts *table
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
	Name     string
	Kind     string
	Level    string
	Province string
	City     string
	ID       string // stable file stem of the agency page

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
func (d *siteData) loadSources(ctx context.Context, run runner, batch []*agency) error {
	names := make([]string, len(batch))
	for i, a := range batch {
		names[i] = a.Name
	}
	r, err := run(ctx, sourcesQuery, queries.Filter{Agencies: names})
	if err != nil {
		return fmt.Errorf("load sources: %w", err)
	}
	s := newTable(sourcesQuery, r)
	for _, row := range s.rows() {
		a := d.byName[s.str(row, "agency")]
		if a == nil {
			continue // an agency with sources but no figure, check or trust row
		}
		a.sources = append(a.sources, sourceRow{Year: s.int(row, "year"), Period: s.str(row, "period"), Key: s.str(row, "key"),
			Kind: s.str(row, "kind"), Source: s.str(row, "source"), Table: s.str(row, "tbl"), Row: s.str(row, "row_label"),
			Col: s.str(row, "col_label"), Text: s.str(row, "provenance"), Rule: s.str(row, "rule"), Path: s.str(row, "path"),
			Value: s.optNum(row, "value"), Approx: s.bool(row, "approx")})
	}
	return nil
}

func loadSite(ctx context.Context, run runner) (*siteData, error) {
	res := map[string]*table{}
	for _, name := range siteQueries {
		r, err := run(ctx, name, queries.Filter{})
		if err != nil {
			return nil, fmt.Errorf("load site data: %w", err)
		}
		res[name] = newTable(name, r)
	}
	d := &siteData{byName: map[string]*agency{}, allRates: map[string]map[int]rateCell{}, crosswalk: res["crosswalk"], coverage: res["coverage"], conflicts: res["conflicts"]}
	get := func(t *table, row []any) *agency {
		name := t.str(row, "agency")
		a := d.byName[name]
		if a == nil {
			a = &agency{Name: name, ID: agencyID(name), figures: map[string]map[int]figure{}, rates: map[string]map[int]rateCell{}}
			d.byName[name] = a
		}
		if a.Kind == "" {
			a.Kind = t.str(row, "agency_kind")
		}
		if a.Level == "" {
			a.Level = t.str(row, "level")
		}
		if a.Province == "" {
			a.Province = t.str(row, "province")
		}
		if a.City == "" {
			a.City = t.str(row, "city")
		}
		return a
	}
	years := map[int]bool{}
	h := res["harmonised"]
	for _, row := range h.rows() {
		if !annual(h.str(row, "period")) {
			continue
		}
		a := get(h, row)
		m, y := h.str(row, "metric"), h.int(row, "year")
		if a.figures[m] == nil {
			a.figures[m] = map[int]figure{}
		}
		a.figures[m][y] = figure{value: h.optNum(row, "value"), approx: h.bool(row, "approx"), form: h.str(row, "form")}
		years[y] = true
	}
	rates := map[string]bool{}
	r := res["rates"]
	for _, row := range r.rows() {
		if !annual(r.str(row, "period")) {
			continue
		}
		switch r.str(row, "scope") {
		case "all":
			// All agencies together, recomputed by the query from summed counts.
			name, y := r.str(row, "rate"), r.int(row, "year")
			if d.allRates[name] == nil {
				d.allRates[name] = map[int]rateCell{}
			}
			d.allRates[name][y] = rateCell{value: r.optNum(row, "value"), numerator: r.optNum(row, "numerator"), denominator: r.optNum(row, "denominator")}
			continue
		case "agency", "":
		default:
			continue // peer-group aggregates are shown through the peers query
		}
		if r.str(row, "agency") == "" {
			continue
		}
		a := get(r, row)
		name, y := r.str(row, "rate"), r.int(row, "year")
		if a.rates[name] == nil {
			a.rates[name] = map[int]rateCell{}
		}
		a.rates[name][y] = rateCell{value: r.optNum(row, "value"), numerator: r.optNum(row, "numerator"),
			denominator: r.optNum(row, "denominator")}
		rates[name] = true
		years[y] = true
	}
	p := res["peers"]
	for _, row := range p.rows() {
		a := get(p, row)
		a.peers = append(a.peers, peerRow{Metric: p.str(row, "metric"), PeerGroup: p.str(row, "peer_group"), Year: p.int(row, "year"),
			Value: p.optNum(row, "value"), Median: p.optNum(row, "peer_median"), Pctl: p.optNum(row, "percentile"),
			Rank: p.int(row, "rank"), PeerRank: p.int(row, "peer_rank"), Peer: p.int(row, "peer_n"), Outlier: p.bool(row, "outlier")})
	}
	t := res["trust"]
	for _, row := range t.rows() {
		a := get(t, row)
		tr := trustRow{Agency: a.Name, Year: t.int(row, "year"), Period: t.str(row, "period"),
			Total: t.int(row, "checks_total"), Pass: t.int(row, "checks_pass"), Fail: t.int(row, "checks_fail"), NA: t.int(row, "checks_na"),
			PassShare: t.optNum(row, "pass_share"), BlankShare: t.optNum(row, "blank_share"), TrustScore: t.optNum(row, "trust_score")}
		a.trust = append(a.trust, tr)
		d.trust = append(d.trust, tr)
	}
	f := res["failed_checks"]
	for _, row := range f.rows() {
		a := get(f, row)
		fc := failedCheck{Agency: a.Name, ReportID: f.str(row, "report_id"), Path: f.str(row, "path"), Rule: f.str(row, "rule"),
			Scope: f.str(row, "scope"), Detail: f.str(row, "detail"), Year: f.int(row, "year"),
			Expected: f.optNum(row, "expected"), Actual: f.optNum(row, "actual")}
		if _, ok := f.idx["preferred"]; ok && !f.bool(row, "preferred") {
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

// annual tells whether a period holds a whole year; half-year reports are
// listed with their sources but kept out of year-on-year charts.
func annual(period string) bool { return period == "" || period == "year" }

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
