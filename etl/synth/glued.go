package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// Glued tables: a copy whose crawler dropped the cell boundaries of the
// HTML tables (real-variants.md item 21). Each row prints as its label then
// its cells with nothing between them ("规章000"), one row a line or the
// whole table on one line. Only the form's arithmetic can split such a run,
// and often more than one split fits, so the label lists only the cells the
// text determines: gluedTable works out, for every glued cell, whether every
// split consistent with the identities gives it the same value, and takes
// the others out of the label (listing them under Glued.Ambiguous). The
// search here is written apart from the extractor's (etl/extract/tables/
// glued), with the same semantics: it enumerates every split of each row
// and then every choice of readings across the table, where the extractor
// prunes by sums and keeps partial column sums; the round trip holds them to
// the same answers.

// LayoutGlued marks a report whose tables are glued; its prose is plain text.
const LayoutGlued Layout = "glued"

// DefaultGluedRate is the fraction of text reports with tables whose tables
// are glued.
const DefaultGluedRate = 0.05

// Glued is what a label says about the glued cells of its report.
type Glued struct {
	Cells      int      `json:"cells"`      // glued value cells printed, blank or not
	Determined []string `json:"determined"` // glued figures the text determines: each is labelled
	Ambiguous  []string `json:"ambiguous"`  // glued cells the text does not determine: none is labelled
}

// glueStyle is how one report's crawler printed its tables.
type glueStyle struct {
	r       *rand.Rand // its own stream: gluing a report does not change the other reports
	oneLine bool       // each table on one line, not a row a line
	blank   string     // how an empty cell shows once glued ("" would vanish)
}

// gluedReport decides, apart from the agency's stream, whether a report's
// tables are glued, and how.
func gluedReport(opt Options, agency, year int) *glueStyle {
	if opt.GluedRate <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(opt.Seed^0x676c756564, uint64(agency)<<16|uint64(year)))
	if !chance(r, opt.GluedRate) {
		return nil
	}
	return &glueStyle{r: r, oneLine: chance(r, 0.35), blank: pick(r, "/", "-", "—")}
}

// gkind is a glued cell's grammar, as the extractor reads it.
type gkind uint8

const (
	gCount  gkind = iota // "0" or digits without a leading zero
	gSigned              // a count with an optional + or -
	gAmount              // a decimal with an optional money unit after it
)

// gcell is one cell of a reading.
type gcell struct {
	blank bool
	n     int64   // a count's figure
	f     float64 // an amount's figure as printed
	unit  string
}

func (c gcell) sum() int64 {
	if c.blank {
		return 0
	}
	return c.n
}

// glueRow is one row of a glued table: its value cells' keys and grammars,
// and the run they print as.
type glueRow struct {
	prefix string   // the key prefix of the row ("granted"), or the row's key (legacy)
	keys   []string // "" for a cell without a key
	kinds  []gkind
	run    string // folded as the extractor folds it: ASCII digits, dashes as "-"
	blocks bool   // review: blocks of five, the fifth the sum
	rowSum bool   // application table: the last cell the sum of the others
}

