package national

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// art20Rows maps the Article 20 row labels (folded by table.Canon) to the
// key prefix of their cells.
var art20Rows = map[string]string{
	"规章": "art20.rules", "规范性文件": "art20.normative", "行政规范性文件": "art20.normative",
	"行政许可": "art20.licensing", "其他对外管理服务事项": "art20.other_services",
	"行政处罚": "art20.penalty", "行政强制": "art20.enforcement",
	"行政事业性收费": "art20.fees", "政府集中采购": "art20.procurement",
}

func rowArt20(c string) string { return art20Rows[c] }

// art20Cols maps an Article 20 column header to the key suffix of its cells.
// need is a piece of text every match of re holds: header cells are tried
// against every pattern, and most fail that plain substring test without
// running the regexp.
var art20Cols = []struct {
	need string
	re   *regexp.Regexp
	col  string
}{
	{"本年制发", regexp.MustCompile(`^本年制发`), "issued"},
	{"本年废止", regexp.MustCompile(`^本年废止`), "repealed"},
	{"现行有效", regexp.MustCompile(`^现行有效`), "in_force"},
	{"新制作", regexp.MustCompile(`新制作`), "made"},
	{"新公开", regexp.MustCompile(`新公开`), "published"},
	{"对外公开总", regexp.MustCompile(`对外公开总`), "public_total"},
	{"项目", regexp.MustCompile(`^上一?年(度)?项目`), "prev_items"},
	{"增", regexp.MustCompile(`增/|增减|增、减`), "change"},
	{"处理决定", regexp.MustCompile(`处理决定`), "decisions"},
	{"采购项目", regexp.MustCompile(`^采购项目`), "items"},
	{"金额", regexp.MustCompile(`^采购(总)?金额`), "amount"},
	{"收费金额", regexp.MustCompile(`收费金额`), "amount"},
}

func colArt20(c string) string {
	if len(c) > 90 {
		return ""
	}
	for _, r := range art20Cols {
		if strings.Contains(c, r.need) && r.re.MatchString(c) {
			return r.col
		}
	}
	return ""
}

// art20Default is each row's columns in printed order, by form: used to name
// a header cell that was cut ("本年新") when the other cells of the header
// agree with the form's layout.
var art20Default = map[report.Form]map[string][]string{
	report.FormTable2021: {
		"art20.rules": {"issued", "repealed", "in_force"}, "art20.normative": {"issued", "repealed", "in_force"},
		"art20.licensing": {"decisions"}, "art20.penalty": {"decisions"}, "art20.enforcement": {"decisions"},
		"art20.fees": {"amount"},
	},
	report.FormTable2019: {
		"art20.rules": {"made", "published", "public_total"}, "art20.normative": {"made", "published", "public_total"},
		"art20.licensing": {"prev_items", "change", "decisions"}, "art20.other_services": {"prev_items", "change", "decisions"},
		"art20.penalty": {"prev_items", "change", "decisions"}, "art20.enforcement": {"prev_items", "change", "decisions"},
		"art20.fees": {"prev_items", "change"}, "art20.procurement": {"items", "amount"},
	},
}

// header is a recognised column header: the key suffix and printed label of
// each column, and the money unit it prints.
type header struct {
	cols   []string
	labels []string
	unit   []string
	copy   []bool // the cell repeats the one before it on its row
	spans  []int  // after merged: how many printed columns each column covers
}

// merged returns the header with repeated cells merged: an HTML header cell
// spanning several columns is printed once per column it covers.
func (h *header) merged() *header {
	m := &header{}
	for k := range h.cols {
		if h.copy[k] && len(m.spans) > 0 {
			m.spans[len(m.spans)-1]++
			continue
		}
		m.cols = append(m.cols, h.cols[k])
		m.labels = append(m.labels, h.labels[k])
		m.unit = append(m.unit, h.unit[k])
		m.copy = append(m.copy, false)
		m.spans = append(m.spans, 1)
	}
	return m
}

