package glued

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// ProvRule is the Provenance.Rule of every figure and ambiguity this package gives.
const ProvRule = "table.glued"

// Result is what the glued tables of a report gave.
type Result struct {
	Form      report.Form // the form the glued tables follow; "" when none was found
	Metrics   []report.Metric
	Ambiguous []report.Ambiguity
}

// Read finds the glued tables of a report and splits them. toks are the
// report's tokens (etl/table), hint the form the other readers saw ("" when
// none); have reports whether another reader already placed a figure under
// a key, which then keeps it (a glued cell only fills what the cell readers
// could not read).
func Read(t *normalize.Text, toks []table.Token, hint report.Form, have func(key string) bool) Result {
	return ReadWith(t, toks, hint, have, DefaultLimits)
}

// ReadWith is Read under other limits.
func ReadWith(t *normalize.Text, toks []table.Token, hint report.Form, have func(key string) bool, l Limits) Result {
	regions := candidates(toks)
	if len(regions) == 0 {
		return Result{}
	}
	r := &reader{t: t, b: newBudget(l), have: have}
	// The regions are folded into one text, so a table whose rows fall
	// into several regions (a run of blank rows between them) is one chain.
	f := foldRegions(t.Norm, regions)
	var res Result
	if apps := applications.scan(f); len(apps) > 0 {
		res.Form = r.applications(f, apps)
	}
	if form := art20Form(f, hint); form != "" {
		fam := article20[form]
		if art := fam.scan(f); len(art) > 0 {
			r.article20(f, art, form)
			if res.Form == "" {
				res.Form = form
			}
		}
	}
	if rev, ok := scanReview(f); ok {
		r.review(f, rev)
		if res.Form == "" {
			res.Form = hint
		}
	}
	if res.Form == "" || res.Form == report.FormLegacy {
		// A 2019+ report does not print the 统计表.
		if leg := legacy.scan(f); len(leg) > 0 {
			r.legacy(f, leg)
			res.Form = report.FormLegacy
		}
	}
	res.Metrics, res.Ambiguous = r.metrics, r.ambiguous
	if len(res.Metrics) == 0 && len(res.Ambiguous) == 0 {
		return Result{}
	}
	return res
}

// reader collects the figures and ambiguities of one report.
type reader struct {
	t         *normalize.Text
	b         *budget
	have      func(string) bool
	metrics   []report.Metric
	ambiguous []report.Ambiguity
}

// prov is the provenance of a figure or an ambiguity from the run [rs,re)
// of f under the row and column labels given.
func (r *reader) prov(f folded, tbl, row, col string, rs, re int, note string) report.Provenance {
	s, e := f.span(rs, re)
	text, os, oe := r.t.Quote(s, e)
	return report.Provenance{Source: "table", Table: tbl, Row: row, Col: col, Text: text, Start: os, End: oe,
		Rule: ProvRule, Note: note}
}

// label quotes a row's label as printed, from its head to its run.
func (r *reader) label(f folded, h found) string {
	end := h.rs
	if end <= h.le {
		end = h.le
	}
	s, e := f.span(h.ls, end)
	text, _, _ := r.t.Quote(s, e)
	return strings.TrimSpace(text)
}

func (r *reader) ambiguity(key string, reason report.AmbiguityReason, detail string, p report.Provenance) {
	r.ambiguous = append(r.ambiguous, report.Ambiguity{Key: key, Reason: reason, Detail: detail, Prov: p})
}

// cell stores one determined cell, unless another reader placed its key.
func (r *reader) cell(key string, c Cell, unit string, p report.Provenance) {
	if r.have != nil && r.have(key) {
		return
	}
	m := report.Metric{Key: key, Kind: c.Kind, Prov: p}
	if c.Kind == report.KindNumber {
		m.Value = float64(c.N)
		if c.F != 0 || unit != "" {
			m.Value = table.InWan(c.F, unit)
			p.Unit = unit
			m.Prov = p
		}
	}
	r.metrics = append(r.metrics, m)
}

