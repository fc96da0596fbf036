package glued

import (
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/etl/report"
)

// Cell is one cell of a reading of a glued run.
type Cell struct {
	Kind  report.ValueKind // number, empty ("-") or not applicable ("/")
	N     int64            // the figure of a count or signed cell
	F     float64          // the figure of an amount cell, as printed (unit not applied)
	Unit  string           // the money unit printed after an amount, "" when none
	Start int              // byte span of the cell in the run
	End   int
}

// value is the cell's figure for sums: a blank counts as zero (domain §2:
// the column sums hold with blank = 0), though it is stored as blank.
func (c Cell) value() int64 {
	if c.Kind != report.KindNumber {
		return 0
	}
	return c.N
}

// same reports whether two readings of a cell give the same stored value.
func (c Cell) same(d Cell) bool {
	return c.Kind == d.Kind && c.N == d.N && c.F == d.F && c.Unit == d.Unit
}

// Text is the cell as a reader would print it.
func (c Cell) Text() string {
	switch c.Kind {
	case report.KindEmpty:
		return "-"
	case report.KindNotApplicable:
		return "/"
	}
	if c.F != 0 || c.Unit != "" {
		return strconv.FormatFloat(c.F, 'f', -1, 64) + c.Unit
	}
	return strconv.FormatInt(c.N, 10)
}

// Rule is the identity a row's own cells obey.
type Rule uint8

// The row identities.
const (
	NoRule Rule = iota // no identity within the row (Article 20, legacy)
	RowSum             // the last cell is the sum of the others (I3); a one-cell row has no rule
	Blocks             // blocks of five cells, one the sum of the other four (I4)
)

// Limits bound the search on one report, so a hostile digit string cannot
// stall a batch.
type Limits struct {
	Steps    int           // search steps over all the report's glued tables
	Readings int           // readings kept per row; more is ambiguous beyond listing
	States   int           // partial column sums kept by the table-wide search
	Time     time.Duration // wall time for the report's glued tables
	RunBytes int           // longest run split; a longer one is not searched
}

// DefaultLimits are far above what a real table needs (a large city's
// application table takes a few thousand steps).
var DefaultLimits = Limits{Steps: 1 << 21, Readings: 64, States: 1 << 13, Time: 200 * time.Millisecond, RunBytes: 160}

// budget counts the steps of one report's search.
type budget struct {
	Limits
	steps    int
	deadline time.Time
	hit      bool
	bufs     [][]Cell // the splitter's option lists, one per search depth, reused by every row
}

func newBudget(l Limits) *budget {
	return &budget{Limits: l, deadline: time.Now().Add(l.Time)}
}

// step counts one step and reports whether the search may go on.
func (b *budget) step() bool {
	if b.hit {
		return false
	}
	b.steps++
	if b.steps > b.Steps || b.steps&4095 == 0 && time.Now().After(b.deadline) {
		b.hit = true
	}
	return !b.hit
}

// maxDigits bounds the digits of one integer cell, maxCell the bytes of any
// cell (an amount with decimals and a unit).
const (
	maxDigits = 12
	maxCell   = 32
)

// Split lists the readings of run as the cells of cols that obey rule (for
// Blocks, totalAt is the position of the total within each block of five).
// bound is set when the search hit a limit: the readings are then
// incomplete and must not be used.
func Split(run string, cols []Kind, rule Rule, totalAt int, l Limits) (readings [][]Cell, bound bool) {
	b := newBudget(l)
	rs := split(run, cols, rule, totalAt, b)
	return rs, b.hit || len(rs) > l.Readings
}

// split is Split within a shared budget. It returns at most b.Readings+1
// readings: one more than the limit says there are too many.
func split(run string, cols []Kind, rule Rule, totalAt int, b *budget) [][]Cell {
	if len(run) > b.RunBytes {
		b.hit = true
		return nil
	}
	sp := &splitter{run: run, cols: cols, b: b, cur: make([]Cell, 0, len(cols)), rule: rule, totalAt: totalAt}
	if rule == RowSum && len(cols) >= 2 {
		sp.rowSums()
	} else {
		sp.walk(0, 0, 0)
	}
	return sp.out
}

type splitter struct {
	run     string
	cols    []Kind
	rule    Rule
	totalAt int
	b       *budget
	cur     []Cell
	out     [][]Cell
	// For RowSum: the cells before the total stop at end and sum to target.
	end    int
	target int64
}

func (sp *splitter) full() bool { return len(sp.out) > sp.b.Readings }

func (sp *splitter) emit() {
	sp.out = append(sp.out, append([]Cell(nil), sp.cur...))
}

// rowSums enumerates the rows whose last cell is the sum of the others: the
// total is a suffix of the run, tried at every length, and the cells before
// it are searched with their sum bounded by the total.
func (sp *splitter) rowSums() {
	n := len(sp.cols)
	for t0 := len(sp.run) - 1; t0 >= n-1 && !sp.full(); t0-- {
		if !sp.b.step() {
			return
		}
		end := t0
		if sp.run[t0] == ' ' {
			continue
		}
		if sp.run[t0-1] == ' ' {
			end = t0 - 1
		}
		var total Cell
		ok := false
		for _, c := range sp.options(t0, sp.cols[n-1], n) {
			if c.End == len(sp.run) {
				total, ok = c, true
				break
			}
		}
		if !ok {
			continue
		}
		sp.end, sp.target = end, total.value()
		sp.cur = sp.cur[:0]
		sp.walkSum(0, 0, 0)
	}
}