// gluedTable prints the table glued, and takes out of the label the cells
// the text does not determine.
func (b *builder) gluedTable(rows [][]cell) {
	g := b.glue
	var out strings.Builder
	var grows []glueRow
	for _, row := range rows {
		var gr glueRow
		var run strings.Builder
		for _, x := range row {
			text := strings.TrimSpace(strings.ReplaceAll(x.text, "\n", ""))
			if x.key != "" && text == "" {
				text = g.blank
			}
			out.WriteString(text)
			if x.key == "" {
				continue
			}
			gr.keys = append(gr.keys, x.key)
			gr.kinds = append(gr.kinds, glueKind(x.key))
			run.WriteString(text)
		}
		if !g.oneLine {
			out.WriteString("\n")
		}
		if len(gr.keys) > 0 {
			gr.run = glueFold(run.String())
			gr.prefix, _, _ = strings.Cut(gr.keys[0], ".")
			// The identities within a row: the application table's row sum,
			// the review table's block totals.
			gr.rowSum = len(gr.keys) == 7 && gr.keys[6] == gr.prefix+".total" && !strings.HasPrefix(gr.prefix, "art20")
			gr.blocks = len(gr.keys) == 15
			grows = append(grows, gr)
		}
	}
	if g.oneLine {
		out.WriteString("\n")
	}
	undetermined, ok := glueSettle(grows)
	if !ok {
		// Too many readings to label honestly: this table is printed as
		// the page had it.
		b.plainTable(rows)
		return
	}
	b.sb.WriteString(out.String())
	b.sb.WriteString("\n")
	b.label.Layout = LayoutGlued
	if b.label.Glued == nil {
		b.label.Glued = &Glued{Determined: []string{}, Ambiguous: []string{}}
	}
	lg := b.label.Glued
	if b.lost == nil {
		b.lost = map[string]bool{}
	}
	for _, gr := range grows {
		for _, k := range gr.keys {
			if k == "" {
				continue
			}
			lg.Cells++
			if undetermined[k] {
				b.lost[k] = true
				if v, ok := b.stated[k]; ok {
					// A sentence of the report states it: the text
					// determines it, though this run does not.
					b.label.Metrics[k] = v
					lg.Determined = append(lg.Determined, k)
					continue
				}
				delete(b.label.Metrics, k)
				lg.Ambiguous = append(lg.Ambiguous, k)
				continue
			}
			if _, labelled := b.label.Metrics[k]; labelled {
				lg.Determined = append(lg.Determined, k)
			}
		}
	}
}

// dropUnseenBreaks takes out of a glued report's label the injected breaks
// that can no longer be seen. It runs once the whole report is written: a
// table glued before the one a break is in must not judge it.
func (b *builder) dropUnseenBreaks() {
	if b.label.Glued == nil {
		return
	}
	b.label.Breaks = slices.DeleteFunc(b.label.Breaks, func(br Break) bool { return !breakSeen(br, b.label, b.lost) })
}

// glueKind is the grammar of a cell by its key.
func glueKind(key string) gkind {
	switch {
	case strings.HasSuffix(key, ".change"):
		return gSigned
	case strings.HasSuffix(key, ".amount") || key == "fees.collected" || key == "budget.special":
		return gAmount
	}
	return gCount
}

// glueFold writes a run as the extractor sees it: ASCII digits and
// brackets, every dash "-".
func glueFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '—' || r == '–' || r == '−' || r == '－':
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Limits of the labelling search: a table beyond them is not glued.
const (
	glueMaxReadings = 64 // as the extractor's: more readings of a row are not listed
	glueMaxWork     = 1 << 22
)

// glueSettle returns the keys of the cells the rows do not determine, and
// false when the table is too hard to label.
func glueSettle(rows []glueRow) (map[string]bool, bool) {
	work := 0
	readings := make([][][]gcell, len(rows))
	for i, r := range rows {
		rd, ok := glueReadings(r, &work)
		if !ok {
			return nil, false
		}
		readings[i] = rd
	}
	feasible := make([][]bool, len(rows))
	for i := range rows {
		feasible[i] = make([]bool, len(readings[i]))
		for k := range feasible[i] {
			feasible[i][k] = true
		}
	}
	if rows[0].rowSum {
		var ok bool
		if feasible, ok = glueColumns(rows, readings, &work); !ok {
			return nil, false
		}
	}
	undetermined := map[string]bool{}
	for i, r := range rows {
		var keep [][]gcell
		for k, rd := range readings[i] {
			if feasible[i][k] {
				keep = append(keep, rd)
			}
		}
		for c, key := range r.keys {
			if key == "" {
				continue
			}
			if len(keep) == 0 || len(readings[i]) > glueMaxReadings {
				undetermined[key] = true
				continue
			}
			for _, rd := range keep[1:] {
				if rd[c] != keep[0][c] {
					undetermined[key] = true
					break
				}
			}
		}
	}
	return undetermined, true
}