// article20 reads the Article 20 table in toks[from:to].
func (d *doc) article20(from, to int) {
	var h *header
	seen := map[string]bool{}
	for i := from; i < to; i++ {
		if d.toks[i].IsValue {
			continue
		}
		c := d.canon[i]
		if c == "信息内容" {
			h, i = d.art20Header(i+1, to)
			continue
		}
		if strings.HasPrefix(c, "第二十条") {
			h = nil
			continue
		}
		key := rowArt20(c)
		if key == "" || seen[key] {
			continue
		}
		cols, labels, units, spans := d.art20Columns(key, h)
		if cols == nil {
			continue
		}
		row := d.quote(i)
		i = d.lastCopy(i)
		cells, n, used := d.spannedValues(i, key, row, labels, spans)
		if cells == nil {
			run := table.ValuesAfter(d.toks, i, len(cols))
			n, used = run.Usable(len(cols)), len(run.Cells)
			cells = d.rowCells(run.Cells, n)
			if n == 0 && len(run.Cells) > 0 {
				d.ambiguous(table.Ambiguity(d.t, run.Cells[0], "", report.AmbiguousReadings,
					fmt.Sprintf("the row's figures do not fit its %d columns", len(cols)), "article20", row, "", ""))
			}
		}
		seen[key] = n > 0
		for k := 0; k < n; k++ {
			v, unit := cells[k].Value, ""
			if cols[k] == "amount" && v.IsNumber() {
				unit = v.Unit
				if unit == "" {
					unit = units[k]
				}
				v.Number = table.InWan(v.Number, unit)
			}
			d.add(table.Cell{Key: key + "." + cols[k], Table: "article20", Row: row, Col: labels[k],
				Tok: cells[k], Value: v, Unit: unit})
		}
		i += used
	}
}

// spannedValues reads the row after label toks[i] under a header whose
// cells span several printed columns (spans, from merged). When the row
// prints one value per printed column, the copies a spanning data cell
// leaves are dropped; when a group's printed values differ, the row's data
// cells do not span as its header does, and which of them is the column's
// figure cannot be told: the group is left out and recorded as ambiguous.
// cells is nil when the row is not read this way (no spanning header, or a
// row that prints one value per merged column, read as any row is).
func (d *doc) spannedValues(i int, key, row string, labels []string, spans []int) (cells []*table.Token, n, used int) {
	width, merged := 0, len(spans)
	for _, s := range spans {
		width += s
	}
	if width == merged {
		return nil, 0, 0
	}
	run := table.ValuesAfter(d.toks, i, width)
	if len(run.Cells) != width {
		return nil, 0, 0
	}
	cells = d.row[:0]
	at := 0
	for g, s := range spans {
		first := &run.Cells[at]
		same := true
		for k := at + 1; k < at+s; k++ {
			if compactText(run.Cells[k].Text) != compactText(first.Text) {
				same = false
			}
		}
		if !same {
			// Every later column shifts too: stop here.
			d.row = cells
			d.ambiguous(table.Ambiguity(d.t, *first, "", report.AmbiguousReadings,
				"header cell spans printed columns whose values differ", "article20", row, labels[g], ""))
			return cells, len(cells), width
		}
		cells = append(cells, first)
		at += s
	}
	d.row = cells
	return cells, merged, width
}

// compactText folds white space away, to compare two printed cells.
func compactText(s string) string { return strings.Join(strings.Fields(s), "") }

// art20Header reads the column header cells after 信息内容, up to the next
// row label, and returns the index of its last cell.
func (d *doc) art20Header(from, to int) (*header, int) {
	h := &header{}
	i := from
	for ; i < to; i++ {
		c := d.canon[i]
		if rowArt20(c) != "" || strings.HasPrefix(c, "第二十条") || c == "信息内容" {
			break
		}
		if d.toks[i].IsValue || c == "" {
			continue
		}
		if n := len(h.cols); n > 0 && len(c) <= len("(单位:万元)") && unitOnly.MatchString(c) {
			// "（元）" on a line of its own: the unit of the cell above.
			h.unit[n-1] = moneyUnit(c)
			h.labels[n-1] += d.quote(i)
			continue
		}
		h.copy = append(h.copy, i > from && d.toks[i-1].Line == d.toks[i].Line && d.toks[i-1].Text == d.toks[i].Text)
		col, label, whole := colArt20(c), d.quote(i), c
		// A header cell split over two lines ("本年新" / "制作数量",
		// "本年废止" / "件数") is joined when the halves together begin a
		// template wording and the first half is not one already.
		if !d.toks[i].Multi && i+1 < to && !d.toks[i+1].Multi && !d.toks[i+1].IsValue {
			if j := templateCol(c + d.canon[i+1]); j != "" && !isTemplate(c) {
				col, label, whole = j, label+d.quote(i+1), c+d.canon[i+1]
				i++
			}
		}
		h.cols = append(h.cols, col)
		h.labels = append(h.labels, label)
		h.unit = append(h.unit, moneyUnit(whole))
	}
	return h, i - 1
}

