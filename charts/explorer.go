package charts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/queries"
	"github.com/xxgk/xxgk/queries/labels"
)

// The explorer (explorer.html) lets a reader pick agencies, metrics and
// years and shows a table and a chart of them, each number linked to its
// source, with the selection in the address. It works from file://, where
// a page may not fetch files: its data are plain scripts. explore/index.js
// lists every agency (name, province, city, level, kind, peer group and
// the data file that holds it) with the words the explorer needs; the
// figures are in explore/dN.js, one province (or a part of a large one:
// at most shardAgencies agencies) per file, loaded only when a selected
// agency is in it. No file holds the whole country.
//
// The data are arrays, not an object per value, and carry what a link to
// the source page needs: each agency's report per year and, per figure,
// the index of its source keys in a shared list (a figure's keys depend
// only on the crosswalk rule that made it, so few distinct lists exist).

// exploreDir is the folder of the explorer's data files in the site.
const exploreDir = "explore"

// ShardAgencies is the most agencies one explorer data file holds. About
// 2.5 KB an agency over ten years keeps a file near 250 KB whatever the
// size of the corpus, far under the 2 MB a file may have.
const ShardAgencies = 100

// exploreAgency is one agency of the index: its id (the stem of its page),
// name, the indices of its province, city, level, kind and peer group in
// the index's lists (-1 when unknown), its data file, and why it is kept
// out of rankings ("" when it is not).
type exploreAgency struct {
	a                                 *agency
	prov, city, level, kind, group, n int
}

// shardOf groups the agencies into data files: by province, in name
// order, a new file after every ShardAgencies agencies of one province.
// It returns the agencies of each file.
func shardOf(as []*agency) [][]*agency {
	by := map[string][]*agency{}
	var provs []string
	for _, a := range as {
		if _, ok := by[a.Province]; !ok {
			provs = append(provs, a.Province)
		}
		by[a.Province] = append(by[a.Province], a)
	}
	sort.Strings(provs)
	var out [][]*agency
	for _, p := range provs {
		list := by[p]
		sort.SliceStable(list, func(i, j int) bool { return list[i].Name < list[j].Name })
		for chunk := range slices.Chunk(list, ShardAgencies) {
			out = append(out, chunk)
		}
	}
	return out
}

// interner numbers distinct strings in the order first seen.
type interner struct {
	list []string
	at   map[string]int
}

func (in *interner) of(s string) int {
	if s == "" {
		return -1
	}
	if in.at == nil {
		in.at = map[string]int{}
	}
	if i, ok := in.at[s]; ok {
		return i
	}
	in.at[s] = len(in.list)
	in.list = append(in.list, s)
	return len(in.list) - 1
}