// glueReadings lists every split of a row's run into its cells that obeys
// the row's identity.
func glueReadings(r glueRow, work *int) ([][]gcell, bool) {
	var all [][]gcell
	cur := make([]gcell, 0, len(r.kinds))
	var walk func(pos int) bool
	walk = func(pos int) bool {
		if *work++; *work > glueMaxWork {
			return false
		}
		i := len(cur)
		if i == len(r.kinds) {
			if pos == len(r.run) && glueRuleHolds(r, cur) {
				all = append(all, slices.Clone(cur))
			}
			return true
		}
		if left := len(r.run) - pos; left < len(r.kinds)-i || left > (len(r.kinds)-i)*32 {
			return true
		}
		for _, opt := range glueCells(r.run, pos, r.kinds[i]) {
			cur = append(cur, opt.c)
			ok := walk(opt.end)
			cur = cur[:len(cur)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	if !walk(0) {
		return nil, false
	}
	return all, true
}

func glueRuleHolds(r glueRow, cells []gcell) bool {
	switch {
	case r.rowSum:
		var s int64
		for _, c := range cells[:len(cells)-1] {
			s += c.sum()
		}
		return s == cells[len(cells)-1].sum()
	case r.blocks:
		for b := 0; b+5 <= len(cells); b += 5 {
			if cells[b].sum()+cells[b+1].sum()+cells[b+2].sum()+cells[b+3].sum() != cells[b+4].sum() {
				return false
			}
		}
	}
	return true
}

type glueOpt struct {
	c   gcell
	end int
}

// glueCells lists the cells of grammar k that start at pos.
func glueCells(s string, pos int, k gkind) []glueOpt {
	var out []glueOpt
	switch {
	case s[pos] == '/' || s[pos] == '\\':
		out = append(out, glueOpt{gcell{blank: true}, pos + 1})
	case strings.HasPrefix(s[pos:], "--"):
		out = append(out, glueOpt{gcell{blank: true}, pos + 1}, glueOpt{gcell{blank: true}, pos + 2})
	case s[pos] == '-':
		out = append(out, glueOpt{gcell{blank: true}, pos + 1})
	}
	i, sign := pos, int64(1)
	if k == gSigned && (s[i] == '+' || s[i] == '-') {
		if s[i] == '-' {
			sign = -1
		}
		i++
	}
	for j := i + 1; j <= len(s) && j-i <= 12; j++ {
		if s[j-1] < '0' || s[j-1] > '9' || s[i] == '0' && j > i+1 {
			break
		}
		n, _ := strconv.ParseInt(s[i:j], 10, 64)
		if k != gAmount {
			out = append(out, glueOpt{gcell{n: sign * n}, j})
			continue
		}
		ends := []int{j}
		if j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
			for d := j + 2; d <= len(s) && s[d-1] >= '0' && s[d-1] <= '9'; d++ {
				ends = append(ends, d)
			}
		}
		for _, e := range ends {
			f, _ := strconv.ParseFloat(s[pos:e], 64)
			out = append(out, glueOpt{gcell{f: f}, e})
			for _, u := range []string{"(万元)", "(万)", "(元)", "万元", "元", "万"} {
				if strings.HasPrefix(s[e:], u) {
					unit := "元"
					if strings.Contains(u, "万") {
						unit = "万元"
					}
					out = append(out, glueOpt{gcell{f: f, unit: unit}, e + len(u)})
					break
				}
			}
		}
	}
	return out
}

// glueColumns chooses readings across an application table under the
// column identities, relaxed in the extractor's order (I1 and I2; I2; I1;
// none) until a choice exists, and marks the readings that take part in one.
func glueColumns(rows []glueRow, readings [][][]gcell, work *int) ([][]bool, bool) {
	at := map[string]int{}
	for i, r := range rows {
		at[r.prefix] = i
	}
	is2021 := false
	for _, k := range []string{"other_no_correction", "other_no_fee", "other_misc"} {
		if _, ok := at[k]; ok {
			is2021 = true
		}
	}
	var outcomes []int
	for _, k := range outcomeKeys2019[:18] {
		outcomes = append(outcomes, at[k])
	}
	if is2021 {
		outcomes = append(outcomes, at["other_no_correction"], at["other_no_fee"], at["other_misc"])
	} else {
		outcomes = append(outcomes, at["other"])
	}
	nw, co, tot, fw := at["apps_new"], at["apps_carried_over"], at["outcome_total"], at["apps_carried_forward"]
	usable := func(i int) bool { return len(readings[i]) > 0 && len(readings[i]) <= glueMaxReadings }
	canFlow := usable(nw) && usable(co) && usable(tot) && usable(fw)
	canOut := usable(tot)
	for _, o := range outcomes {
		canOut = canOut && usable(o)
	}
	for _, lv := range [][2]bool{{true, true}, {false, true}, {true, false}, {false, false}} {
		flow, outc := lv[0], lv[1]
		if flow && !canFlow || outc && !canOut {
			continue
		}
		feasible := make([][]bool, len(rows))
		for i := range rows {
			feasible[i] = make([]bool, len(readings[i]))
		}
		if !flow && !outc {
			for i := range feasible {
				for k := range feasible[i] {
					feasible[i][k] = true
				}
			}
			return feasible, true
		}
		// Backtrack over the constrained rows: the total, then the flow
		// rows, then the outcome rows; a complete choice marks its readings.
		var order []int
		order = append(order, tot)
		if flow {
			order = append(order, nw, co, fw)
		}
		if outc {
			order = append(order, outcomes...)
		}
		chosen := make([]int, len(order))
		var sums [7]int64
		found, aborted := false, false
		var walk func(d int)
		walk = func(d int) {
			if aborted {
				return
			}
			if *work++; *work > glueMaxWork {
				aborted = true
				return
			}
			if d == len(order) {
				if outc && sums != cellsVec(readings[tot][chosen[0]]) {
					return
				}
				found = true
				for i, r := range order {
					feasible[r][chosen[i]] = true
				}
				return
			}
			r := order[d]
			for k, rd := range readings[r] {
				chosen[d] = k
				if flow && r == fw {
					n, c := cellsVec(readings[nw][chosen[1]]), cellsVec(readings[co][chosen[2]])
					t, f := cellsVec(readings[tot][chosen[0]]), cellsVec(rd)
					okFlow := true
					for i := range n {
						okFlow = okFlow && n[i]+c[i] == t[i]+f[i]
					}
					if !okFlow {
						continue
					}
				}
				isOutcome := outc && d >= len(order)-len(outcomes)
				if isOutcome {
					v := cellsVec(rd)
					t := cellsVec(readings[tot][chosen[0]])
					over := false
					for i := range sums {
						sums[i] += v[i]
						over = over || sums[i] > t[i]
					}
					if !over {
						walk(d + 1)
					}
					for i := range sums {
						sums[i] -= v[i]
					}
					continue
				}
				walk(d + 1)
			}
		}
		walk(0)
		if aborted {
			return nil, false
		}
		if !found {
			continue
		}
		named := map[int]bool{}
		for _, r := range order {
			named[r] = true
		}
		for i := range rows {
			if !named[i] {
				for k := range feasible[i] {
					feasible[i][k] = true
				}
			}
		}
		return feasible, true
	}
	return nil, false
}

func cellsVec(cells []gcell) [7]int64 {
	var v [7]int64
	for i := 0; i < 7 && i < len(cells); i++ {
		v[i] = cells[i].sum()
	}
	return v
}

// breakSeen reports whether an injected break can still be seen once the
// tables are glued: every cell its identity names is determined by its
// table (lost are the cells a glued run does not determine; a sentence
// stating one gives the figure, not the broken cell).
func breakSeen(br Break, l *Label, lost map[string]bool) bool {
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := l.Metrics[k]; !ok || lost[k] {
				return false
			}
		}
		return true
	}
	switch fam, _, _ := strings.Cut(br.Rule, "."); fam {
	case "I1":
		c := br.Scope
		return has("apps_new."+c, "apps_carried_over."+c, "outcome_total."+c, "apps_carried_forward."+c)
	case "I2":
		keys := outcomeKeys2019
		if l.Form == report.FormTable2021 {
			keys = outcomeKeys2021
		}
		all := []string{"outcome_total." + br.Scope}
		for _, k := range keys {
			all = append(all, k+"."+br.Scope)
		}
		return has(all...)
	case "I3":
		var all []string
		for _, c := range report.Columns {
			all = append(all, br.Scope+"."+c)
		}
		return has(all...)
	case "I4":
		return has(br.Scope+".upheld", br.Scope+".corrected", br.Scope+".other", br.Scope+".pending", br.Scope+".total")
	case "I5":
		return has("apps_carried_over." + br.Scope)
	}
	return true // the legacy identities: single cells, always read
}