// unitOnly matches a header cell that is only a money unit: "(元)",
// "(单位:万元)"; no longer cell can match, which callers test first.
var unitOnly = regexp.MustCompile(`^\(?(单位:)?(万元|元|万)\)?$`)

// moneyUnit returns the money unit a header prints: "（单位：万元）", "(元)".
func moneyUnit(c string) string {
	switch {
	case strings.Contains(c, "万元") || strings.Contains(c, "(万)") || c == "万":
		return "万元"
	case strings.Contains(c, "(元)") || strings.Contains(c, ":元") || strings.Contains(c, "元)") || c == "元":
		return "元"
	}
	return ""
}

// art20Columns returns the columns of row key under header h. A header
// whose every cell names a distinct column is used as printed. A header with
// a cut cell ("本年新") is used when its named cells sit where the form's
// layout puts them, the cut cell taking the layout's name. A header whose
// cells repeat (an HTML cell spanning columns) is read with the repeats
// merged. Without a header the form's layout is used only when the form is
// known.
func (d *doc) art20Columns(key string, h *header) (cols, labels, units []string, spans []int) {
	def := art20Default[d.form][key]
	if h == nil || len(h.cols) == 0 {
		if def == nil {
			return nil, nil, nil, nil
		}
		labels = make([]string, len(def))
		for k, c := range def {
			labels[k] = art20ColLabel[c]
		}
		return def, labels, make([]string, len(def)), nil
	}
	if cols := fit(h.cols, def); cols != nil && allowed(key, cols) {
		return cols, h.labels, h.unit, nil
	}
	m := h.merged()
	if cols := fit(m.cols, def); cols != nil && allowed(key, cols) {
		return cols, m.labels, m.unit, m.spans
	}
	return nil, nil, nil, nil
}

// allowed reports whether every column is one that row key has in some
// form: a header left over from another block (行政许可 under the 规章
// header, when the text lost a block's own header) is not used.
func allowed(key string, cols []string) bool {
	for _, c := range cols {
		if !contains(art20Default[report.FormTable2019][key], c) && !contains(art20Default[report.FormTable2021][key], c) {
			return false
		}
	}
	return true
}

// fit names the columns of a header: as printed when every cell names a
// distinct column, else from the layout def when the named cells agree
// with it. It returns nil when the header cannot be read.
func fit(printed, def []string) []string {
	seen := map[string]bool{}
	cut := false
	for _, c := range printed {
		if c == "" {
			cut = true
			continue
		}
		if seen[c] {
			return nil
		}
		seen[c] = true
	}
	if !cut {
		return printed
	}
	if len(def) != len(printed) {
		return nil
	}
	for k, c := range printed {
		if c != "" && c != def[k] {
			return nil
		}
	}
	return def
}

// art20Templates are the column headers as the templates word them.
var art20Templates = []struct{ wording, col string }{
	{"本年制发件数", "issued"}, {"本年废止件数", "repealed"}, {"现行有效件数", "in_force"},
	{"本年新制作数量", "made"}, {"本年新公开数量", "published"}, {"对外公开总数量", "public_total"},
	{"上一年项目数量", "prev_items"}, {"本年增/减", "change"},
	{"处理决定数量", "decisions"}, {"本年处理决定数量", "decisions"},
	{"采购项目数量", "items"}, {"采购总金额", "amount"}, {"本年收费金额(单位:万元)", "amount"},
}

// templateCol returns the column of the template wording that c begins.
func templateCol(c string) string {
	for _, t := range art20Templates {
		if strings.HasPrefix(t.wording, c) {
			return t.col
		}
	}
	return ""
}

// isTemplate reports whether c is a whole template wording.
func isTemplate(c string) bool {
	for _, t := range art20Templates {
		if t.wording == c {
			return true
		}
	}
	return false
}

// art20ColLabel is the template wording of each column, for provenance when
// the report printed no header.
var art20ColLabel = map[string]string{
	"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
	"made": "本年新制作数量", "published": "本年新公开数量", "public_total": "对外公开总数量",
	"prev_items": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量",
	"items": "采购项目数量", "amount": "金额",
}
