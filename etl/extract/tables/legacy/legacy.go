package legacy

import (
	"fmt"
	"strings"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// Result is what the legacy reader found: the cells it placed, and the
// figures it saw but could not place with certainty.
type Result struct {
	Cells     []table.Cell
	Ambiguous []report.Ambiguity
}

// unitRunes are the characters a cell of the table's 单位 column is made of
// ("条", "件", "万元", "人次", "(个)"); isUnit runs on many cells, so it scans
// rather than matching a pattern.
const unitRunes = "条件个次人篇项元万千期场份封宗起家/、"

func isUnit(c string) bool {
	if c == "" || len(c) > 16 {
		return false
	}
	c = strings.TrimSuffix(strings.TrimPrefix(c, "("), ")")
	n := 0
	for _, r := range c {
		if !strings.ContainsRune(unitRunes, r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 4 && strings.Trim(c, "/、") != ""
}

// minRows is how many indicators must carry a figure before the cells are
// taken as a legacy table: a few matching cells could be a stray list.
const minRows = 3

// RuleFlattened names the mechanism that read a table flattened onto one
// line (Provenance.Rule).
const RuleFlattened = "table.flattened"

// reader is the reading state of one report.
type reader struct {
	t   *normalize.Text
	sec string // the section the rows stand in; "" before any heading
	// headed is true when a heading named the section, false when only the
	// rows read so far imply it (a table whose headings were lost).
	headed bool
	cols   *columns // the header in force; nil before one is seen
	seen   map[string]bool
	cells  []table.Cell
	amb    []report.Ambiguity
}

// Read finds the legacy table's cells: the national 统计表 and the
// provincial tables before it, in any of the layouts etl/table cuts (one cell
// per line, pipe rows, column gaps) and flattened onto one spaced line.
//
// A row is its label, an optional unit cell, and its figures. Which figure
// is the year's is read from the column header: 本年/本年度/本期/2009年度 is,
// 历年累计/本年累计/上年/增减 never is. A row whose figures do not fit the
// header, or several figures under no header, is left out and recorded as
// ambiguous, so a cumulative or last year's figure is never stored as this
// year's.
func Read(t *normalize.Text, toks []table.Token) Result {
	r := &reader{t: t}
	for i := 0; i < len(toks); {
		if next, ok := r.flatLine(toks, i); ok {
			i = next
			continue
		}
		i = r.step(toks, i, false)
	}
	// Rows left out as ambiguous are rows of the table all the same: a table
	// whose rows all fit two readings is reported, with nothing placed.
	if len(r.cells)+len(r.amb) < minRows {
		return Result{}
	}
	return Result{Cells: r.cells, Ambiguous: r.amb}
}

// step reads the token ts[i] (a header, a heading, or a row label) and
// returns the index of the next token to read.
func (r *reader) step(ts []table.Token, i int, flat bool) int {
	tok := &ts[i]
	if tok.IsValue || len(tok.Canon) > 120 {
		return i + 1 // a stray figure, or a sentence
	}
	if next := r.header(ts, i); next > i {
		return next
	}
	ind, ok := match(tok.Canon)
	if !ok {
		r.heading(tok.Canon)
		return i + 1
	}
	return r.row(ts, i, ind, flat)
}

// header reads a column header starting at ts[i]: two or more header cells
// in a row (on one line, or one a line), at least one of them a value
// column. On a line of several cells every cell must be a header cell, so a
// data row is never taken for one. It returns i when ts[i] starts none.
func (r *reader) header(ts []table.Token, i int) int {
	if classify(ts[i].Canon) == colUnknown {
		return i
	}
	var classes []colClass
	var printed, canon []string
	var pos []int
	values := 0
	j := i
	for ; j < len(ts); j++ {
		tok := &ts[j]
		if tok.Multi && tok.Line != ts[i].Line {
			break
		}
		if tok.IsValue && tok.Text == "" {
			continue // an empty header cell over the label column
		}
		pos = append(pos, int(tok.Col))
		c := classify(tok.Canon)
		if c == colUnknown || tok.IsValue {
			if tok.Multi {
				return i // a line of headers and something else: not a header
			}
			break
		}
		if c.isValue() {
			values++
		}
		classes = append(classes, c)
		printed = append(printed, table.Quote(r.t, *tok))
		canon = append(canon, tok.Canon)
	}
	if len(classes) < 2 || values == 0 {
		return i
	}
	r.cols = newColumns(classes, printed, canon)
	if ts[i].Layout == table.LayoutPipe && r.cols.year >= 0 {
		r.cols.width = int(ts[i].LineCells)
		r.cols.yearPos = pos[valueIndex(classes, r.cols.year)]
		if r.cols.unitPos >= 0 {
			r.cols.unitPos = pos[r.cols.unitPos]
		}
	}
	return j
}

// row reads the row whose label is ts[i] and places its year's figure under
// ind's key. It returns the index after the row.
func (r *reader) row(ts []table.Token, i int, ind indicator, flat bool) int {
	key := ind.key
	if ind.where != "" && r.headed && r.sec != ind.where {
		key = "" // a short name out of its section (当面 under 咨询): not this row
	}
	if strings.HasPrefix(key, ".") {
		if r.sec != secReview && r.sec != secLitigation {
			key = ""
		} else {
			key = r.sec + key
		}
	}
	if s := keySection(key); s != "" {
		r.sec, r.headed = s, false
	} else if ind.key == "" {
		r.heading(ts[i].Canon) // 咨询总量 opens the 咨询 rows as a heading would
	}
	lab := i
	labelEnd := ts[i].End
	j := r.afterCopies(ts, i)
	unit, unitTok := "", -1
	for j < len(ts) && r.sameRow(ts, lab, j) && !ts[j].IsValue && isUnit(ts[j].Canon) {
		unit, unitTok = strings.Trim(ts[j].Canon, "()"), j
		j++
	}
	if unitTok < 0 && j < len(ts) && r.continuation(ts, lab, j) {
		// A label wrapped onto the next line ("（一）主动公开政府信息数（不同渠道和" /
		// "方式公开相同信息计1条）"): the unit and figures follow the wrapped part.
		labelEnd = ts[j].End
		for j++; j < len(ts) && !ts[j].IsValue && isUnit(ts[j].Canon); j++ {
			unit, unitTok = strings.Trim(ts[j].Canon, "()"), j
		}
	}
	k := j
	for k < len(ts) && r.sameRow(ts, lab, k) && ts[k].IsValue {
		k++
	}
	vals := ts[j:k]
	open := k == len(ts)
	if key == "" || r.seen[key] || len(vals) == 0 {
		return k
	}
	if r.cols != nil {
		// Empty cells past the header's columns are padding (a remark column,
		// a pipe row's border).
		for len(vals) > len(r.cols.values) && vals[len(vals)-1].Text == "" {
			vals = vals[:len(vals)-1]
		}
	}
	rowText, _, _ := r.t.Quote(ts[lab].Start, labelEnd)
	if r.cols != nil && r.cols.width > 0 && ts[lab].Layout == table.LayoutPipe && int(ts[lab].LineCells) == r.cols.width {
		// A pipe row as wide as its header: each cell is in its column.
		base := lab - int(ts[lab].Col)
		if y := &ts[base+r.cols.yearPos]; y.IsValue && base+r.cols.yearPos > lab {
			vals, unit, unitTok = ts[base+r.cols.yearPos:base+r.cols.yearPos+1], "", -1
			if u := base + r.cols.unitPos; r.cols.unitPos >= 0 && u > lab && isUnit(ts[u].Canon) {
				unit, unitTok = strings.Trim(ts[u].Canon, "()"), u
			}
			return r.place(ts, lab, key, rowText, vals, 0, unit, unitTok, flat, k)
		}
	}
	pick, why := r.pick(vals, open, ts[lab].Multi && !flat)
	if pick < 0 {
		r.amb = append(r.amb, table.Ambiguity(r.t, vals[0], key, report.AmbiguousReadings, why, "legacy", rowText, "", r.rule(flat)))
		return k
	}
	return r.place(ts, lab, key, rowText, vals, pick, unit, unitTok, flat, k)
}

// place stores vals[pick] as the year's figure of row key and returns next.
func (r *reader) place(ts []table.Token, lab int, key, rowText string, vals []table.Token, pick int, unit string, unitTok int, flat bool, next int) int {
	k := next
	tok := &vals[pick]
	v := tok.Value
	cell := table.Cell{Key: key, Table: "legacy", Row: rowText, Tok: tok, Value: v}
	switch {
	case r.cols != nil && r.cols.year >= 0:
		cell.Col = r.cols.labels[r.cols.year]
		if len(r.cols.values) > 1 {
			cell.Note = fmt.Sprintf("column %d of %d (%s)", r.cols.year+1, len(r.cols.values), strings.Join(r.cols.labels, " / "))
		}
	case unitTok >= 0:
		cell.Col = table.Quote(r.t, ts[unitTok])
	}
	if flat {
		cell.Rule = RuleFlattened
	}
	if moneyKeys[key] && v.IsNumber() {
		u := firstNonEmpty(v.Unit, unit, unitOf(ts[lab].Canon))
		if u == "" && r.cols != nil && r.cols.year >= 0 {
			u = unitOf(table.Canon(r.cols.labels[r.cols.year]))
		}
		n, ok := inWan(v.Number, u)
		if !ok {
			r.amb = append(r.amb, table.Ambiguity(r.t, *tok, key, report.AmbiguousUnit,
				"an amount printed without a money unit", "legacy", rowText, cell.Col, r.rule(flat)))
			return k
		}
		cell.Value.Number, cell.Unit = n, u
	}
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	r.seen[key] = true
	if r.cells == nil {
		// Each indicator gives at most one cell; most reports have no
		// legacy table, so nothing is allocated before the first.
		r.cells = make([]table.Cell, 0, 32)
	}
	r.cells = append(r.cells, cell)
	return k
}

// heading notes the section a heading cell opens, if any.
func (r *reader) heading(c string) {
	if s := headingSection(c); s != "" {
		r.sec, r.headed = s, true
	}
}

// pick chooses the year's figure among a row's figures, or returns -1 and
// why it cannot.
func (r *reader) pick(vals []table.Token, open, multi bool) (int, string) {
	n := len(vals)
	if r.cols == nil {
		if n == 1 {
			return 0, ""
		}
		return -1, fmt.Sprintf("%d figures after the row name and no column header says which is the year's", n)
	}
	nc := len(r.cols.values)
	if r.cols.year < 0 {
		return -1, r.cols.why
	}
	switch {
	case n == nc:
		return r.cols.year, ""
	case n == nc+1 && r.cols.seq && !multi:
		// One cell per line: the extra figure is the next row's 序号.
		return r.cols.year, ""
	case n < nc && open && r.cols.year < n:
		// The copy was cut in the middle of the row: its first cells stand.
		return r.cols.year, ""
	}
	return -1, fmt.Sprintf("%d figures under %d value columns (%s)", n, nc, strings.Join(r.cols.labels, " / "))
}

func (r *reader) rule(flat bool) string {
	if flat {
		return RuleFlattened
	}
	return ""
}

// afterCopies skips the copies of the label ts[i] on its row (an HTML cell
// spanning columns is printed once per column) and returns the index after.
func (r *reader) afterCopies(ts []table.Token, i int) int {
	j := i + 1
	for j < len(ts) && ts[i].Multi && ts[j].Line == ts[i].Line && ts[j].Text == ts[i].Text {
		j++
	}
	return j
}

// sameRow reports whether ts[j] can belong to the row labelled ts[lab]: on
// its line when the row is laid out on one line, any following cell when
// the table prints one cell per line.
func (r *reader) sameRow(ts []table.Token, lab, j int) bool {
	return !ts[lab].Multi || ts[j].Line == ts[lab].Line
}

// continuation reports whether ts[j], after the label ts[lab] with no unit
// or figure of its own, is the label's wrapped tail: one cell per line, on
// the next line, short, and neither a figure, a unit, a header, a heading nor
// a row name itself.
func (r *reader) continuation(ts []table.Token, lab, j int) bool {
	next := &ts[j]
	if ts[lab].Multi || next.Multi || next.IsValue || next.Line != ts[lab].Line+1 {
		return false
	}
	c := next.Canon
	if c == "" || len(c) > 15*3 || isUnit(c) || classify(c) != colUnknown || headingSection(c) != "" {
		return false
	}
	if _, ok := match(c); ok {
		return false
	}
	return j+1 < len(ts) && (ts[j+1].IsValue || isUnit(ts[j+1].Canon))
}

// inWan converts an amount to 万元 from the unit printed with it; ok is
// false when the unit is missing or not a money unit and the amount is not
// zero (zero is zero in any unit).
func inWan(n float64, unit string) (float64, bool) {
	switch unit {
	case "万元", "万":
		return n, true
	case "元":
		return n / 10000, true
	case "千元":
		return n / 10, true
	}
	return 0, n == 0
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}