// dropUnseenCarryBreaks takes out of a series' labels the restated
// carry-overs (I5) that cannot be seen because last year's 结转下年度 was
// glued into a run that does not determine it.
func dropUnseenCarryBreaks(docs []Doc) {
	for i := 1; i < len(docs); i++ {
		prev := docs[i-1].Label
		if prev.Glued == nil {
			continue
		}
		l := &docs[i].Label
		l.Breaks = slices.DeleteFunc(l.Breaks, func(br Break) bool {
			_, ok := prev.Metrics["apps_carried_forward."+br.Scope]
			return br.Rule == "I5.carry" && !ok
		})
	}
}

// GluedScore sums up how the extractor read the glued tables of a corpus.
type GluedScore struct {
	Reports    int // labelled reports with glued tables
	Cells      int // glued value cells printed
	Determined int // glued figures the text determines (labelled)
	Recovered  int // ... the extractor gave with the labelled value
	Wrong      int // ... the extractor gave with another value
	Ambiguous  int // glued cells the text does not determine
	Reported   int // ... the extractor reported as ambiguous (by key, or by its row "prefix.*")
	Leaked     int // ... the extractor gave a figure for anyway: a guess
	Problems   []string
}

// Recall is the share of determined cells recovered.
func (s GluedScore) Recall() float64 { return ratio(s.Recovered, s.Determined) }