// walkSum places cell col of the parts at pos with the parts so far summing
// to sum; at the last part the total (the suffix from sp.end) is appended.
func (sp *splitter) walkSum(pos, col int, sum int64) {
	if sp.full() || !sp.b.step() {
		return
	}
	n := len(sp.cols) - 1
	if col == n {
		if pos != sp.end || sum != sp.target {
			return
		}
		t0 := sp.end
		if t0 < len(sp.run) && sp.run[t0] == ' ' {
			t0++
		}
		for _, c := range sp.options(t0, sp.cols[n], n) {
			if c.End == len(sp.run) && c.value() == sp.target {
				sp.cur = append(sp.cur, c)
				sp.emit()
				sp.cur = sp.cur[:len(sp.cur)-1]
				return
			}
		}
		return
	}
	if col > 0 && pos < sp.end && sp.run[pos] == ' ' {
		pos++
	}
	if sp.end-pos < n-col || sp.end-pos > (n-col)*(maxDigits+2) {
		return
	}
	for _, c := range sp.options(pos, sp.cols[col], col) {
		if c.End > sp.end || sum+c.value() > sp.target || c.value() < 0 {
			continue
		}
		sp.cur = append(sp.cur, c)
		sp.walkSum(c.End, col+1, sum+c.value())
		sp.cur = sp.cur[:len(sp.cur)-1]
	}
}

// walk places cell col at pos; blockSum is the sum of the current block's
// cells other than its total (Blocks).
func (sp *splitter) walk(pos, col int, blockSum int64) {
	if sp.full() || !sp.b.step() {
		return
	}
	if col == len(sp.cols) {
		if pos == len(sp.run) {
			sp.emit()
		}
		return
	}
	if col > 0 && pos < len(sp.run) && sp.run[pos] == ' ' {
		pos++
	}
	if left := len(sp.run) - pos; left < len(sp.cols)-col || left > (len(sp.cols)-col)*maxCell {
		return
	}
	inBlock := col % 5
	for _, c := range sp.options(pos, sp.cols[col], col) {
		next := blockSum
		if sp.rule == Blocks {
			if inBlock != sp.totalAt {
				next += c.value()
			}
			if inBlock == 4 {
				// The block is complete: its total must be the sum.
				total := c
				if sp.totalAt != 4 {
					total = sp.cur[len(sp.cur)-4+sp.totalAt]
				}
				if total.value() != next {
					continue
				}
				next = 0
			}
		}
		sp.cur = append(sp.cur, c)
		sp.walk(c.End, col+1, next)
		sp.cur = sp.cur[:len(sp.cur)-1]
	}
}

// options lists the cells of grammar k that can start at pos, in the
// storage of search depth d (valid until options is called at d again).
func (sp *splitter) options(pos int, k Kind, d int) []Cell {
	s := sp.run
	if pos >= len(s) {
		return nil
	}
	bufs := &sp.b.bufs
	for len(*bufs) <= d {
		*bufs = append(*bufs, make([]Cell, 0, maxDigits+2))
	}
	out := (*bufs)[d][:0]
	defer func() { (*bufs)[d] = out[:0] }()
	switch s[pos] {
	case '/', '\\':
		out = append(out, Cell{Kind: report.KindNotApplicable, Start: pos, End: pos + 1})
	case '-':
		out = append(out, Cell{Kind: report.KindEmpty, Start: pos, End: pos + 1})
		if pos+1 < len(s) && s[pos+1] == '-' {
			out = append(out, Cell{Kind: report.KindEmpty, Start: pos, End: pos + 2}) // "——" is one blank
		}
	}
	i := pos
	neg := false
	if k == Signed && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i >= len(s) || !isDigit(s[i]) {
		return out
	}
	// The integer part: "0", or digits without a leading zero.
	for j := i + 1; j <= len(s) && j-i <= maxDigits && isDigit(s[j-1]); j++ {
		if s[i] == '0' && j > i+1 {
			break
		}
		n, _ := strconv.ParseInt(s[i:j], 10, 64)
		if neg {
			n = -n
		}
		if k != Amount {
			out = append(out, Cell{Kind: report.KindNumber, N: n, Start: pos, End: j})
			continue
		}
		// An amount: the integer alone, with decimals, then with a unit.
		ends := []int{j}
		if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			for d := j + 2; d <= len(s) && isDigit(s[d-1]); d++ {
				ends = append(ends, d)
			}
		}
		for _, e := range ends {
			f, _ := strconv.ParseFloat(s[pos:e], 64)
			out = append(out, Cell{Kind: report.KindNumber, F: f, Start: pos, End: e})
			for _, u := range moneyUnits {
				if strings.HasPrefix(s[e:], u) {
					out = append(out, Cell{Kind: report.KindNumber, F: f, Unit: unitName(u), Start: pos, End: e + len(u)})
					break
				}
			}
		}
	}
	return out
}

// unitName folds a printed money unit ("(万)", "万元") to 万元 or 元.
func unitName(u string) string {
	if strings.Contains(u, "万") {
		return "万元"
	}
	return "元"
}