// readingsText lists the distinct values a cell takes over readings.
func readingsText(readings [][]Cell, k int) string {
	var vals []string
	for _, rd := range readings {
		v := rd[k].Text()
		if !contains(vals, v) {
			vals = append(vals, v)
		}
	}
	return strings.Join(vals, " | ")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// agree returns the reading every one of readings gives cell k, and whether
// they all give the same.
func agree(readings [][]Cell, k int) (Cell, bool) {
	c := readings[0][k]
	for _, rd := range readings[1:] {
		if !rd[k].same(c) {
			return Cell{}, false
		}
	}
	return c, true
}

func kinds(cols []column) []Kind {
	out := make([]Kind, len(cols))
	for i, c := range cols {
		out[i] = c.kind
	}
	return out
}

// noteOf says how a row's split was settled: the identities named, or
// the cells' format alone.
func noteOf(run string, readings [][]Cell, rules []string) string {
	cuts := make([]string, len(readings[0]))
	for i, c := range readings[0] {
		cuts[i] = run[c.Start:c.End]
	}
	how := "the cells' format (leading zeros, signs, units)"
	if len(rules) > 0 {
		how = strings.Join(rules, ", ")
	}
	if len(readings) > 1 {
		return fmt.Sprintf("glued run %q, %d readings; this cell settled by %s", run, len(readings), how)
	}
	return fmt.Sprintf("glued run %q split %s by %s", run, strings.Join(cuts, "|"), how)
}

// settle stores the cells the readings agree on and reports the others.
// keyOf names cell k; label and col name it for provenance.
func (r *reader) settle(f folded, tbl, row string, cols []column, keyOf func(k int) string, units []string,
	run string, rs, re int, readings [][]Cell, rules []string) {
	note := noteOf(run, readings, rules)
	for k, col := range cols {
		key := keyOf(k)
		if key == "" {
			continue
		}
		p := r.prov(f, tbl, row, col.label, rs, re, note)
		c, ok := agree(readings, k)
		if !ok {
			if r.have == nil || !r.have(key) {
				r.ambiguity(key, report.AmbiguousSplit, fmt.Sprintf("glued run %q: %s", run, readingsText(readings, k)), p)
			}
			continue
		}
		unit := ""
		if units != nil {
			unit = units[k]
		}
		if c.Kind == report.KindNumber && col.kind == Amount {
			if c.Unit != "" {
				unit = c.Unit
			}
			if unit == "" {
				if r.have == nil || !r.have(key) {
					r.ambiguity(key, report.AmbiguousUnit, fmt.Sprintf("glued run %q: amount %s printed without a unit", run, c.Text()), p)
				}
				continue
			}
		}
		r.cell(key, c, unit, p)
	}
}

// unsettled reports a whole row that gave nothing.
func (r *reader) unsettled(f folded, tbl, row, key string, reason report.AmbiguityReason, run string, rs, re int) {
	if r.have != nil && !strings.HasSuffix(key, "*") && r.have(key) {
		return
	}
	why := "no split of the glued run fits the row's format and identities"
	if reason == report.AmbiguousBound {
		why = "the search for a split hit its bound"
	}
	r.ambiguity(key, reason, fmt.Sprintf("glued run %q: %s", run, why), r.prov(f, tbl, row, "", rs, re, ""))
}

// rowKey names all the cells of a row in an ambiguity about the whole row.
func rowKey(prefix string) string { return prefix + ".*" }

// applications splits the application table and returns its form.
func (r *reader) applications(f folded, rows []found) report.Form {
	at := make([]*found, len(applications.rows))
	for i := range rows {
		at[rows[i].row] = &rows[i]
	}
	has := func(i int) bool { return at[i] != nil && at[i].re > at[i].rs }
	form := report.FormTable2019
	for i := appOtherSub; i < appOtherSub+3; i++ {
		if has(i) {
			form = report.FormTable2021
		}
	}
	outcomes := []int{}
	for i := appFirstOutcome; i < appOther; i++ {
		outcomes = append(outcomes, i)
	}
	if form == report.FormTable2021 {
		outcomes = append(outcomes, appOtherSub, appOtherSub+1, appOtherSub+2)
	} else {
		outcomes = append(outcomes, appOther)
	}
	kk := kinds(appCols)
	readings := make([][][]Cell, len(at))
	bound := make([]bool, len(at))
	cands := make([][]vec, len(at))
	for i := range at {
		if !has(i) {
			continue
		}
		run := f.s[at[i].rs:at[i].re]
		rd := split(run, kk, RowSum, 0, r.b)
		if r.b.hit || len(rd) > r.b.Readings {
			bound[i] = true
			continue
		}
		readings[i] = rd
		for _, x := range rd {
			cands[i] = append(cands[i], toVec(x))
		}
	}
	solver := &appSolver{cands: cands, outcomes: outcomes, b: r.b}
	lv, feasible, hit := solver.solve()
	for i := range at {
		if !has(i) {
			continue
		}
		h := at[i]
		spec := applications.rows[i]
		run := f.s[h.rs:h.re]
		row := r.label(f, *h)
		switch {
		case bound[i] || hit && len(readings[i]) != 1:
			r.unsettled(f, "applications", row, rowKey(spec.key), report.AmbiguousBound, run, h.rs, h.re)
			continue
		case len(readings[i]) == 0:
			r.unsettled(f, "applications", row, rowKey(spec.key), report.AmbiguousNoSplit, run, h.rs, h.re)
			continue
		}
		rd := readings[i]
		rules := []string{"I3.rowsum"}
		if len(rd) > 1 {
			var keep [][]Cell
			for k, x := range rd {
				if feasible[i][k] {
					keep = append(keep, x)
				}
			}
			rd = keep
			rules = append(rules, lv.rules()...)
		}
		r.settle(f, "applications", row, appCols, func(k int) string { return spec.key + "." + appCols[k].key }, nil,
			run, h.rs, h.re, rd, rules)
	}
	return form
}

// art20Form reads the Article 20 form from the header words in f, else the
// hint; "" when neither tells.
func art20Form(f folded, hint report.Form) report.Form {
	for _, c := range art20Cue2021 {
		if strings.Contains(f.s, c) {
			return report.FormTable2021
		}
	}
	for _, c := range art20Cue2019 {
		if strings.Contains(f.s, c) {
			return report.FormTable2019
		}
	}
	if hint == report.FormTable2021 || hint == report.FormTable2019 {
		return hint
	}
	return ""
}

// headerUnit returns the money unit a header in s prints ("采购总金额（万元）",
// "(单位:万元)"), or "".
func headerUnit(s string) string {
	switch {
	case strings.Contains(s, "万元") || strings.Contains(s, "(万)"):
		return "万元"
	case strings.Contains(s, "(元)") || strings.Contains(s, ":元"):
		return "元"
	}
	return ""
}

// article20 splits the Article 20 table: no identity holds within a year,
// so each row is settled by its cells' format alone.
func (r *reader) article20(f folded, rows []found, form report.Form) {
	fam := article20[form]
	prevEnd := 0
	for _, h := range rows {
		spec := fam.rows[h.row]
		gap := f.s[prevEnd:h.ls]
		prevEnd = h.re
		if h.re <= h.rs {
			continue
		}
		run := f.s[h.rs:h.re]
		row := r.label(f, h)
		rd := split(run, kinds(spec.cols), NoRule, 0, r.b)
		switch {
		case r.b.hit || len(rd) > r.b.Readings:
			r.unsettled(f, "article20", row, rowKey(spec.key), report.AmbiguousBound, run, h.rs, h.re)
			continue
		case len(rd) == 0:
			r.unsettled(f, "article20", row, rowKey(spec.key), report.AmbiguousNoSplit, run, h.rs, h.re)
			continue
		}
		units := make([]string, len(spec.cols))
		for k, c := range spec.cols {
			if c.kind != Amount {
				continue
			}
			units[k] = headerUnit(gap)
			if units[k] == "" && form == report.FormTable2021 {
				units[k] = "万元" // the 2021 form prints 本年收费金额（单位：万元）
			}
		}
		r.settle(f, "article20", row, spec.cols, func(k int) string { return spec.key + "." + spec.cols[k].key }, units,
			run, h.rs, h.re, rd, nil)
	}
}

// review splits the review and litigation table's run into its 15 cells.
func (r *reader) review(f folded, v reviewFound) {
	run := f.s[v.rs:v.re]
	cols := make([]column, 15)
	kk := make([]Kind, 15)
	totalAt := 0
	for k := range cols {
		res := v.order[k%5]
		cols[k] = column{key: reviewGroups[k/5] + "." + reviewResults[res], label: resultLabels[res], kind: Count}
		kk[k] = Count
		if reviewResults[res] == "total" {
			totalAt = k % 5
		}
	}
	rd := split(run, kk, Blocks, totalAt, r.b)
	row := strings.Join(groupLabels, "/")
	switch {
	case r.b.hit || len(rd) > r.b.Readings:
		r.unsettled(f, "review", row, "review.*", report.AmbiguousBound, run, v.rs, v.re)
		return
	case len(rd) == 0:
		r.unsettled(f, "review", row, "review.*", report.AmbiguousNoSplit, run, v.rs, v.re)
		return
	}
	rules := []string{"I4.review", "I4.lit_direct", "I4.lit_after_review"}
	note := noteOf(run, rd, rules)
	for k, col := range cols {
		p := r.prov(f, "review", groupLabels[k/5], col.label, v.rs, v.re, note)
		c, ok := agree(rd, k)
		if !ok {
			if r.have == nil || !r.have(col.key) {
				r.ambiguity(col.key, report.AmbiguousSplit, fmt.Sprintf("glued run %q: %s", run, readingsText(rd, k)), p)
			}
			continue
		}
		r.cell(col.key, c, "", p)
	}
}

// legacy reads the glued rows of the 统计表: one figure each, so a run is
// the figure itself once it parses as one.
func (r *reader) legacy(f folded, rows []found) {
	for _, h := range rows {
		spec := legacy.rows[h.row]
		if spec.key == "" || h.re <= h.rs {
			continue
		}
		run := f.s[h.rs:h.re]
		row := r.label(f, h)
		rd := split(run, kinds(spec.cols), NoRule, 0, r.b)
		switch {
		case r.b.hit || len(rd) > r.b.Readings:
			r.unsettled(f, "legacy", row, spec.key, report.AmbiguousBound, run, h.rs, h.re)
			continue
		case len(rd) == 0:
			r.unsettled(f, "legacy", row, spec.key, report.AmbiguousNoSplit, run, h.rs, h.re)
			continue
		}
		unit := []string{""}
		if spec.cols[0].kind == Amount {
			unit[0] = unitName(h.unit)
			if h.unit == "" {
				unit[0] = "万元" // the 统计表 prints both amounts in 万元
			}
		}
		r.settle(f, "legacy", row, []column{{label: h.unit, kind: spec.cols[0].kind}}, func(int) string { return spec.key }, unit,
			run, h.rs, h.re, rd, nil)
	}
}

// longLine is the length from which a line is looked at whatever it ends
// with: a whole table glued onto one line, or a whole page.
const longLine = 1500

// candidates returns the spans of the normalised text worth scanning: the
// tokens that end in a run of figures right after a word, the long value
// runs (a review table's fifteen cells), and long lines holding several
// such runs, each with the few tokens before it (its header), clustered.
func candidates(toks []table.Token) [][2]int {
	var out [][2]int
	last := -100
	for i := range toks {
		if !candidate(&toks[i]) {
			continue
		}
		from := max(0, i-8)
		if len(out) > 0 && i-last <= 12 {
			out[len(out)-1][1] = toks[i].End
		} else {
			out = append(out, [2]int{toks[from].Start, toks[i].End})
		}
		last = i
	}
	return out
}

// candidate is the cheap test every token goes through: most fail on
// their last byte.
func candidate(tok *table.Token) bool {
	s := tok.Text
	if len(s) < 3 {
		return false
	}
	if len(s) >= longLine && !tok.IsValue {
		return glues(s, 3)
	}
	switch b := s[len(s)-1]; {
	// A figure, a mark, a unit: ")", "元" (E5 85 83), "万" (E4 B8 87), and
	// the dashes "—" (E2 80 94), "–" (E2 80 93), "−" (E2 88 92).
	case runByte(b), b == ')', b == 0x83, b == 0x87, b == 0x92, b == 0x93, b == 0x94:
	default:
		return false
	}
	if tok.IsValue {
		// A run of twelve or more figures and marks read as one value.
		if len(s) < 12 {
			return false
		}
		return runStart(s, len(s)) == 0
	}
	return gluedEnd(s)
}

// runStart returns where the run of figures, marks and spaces that ends at
// end starts; dashes may be the multi-byte "—", "–" and "−".
func runStart(s string, end int) int {
	i := end
	for i > 0 {
		switch {
		case runByte(s[i-1]) || s[i-1] == ' ':
			i--
		case i >= 3 && (s[i-3:i] == "—" || s[i-3:i] == "–" || s[i-3:i] == "−"):
			i -= 3
		default:
			return i
		}
	}
	return 0
}

// gluedEnd reports whether s ends with a run of figures (and maybe a money
// unit) that follows a Chinese character directly: "规章000".
func gluedEnd(s string) bool {
	end := len(s)
	for _, u := range moneyUnits {
		if strings.HasSuffix(s[:end], u) {
			end -= len(u)
			break
		}
	}
	i := runStart(s, end)
	if i == 0 {
		// A line that is only a run: a review table's fifteen cells.
		return end >= 12 && hasDigit(s)
	}
	if i == end {
		return false
	}
	if !hasDigit(s[i:end]) && end-i < 3 && len(s) > 120 {
		return false // a long line ending in a dash is a sentence; a short one a row of blanks ("件—")
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isHan(r) || r == ')'
}

// glues reports whether s holds at least n runs of figures that follow a
// Chinese character and are followed by one that is not a measure word:
// what a glued row looks like inside a line ("规章000行政规范性文件…").
func glues(s string, n int) bool {
	count := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i == 0 || runByte(s[i-1]) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !isHan(r) && r != ')' {
			continue
		}
		j := i
		for j < len(s) && runByte(s[j]) {
			j++
		}
		if j == len(s) {
			count++
		} else if r2, _ := utf8.DecodeRuneInString(s[j:]); isHan(r2) && !measure(s[j:]) {
			count++
		}
		if count >= n {
			return true
		}
		i = j
	}
	return false
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// Row reports whether a line or sentence is a glued table row, or holds
// one: a row label of a national table directly followed by a run at least
// as long as the row has cells ("2.申请人逾期未按收费通知要求缴纳费用…申请0000000").
// A prose reader skips such text as it skips table rows: its figures are
// cells, not a sentence's. Most sentences fail on their last byte.
func Row(s string) bool {
	if len(s) < 3 {
		return false
	}
	if len(s) >= longLine {
		if !glues(s, 2) {
			return false
		}
	} else {
		switch b := s[len(s)-1]; {
		case runByte(b), b == ')', b == 0x83, b == 0x87, b == 0x92, b == 0x93, b == 0x94:
		default:
			return false
		}
		if !gluedEnd(s) {
			return false
		}
	}
	f := fold(s, 0, len(s))
	fams := []*family{&applications, &legacy}
	for _, form := range []report.Form{report.FormTable2021, report.FormTable2019} {
		fam := article20[form]
		fams = append(fams, &fam)
	}
	for _, fam := range fams {
		for j := range fam.rows {
			if h, ok := fam.match(f, j, 0, len(f.s)); ok && h.re-h.rs >= len(fam.rows[j].cols) && len(fam.rows[j].cols) > 1 {
				return true
			}
		}
	}
	return false
}