// Precision is the share of the glued figures given that are right; a
// figure given for an undetermined cell is wrong.
func (s GluedScore) Precision() float64 { return ratio(s.Recovered, s.Recovered+s.Wrong+s.Leaked) }

// AmbiguityRate is the share of glued cells the text does not determine.
func (s GluedScore) AmbiguityRate() float64 { return ratio(s.Ambiguous, s.Cells) }

// ReportedRate is the share of undetermined cells reported as ambiguous.
func (s GluedScore) ReportedRate() float64 { return ratio(s.Reported, s.Ambiguous) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// CompareGlued scores the glued tables: got is keyed by file stem.
func CompareGlued(labels map[string]Label, got map[string]report.Exchange) GluedScore {
	var s GluedScore
	names := make([]string, 0, len(labels))
	for n, l := range labels {
		if l.Glued != nil {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		l := labels[name]
		x, ok := got[name]
		s.Reports++
		s.Cells += l.Glued.Cells
		reported := map[string]bool{}
		for _, a := range x.Ambiguous {
			reported[a.Key] = true
		}
		for _, k := range l.Glued.Determined {
			s.Determined++
			v, found := x.Metrics[k]
			switch {
			case !ok || !found:
				s.Problems = append(s.Problems, name+": "+k+" determined but not recovered")
			case v == l.Metrics[k]:
				s.Recovered++
			default:
				s.Wrong++
				s.Problems = append(s.Problems, name+": "+k+" recovered wrong: "+strconv.FormatFloat(v, 'g', -1, 64))
			}
		}
		for _, k := range l.Glued.Ambiguous {
			s.Ambiguous++
			prefix, _, _ := strings.Cut(k, ".")
			group := ""
			if prefix == "review" || prefix == "lit_direct" || prefix == "lit_after_review" {
				group = "review.*" // the review table's run is one row of fifteen cells
			}
			if reported[k] || reported[prefix+".*"] || group != "" && reported[group] {
				s.Reported++
			} else {
				s.Problems = append(s.Problems, name+": "+k+" undetermined but not reported")
			}
			if _, found := x.Metrics[k]; found {
				s.Leaked++
				s.Problems = append(s.Problems, name+": "+k+" undetermined but given a figure")
			}
		}
	}
	return s
}
