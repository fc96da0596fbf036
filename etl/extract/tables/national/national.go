package national

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/normalize"
	"github.com/xxgk/xxgk/etl/report"
	"github.com/xxgk/xxgk/etl/table"
)

// Result is what the national tables of one report hold.
type Result struct {
	Form  report.Form // table2021 or table2019 when the tables tell; "" otherwise
	Cells []table.Cell
	// Ambiguous lists the cells seen and not placed because the text
	// fits more than one reading of them.
	Ambiguous []report.Ambiguity
}

// Read finds the three national tables in a token stream.
func Read(t *normalize.Text, toks []table.Token) Result { return ReadInto(nil, t, toks) }

// ReadInto is Read placing the cells in buf's storage when it is large
// enough (its contents are overwritten), for a caller that reuses one cell
// slice from report to report.
func ReadInto(buf []table.Cell, t *normalize.Text, toks []table.Token) Result {
	canonBuf := canonPool.Get().(*[]string)
	defer func() {
		clear(*canonBuf)
		if cap(*canonBuf) <= 1<<14 { // a huge report's slice is not kept
			*canonBuf = (*canonBuf)[:0]
			canonPool.Put(canonBuf)
		}
	}()
	canon := slices.Grow((*canonBuf)[:0], len(toks))[:len(toks)]
	*canonBuf = canon
	values := 0
	for i, tok := range toks {
		canon[i] = tok.Canon
		if tok.IsValue {
			values++
		}
	}
	// Each placed cell is a value token, so their number bounds the cells;
	// a report in prose then allocates little.
	cells := buf[:0]
	if n := min(values, 256); cap(cells) < n {
		cells = make([]table.Cell, 0, n)
	}
	d := &doc{t: t, toks: toks, canon: canon, form: formCue(canon), cells: cells}
	d.row = d.rowBuf[:0]
	appStart := d.find(0, isAppStart)
	reviewStart := d.find(max(appStart, 0), isReviewStart)
	art20End := len(toks)
	if appStart >= 0 {
		art20End = appStart
	} else if reviewStart >= 0 {
		art20End = reviewStart
	}
	d.article20(0, art20End)
	if appStart >= 0 {
		end := len(toks)
		if reviewStart >= 0 {
			end = reviewStart
		}
		d.applications(appStart, end)
	}
	if reviewStart >= 0 {
		d.review(reviewStart)
	}
	if len(d.cells) == 0 {
		return Result{Ambiguous: d.amb}
	}
	return Result{Form: d.form, Cells: d.cells, Ambiguous: d.amb}
}

// canonPool holds the per-token label slices between reports.
var canonPool = sync.Pool{New: func() any { return new([]string) }}

// doc is the reading state of one report.
type doc struct {
	t      *normalize.Text
	toks   []table.Token
	canon  []string
	form   report.Form
	cells  []table.Cell
	amb    []report.Ambiguity
	row    []*table.Token // scratch: the value cells of the row being placed
	rowBuf [16]*table.Token
}

// rowCells returns the scratch slice holding pointers to cells[:n], for the
// row being placed (it is overwritten by the next row).
func (d *doc) rowCells(cells []table.Token, n int) []*table.Token {
	d.row = d.row[:0]
	for k := 0; k < n; k++ {
		d.row = append(d.row, &cells[k])
	}
	return d.row
}

// find returns the index of the first token at or after from that pred
// accepts, or -1.
func (d *doc) find(from int, pred func(string) bool) int {
	for i := from; i < len(d.canon); i++ {
		if !d.toks[i].IsValue && pred(d.canon[i]) {
			return i
		}
	}
	return -1
}

// lastCopy skips the copies of toks[i] that follow it on its row: an HTML
// cell spanning several columns is printed once per column it covers, and
// its row's values follow the last copy.
func (d *doc) lastCopy(i int) int {
	for i+1 < len(d.toks) && d.toks[i+1].Line == d.toks[i].Line && d.toks[i+1].Text == d.toks[i].Text {
		i++
	}
	return i
}

func (d *doc) quote(i int) string { return table.Quote(d.t, d.toks[i]) }

func (d *doc) add(c table.Cell) { d.cells = append(d.cells, c) }

func (d *doc) ambiguous(a report.Ambiguity) { d.amb = append(d.amb, a) }

// Cues that name the form: column headers and rows only one form prints.
var (
	cue2021 = []string{"本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "逾期未按收费通知"}
	cue2019 = []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额", "其他对外管理服务事项"}
)

// formCue reads the form from label cells only (short cells), so a sentence
// that quotes a header cannot decide it.
func formCue(canon []string) report.Form {
	for _, c := range canon {
		if len(c) > 120 || len(c) < 12 {
			continue
		}
		if f := cueForm(c); f != "" {
			return f
		}
	}
	return ""
}

// cueFirst holds the first rune of every cue of cue2021 and cue2019.
var cueFirst = func() []rune {
	var rs []rune
	for _, c := range append(slices.Clone(cue2021), cue2019...) {
		r, _ := utf8.DecodeRuneInString(c)
		if !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	return rs
}()

// cueForm returns the form whose cue c holds, 2021 first when it holds
// both. It walks c once and tries the cues only where a rune starts one,
// rather than searching c for each cue in turn.
func cueForm(c string) report.Form {
	var form report.Form
	for i, r := range c {
		if !slices.Contains(cueFirst, r) {
			continue
		}
		rest := c[i:]
		for _, k := range cue2021 {
			if strings.HasPrefix(rest, k) {
				return report.FormTable2021
			}
		}
		for _, k := range cue2019 {
			if strings.HasPrefix(rest, k) {
				form = report.FormTable2019
			}
		}
	}
	return form
}

func isAppStart(c string) bool {
	return c == "申请人情况" || len(c) < 200 && strings.Contains(c, "勾稽关系") ||
		strings.HasPrefix(c, "本年") && rowApps(c) == "apps_new"
}

// isReviewStart matches the review table's first header cell, or the
// section heading above it when that heading is a cell of its own.
func isReviewStart(c string) bool {
	if c == "行政复议" {
		return true
	}
	return len(c) < 90 && strings.Contains(c, "行政复议") && strings.Contains(c, "行政诉讼") && strings.HasSuffix(c, "情况")
}
