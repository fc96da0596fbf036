package exports

import (
	"crypto/sha256"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/xxgk/xxgk/queries/labels"
)

// A peer group is the agencies of one level and one kind of body (县级 ×
// 司法局), the kinds of etl/load's documented table as stored in
// agency_kind. The workbooks compute the statistics of a group themselves,
// from the harmonised figures and the rates query's agency rows: an
// agency's workbook needs the median of its peers without itself, and
// unidentified agencies and incomplete names must stay out of every
// ranking and group sum, which the peers query does not know about.

// group is one peer group with its members in division order.
type group struct {
	key, label string
	members    []*agency
	stats      map[statKey]*stat
	rates      map[statKey]*rateSum
	digest     string // a hash of everything about the group a workbook shows
}

type statKey struct {
	m string
	y int
}

// stat is the members' figures of one metric and year, ascending.
type stat struct{ vals []float64 }

// rateSum is a ratio recomputed from summed numerators and denominators,
// over the n agencies that have both.
type rateSum struct {
	num, den float64
	n        int
	mapped   bool
}

func (r *rateSum) value() (float64, bool) {
	if r == nil || r.den == 0 {
		return 0, false
	}
	return r.num / r.den, true
}

// allKey is the key of the group of every compared agency (全部机关).
const allKey = "all"

// makeGroups puts each compared agency with a level and a kind into its
// peer group and computes the groups' statistics, and the sums over all
// compared agencies.
func (d *data) makeGroups() {
	byKey := map[string]*group{}
	all := &group{key: allKey, label: "全部机关", stats: map[statKey]*stat{}, rates: map[statKey]*rateSum{}}
	for _, a := range d.agencies {
		if a.exclude != "" {
			continue
		}
		all.members = append(all.members, a)
		if a.levelCode == "" || a.Kind == "" {
			continue
		}
		key := a.levelCode + "·" + a.Kind
		g := byKey[key]
		if g == nil {
			g = &group{key: key, label: labels.PeerGroup(key), stats: map[statKey]*stat{}, rates: map[statKey]*rateSum{}}
			byKey[key] = g
			d.groups = append(d.groups, g)
		}
		g.members = append(g.members, a)
		a.group = g
	}
	for _, g := range append(slices.Clone(d.groups), all) {
		g.compute()
	}
	d.all = all
}

func (g *group) compute() {
	h := sha256.New()
	for _, a := range g.members {
		io.WriteString(h, a.Name+"\x00"+a.code+"\x00")
		for _, m := range sortedKeys(a.figures) {
			for _, y := range sortedKeys(a.figures[m]) {
				f := a.figures[m][y]
				k := statKey{m, y}
				s := g.stats[k]
				if s == nil {
					s = &stat{}
					g.stats[k] = s
				}
				s.vals = append(s.vals, f.v)
				io.WriteString(h, m+strconv.Itoa(y)+strconv.FormatFloat(f.v, 'g', -1, 64)+"\x00")
			}
		}
		for _, rate := range sortedKeys(a.rates) {
			for _, y := range sortedKeys(a.rates[rate]) {
				r := a.rates[rate][y]
				if r.num == nil || r.den == nil {
					continue
				}
				k := statKey{rate, y}
				s := g.rates[k]
				if s == nil {
					s = &rateSum{}
					g.rates[k] = s
				}
				s.num += *r.num
				s.den += *r.den
				s.n++
				s.mapped = s.mapped || r.mapped
				io.WriteString(h, rate+strconv.Itoa(y)+strconv.FormatFloat(*r.num, 'g', -1, 64)+"/"+strconv.FormatFloat(*r.den, 'g', -1, 64)+"\x00")
			}
		}
	}
	for _, s := range g.stats {
		sort.Float64s(s.vals)
	}
	g.digest = string(h.Sum(nil))
}

// standing is where a value stands in its group for one metric and year.
type standing struct {
	rank, n    int
	percentile float64
	hasPct     bool
	median     float64 // of the other members
	hasMedian  bool
}

// standing places v, the figure of one member, among the group's figures
// of metric m in year y.
func (g *group) standing(m string, y int, v float64) standing {
	var st standing
	if g == nil {
		return st
	}
	s := g.stats[statKey{m, y}]
	if s == nil {
		return st
	}
	vals := s.vals
	st.n = len(vals)
	below := sort.SearchFloat64s(vals, v) // values < v
	above := len(vals) - sort.Search(len(vals), func(i int) bool { return vals[i] > v })
	st.rank = above + 1
	if st.n > 1 {
		st.percentile, st.hasPct = 100*float64(below)/float64(st.n-1), true
	}
	st.median, st.hasMedian = medianWithout(vals, below)
	return st
}

// medianWithout is the median of the ascending vals without the element
// at skip.
func medianWithout(vals []float64, skip int) (float64, bool) {
	m := len(vals) - 1
	if m <= 0 || skip < 0 || skip >= len(vals) {
		return 0, false
	}
	at := func(j int) float64 {
		if j >= skip {
			j++
		}
		return vals[j]
	}
	if m%2 == 1 {
		return at(m / 2), true
	}
	return (at(m/2-1) + at(m/2)) / 2, true
}

// median is the median of the group's figures of m in y.
func (g *group) median(m string, y int) (float64, bool) {
	s := g.stats[statKey{m, y}]
	if s == nil || len(s.vals) == 0 {
		return 0, false
	}
	n := len(s.vals)
	if n%2 == 1 {
		return s.vals[n/2], true
	}
	return (s.vals[n/2-1] + s.vals[n/2]) / 2, true
}

// peerMedian is the median of an agency's peers (without itself) of m in
// y; when the agency has no figure that year, the median of the group.
func (a *agency) peerMedian(m string, y int) (float64, bool) {
	if a.group == nil {
		return 0, false
	}
	if f := a.figures[m][y]; f != nil {
		st := a.group.standing(m, y, f.v)
		return st.median, st.hasMedian
	}
	return a.group.median(m, y)
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
