package glued

import (
	"fmt"
	"slices"
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
// none), placed the cells they placed: a key among them keeps its cell (a
// glued cell only fills what the cell readers could not read).
func Read(t *normalize.Text, toks []table.Token, hint report.Form, placed []table.Cell) Result {
	return ReadWith(t, toks, hint, placed, DefaultLimits)
}

// ReadWith is Read under other limits.
func ReadWith(t *normalize.Text, toks []table.Token, hint report.Form, placed []table.Cell, l Limits) Result {
	regions := candidates(toks)
	if len(regions) == 0 {
		return Result{}
	}
	r := &reader{t: t, b: newBudget(l), have: keysOf(placed), metrics: make([]report.Metric, 0, 200)}
	// The regions are folded into one text, so a table whose rows fall
	// into several regions (a run of blank rows between them) is one chain.
	f := foldRegions(t.Norm, regions)
	var res Result
	// Each family is looked for only where words its rows must hold are
	// printed: a scan tries every label of the family.
	if has(f.s, "予以公开", "新收", "结转") {
		if apps := applications.scan(f); len(apps) > 0 {
			res.Form = r.applications(f, apps)
		}
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
	if (res.Form == "" || res.Form == report.FormLegacy) && has(f.s, "申请数", "政府信息数", "复议数量", "人员数") {
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

// has reports whether s holds any of words.
func has(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// keysOf reports whether a cell of cells has a key.
func keysOf(cells []table.Cell) func(string) bool {
	if len(cells) == 0 {
		return nil
	}
	keys := make(map[string]bool, len(cells))
	for _, c := range cells {
		keys[c.Key] = true
	}
	return func(k string) bool { return keys[k] }
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
	base := r.prov(f, tbl, row, "", rs, re, note) // one quote for the row's cells
	for k, col := range cols {
		key := keyOf(k)
		if key == "" {
			continue
		}
		p := base
		p.Col = col.label
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
	base := r.prov(f, "review", "", "", v.rs, v.re, note)
	for k, col := range cols {
		p := base
		p.Row, p.Col = groupLabels[k/5], col.label
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
//
// A table has rows: a region with one candidate only is kept when that
// token could hold a table by itself (a long line, or a run of twelve or
// more bytes: the review table's fifteen cells, an application row).
func candidates(toks []table.Token) [][2]int {
	var out [][2]int
	var n []int // candidates per region
	last, lone := -100, false
	for i := range toks {
		if !candidate(&toks[i]) || i+1 < len(toks) && wrapped(toks[i+1].Text) {
			continue
		}
		from := max(0, i-8)
		if len(out) > 0 && i-last <= 12 {
			out[len(out)-1][1] = toks[i].End
			n[len(n)-1]++
		} else {
			out = append(out, [2]int{toks[from].Start, toks[i].End})
			n = append(n, 1)
			s := toks[i].Text
			lone = lone || bigToken(s)
		}
		last = i
	}
	keep := out[:0]
	for k, r := range out {
		if n[k] > 1 || lone && bigCandidate(toks, r) {
			keep = append(keep, r)
		}
	}
	return keep
}

// wrapped reports whether a line continues a figure the line before it
// ended with: a PDF's line break inside "2\n018年", "33\n.99%", "67\n8条",
// or before the figure's unit ("申请2\n件").
// The next row of a glued table starts with its label or numbering
// ("2.其他…"), not with the rest of a figure.
func wrapped(next string) bool {
	i := 0
	for i < len(next) && (isDigit(next[i]) || next[i] == '.' && i+1 < len(next) && isDigit(next[i+1])) {
		i++
	}
	if i > 0 {
		return i == len(next) || measure(next[i:])
	}
	// A unit alone before punctuation: "件，信函申请…" (not "人民政府").
	r, n := utf8.DecodeRuneInString(next)
	return strings.ContainsRune("件条个次项篇家宗份封名", r) && (n == len(next) || !isHan(firstRune(next[n:])))
}

// bigCandidate reports whether the region r holds a candidate that could be
// a table by itself.
func bigCandidate(toks []table.Token, r [2]int) bool {
	for i := range toks {
		t := &toks[i]
		if t.Start < r[0] || t.End > r[1] || !candidate(t) {
			continue
		}
		if bigToken(t.Text) {
			return true
		}
	}
	return false
}

// bigToken reports whether a candidate token could hold a table alone: a
// long line, a run of twelve or more bytes, or a line with three glued rows.
func bigToken(s string) bool {
	return len(s) >= longLine || len(s)-runStart(s, len(s)) >= 12 || glues(s, 3)
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
	if !hasDigit(s[i:end]) && end-i < 3 {
		// One blank mark after a word: a row of blanks only after a unit
		// cell ("件—"), else a header or a sentence ("本年增/").
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); len(s) > 120 || unitAt(string(r)) == 0 {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isHan(r) || r == ')'
}

// glues reports whether s holds at least n runs of figures that follow a
// Chinese character and are followed by one that is not a measure word:
// what a glued row looks like inside a line ("规章000行政规范性文件…").
func glues(s string, n int) bool {
	count := 0
	spots(s, func(int, int) bool {
		count++
		return count < n
	})
	return count >= n
}

// spots calls fn with the span of each run of figures in s that follows a
// Chinese character (or ")") and ends s or precedes a Chinese character
// that is not a measure word, until fn returns false.
func spots(s string, fn func(i, j int) bool) {
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
		if j == len(s) || isHan(firstRune(s[j:])) && !measure(s[j:]) {
			if !fn(i, j) {
				return
			}
		}
		i = j
	}
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// Row reports whether a line or sentence is a glued table row, or holds
// one: a row label of a national table directly followed by a run at least
// as long as the row has cells ("2.申请人逾期未按收费通知要求缴纳费用…申请0000000").
// A prose reader skips such text as it skips table rows: its figures are
// cells, not a sentence's. Most sentences fail on their last byte; a short
// one that ends in a run, and a long line at each run that follows a word
// and precedes one, is looked at only just before the run.
func Row(s string) bool {
	if len(s) < 3 {
		return false
	}
	if len(s) < longLine {
		switch b := s[len(s)-1]; {
		case runByte(b), b == ')', b == 0x83, b == 0x87, b == 0x92, b == 0x93, b == 0x94:
		default:
			return false
		}
		return gluedEnd(s) && rowBefore(s, runStart(s, len(s)), len(s))
	}
	found := false
	spots(s, func(i, j int) bool {
		found = rowBefore(s, i, j)
		return !found
	})
	return found
}

// rowBefore reports whether the run s[i:j] is the run of a row whose label
// ends just before it.
func rowBefore(s string, i, j int) bool {
	w := s[max(0, i-maxLabelBytes):j]
	if !anyHead(w) {
		return false
	}
	f := fold(w, 0, len(w))
	for _, fam := range rowFamilies {
		for k := range fam.rows {
			row := &fam.rows[k]
			if len(row.cols) < 2 || !strings.Contains(f.s, row.head) {
				continue
			}
			if h, ok := fam.match(f, k, 0, len(f.s)); ok && h.re-h.rs >= len(row.cols) {
				return true
			}
		}
	}
	return false
}

// anyHead reports whether s holds the label of a row of more than one cell
// as printed (without quotes or spaces inside), the cheap test before
// folding: one pass over s, trying only the labels that start with each
// rune.
func anyHead(s string) bool {
	for i, r := range s {
		for _, h := range headsByFirst[r] {
			if strings.HasPrefix(s[i:], h) {
				return true
			}
		}
	}
	return false
}

// headsByFirst indexes the labels Row looks for by their first rune.
var headsByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, fam := range rowFamilies {
		for _, row := range fam.rows {
			if len(row.cols) < 2 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(row.head)
			if !slices.Contains(m[r], row.head) {
				m[r] = append(m[r], row.head)
			}
		}
	}
	return m
}()

// maxLabelBytes bounds the bytes of a row label and its free wording.
const maxLabelBytes = 160

// rowFamilies are the tables whose rows Row knows.
var rowFamilies = []*family{&applications, ptr(article20[report.FormTable2021]), ptr(article20[report.FormTable2019])}

func ptr(f family) *family { return &f }