// writeExplorer writes the explorer's index and data files into the site
// folder dir.
func (d *siteData) writeExplorer(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, exploreDir), 0o755); err != nil {
		return err
	}
	shards := shardOf(d.agencies)
	var provs, cities, levels, kindsList, groups interner
	var rules interner
	ruleMapped := map[int]bool{}
	metricNo := map[string]int{}
	for i, m := range labels.Metrics() {
		metricNo[m] = i
	}
	rateNo := map[string]int{}
	for i, r := range labels.Rates() {
		rateNo[r] = i
	}
	forms := []string{"table2021", "table2019", "legacy", "narrative"}
	var index []exploreAgency
	var buf bytes.Buffer
	for n, shard := range shards {
		buf.Reset()
		fmt.Fprintf(&buf, "xxgkExplore(%d,[\n", n)
		for i, a := range shard {
			prov := a.Province
			index = append(index, exploreAgency{a: a, prov: provs.of(prov), city: cities.of(prov + "\x00" + a.City),
				level: levels.of(a.Level), kind: kindsList.of(a.Kind), group: groups.of(a.group), n: n})
			row, err := d.exploreRow(a, forms, metricNo, rateNo, &rules, ruleMapped)
			if err != nil {
				return fmt.Errorf("explorer data of %q: %w", a.Name, err)
			}
			buf.Write(row)
			if i < len(shard)-1 {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString("]);\n")
		if err := os.WriteFile(filepath.Join(dir, exploreDir, "d"+strconv.Itoa(n)+".js"), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	idx, err := d.exploreIndex(index, len(shards), forms, &provs, &cities, &levels, &kindsList, &groups, &rules, ruleMapped)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, exploreDir, "index.js"), idx, 0o644)
}

// exploreRow is one agency in a data file:
//
//	[id, first year, [report per year], [form per year],
//	 [[metric, [value per year], [keys per year], approximate bits], …],
//	 [[rate, [percent per year], [numerator per year], [denominator per year]], …]]
//
// Years run from the agency's first annual year to its last; a year
// without a report has "" and -1; a blank figure is null in every array,
// never 0. Bit i of the approximate bits is set when the figure of the
// i-th year was printed as approximate (约, 余, 多). Percentages are the
// rates query's ratios × 100, rounded to four decimals as the charts draw
// them.
func (d *siteData) exploreRow(a *agency, forms []string, metricNo, rateNo map[string]int, rules *interner, ruleMapped map[int]bool) ([]byte, error) {
	ys := a.span()
	y0 := 0
	if len(ys) > 0 {
		y0 = ys[0]
	}
	// The report of a year: the preferred annual report (coverage), else
	// the one its figures were read from.
	ids := map[int]string{}
	for _, r := range a.reports {
		if r.Preferred && queries.Annual(r.Period) && r.ID != "" {
			ids[r.Year] = shortID(r.ID)
		}
	}
	for _, ys := range a.figures {
		for y, f := range ys {
			if ids[y] == "" && f.report != "" {
				ids[y] = shortID(f.report)
			}
		}
	}
	reps := make([]string, len(ys))
	fs := make([]int, len(ys))
	for i, y := range ys {
		reps[i] = ids[y]
		fs[i] = -1
		if f, ok := a.reported[y]; ok {
			fs[i] = slices.Index(forms, f)
		}
	}
	var ms []any
	for _, m := range labels.SortMetrics(mapsKeys(a.figures)) {
		no, ok := metricNo[m]
		if !ok {
			continue
		}
		vals := make([]*float64, len(ys))
		keys := make([]*int, len(ys))
		bits, has := int64(0), false
		for i, y := range ys {
			f, ok := a.figures[m][y]
			if !ok || f.value == nil {
				continue
			}
			has = true
			v := *f.value
			vals[i] = &v
			// The same keys can make a mapped (legacy) and an unmapped
			// figure: the mark is part of what is interned.
			rk := strings.Join(f.keys, ",")
			if f.mapped {
				rk += "\x00m"
			}
			k := rules.of(rk)
			ruleMapped[k] = f.mapped
			keys[i] = &k
			if f.approx {
				bits |= 1 << i
			}
		}
		if has {
			ms = append(ms, []any{no, vals, keys, bits})
		}
	}
	var rs []any
	for _, r := range labels.Rates() {
		cells, ok := a.rates[r]
		if !ok {
			continue
		}
		pct, num, den := make([]*float64, len(ys)), make([]*float64, len(ys)), make([]*float64, len(ys))
		for i, y := range ys {
			c := cells[y]
			if c.value != nil {
				p := round(*c.value*100, 4)
				pct[i] = &p
			}
			num[i], den[i] = c.numerator, c.denominator
		}
		rs = append(rs, []any{rateNo[r], pct, num, den})
	}
	if ms == nil {
		ms = []any{}
	}
	if rs == nil {
		rs = []any{}
	}
	return json.Marshal([]any{a.ID, y0, reps, fs, ms, rs})
}

func mapsKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// exploreIndex is explore/index.js: the words, lists and agencies the
// explorer searches, as one call of xxgkExploreIndex.
func (d *siteData) exploreIndex(as []exploreAgency, files int, forms []string, provs, cities, levels, kindsList, groups, rules *interner,
	ruleMapped map[int]bool) ([]byte, error) {
	type metricInfo struct {
		Code    string `json:"code"`
		Label   string `json:"label"`
		Unit    string `json:"unit"`
		Section string `json:"section"`
		Legacy  bool   `json:"legacy,omitempty"` // the legacy form has a rule for it
	}
	type rateInfo struct {
		Code    string   `json:"code"`
		Label   string   `json:"label"`
		Formula string   `json:"formula"`
		Num     []string `json:"num"`
		Den     string   `json:"den"`
	}
	var ms []metricInfo
	for _, m := range labels.Metrics() {
		ms = append(ms, metricInfo{Code: m, Label: labels.Metric(m), Unit: labels.Unit(m), Section: labels.MetricSection(m), Legacy: d.legacy[m]})
	}
	var rs []rateInfo
	for _, r := range labels.Rates() {
		num, den := rateParts(r)
		rs = append(rs, rateInfo{Code: r, Label: labels.Rate(r), Formula: labels.RateFormula(r), Num: num, Den: den})
	}
	var formLabels []string
	for _, f := range forms {
		formLabels = append(formLabels, labels.Form(f))
	}
	rl := make([][2]any, len(rules.list))
	for i, k := range rules.list {
		mapped := 0
		if ruleMapped[i] {
			mapped = 1
		}
		rl[i] = [2]any{strings.TrimSuffix(k, "\x00m"), mapped}
	}
	cityList := make([][2]any, len(cities.list))
	for i, c := range cities.list {
		p, name, _ := strings.Cut(c, "\x00")
		cityList[i] = [2]any{provs.of(p), name}
	}
	groupList := make([][2]string, len(groups.list))
	for i, g := range groups.list {
		groupList[i] = [2]string{g, labels.PeerGroup(g)}
	}
	agencies := make([][]any, len(as))
	for i, e := range as {
		agencies[i] = []any{e.a.ID, displayName(e.a.Name), e.prov, e.city, e.level, e.kind, e.group, e.n, e.a.excluded}
	}
	years := d.years
	if years == nil {
		years = []int{}
	}
	v := map[string]any{
		"years": years, "metrics": ms, "rates": rs, "sections": labels.Sections(), "forms": formLabels,
		"rules": rl, "provinces": nonNil(provs.list), "cities": cityList, "levels": nonNil(levels.list), "kinds": nonNil(kindsList.list),
		"groups": groupList, "files": files, "agencies": agencies, "legacy_form": slices.Index(forms, "legacy"),
		"blank": map[string]string{"no_report": labels.Blank("no_report"), "not_in_form": labels.Blank("not_in_form"),
			"not_reported": labels.Blank("not_reported")},
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(append([]byte("xxgkExploreIndex("), b...), ");\n"...), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
