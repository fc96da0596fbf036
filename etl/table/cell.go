package table

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xxgk/xxgk/etl/report"
)

// Value is what one printed cell holds.
type Value struct {
	Kind   report.ValueKind
	Number float64 // meaningful only when Kind is report.KindNumber
	Unit   string  // the unit printed in the cell, e.g. "万", "元", "件"; "" when none
	Approx bool    // the cell said 余/多: "more than Number"
}

// units are the units a figure cell may print, a longer unit before its
// prefix (万元 before 万) so the longest one is read.
var units = [...]string{"万元", "万", "元", "件次", "人次", "件", "条", "个", "项", "次", "人", "篇", "家", "起", "宗", "份", "封"}

// maxValue bounds the byte length of a value cell ("1,234,567.89(万元)" with
// padding); longer cells are labels or sentences.
const maxValue = 64

// Parse reads one cell. ok is false when the cell is not a value at all (a
// label, a sentence); a blank or a dash is a value of an empty kind.
func Parse(s string) (v Value, ok bool) {
	if len(s) > maxValue || !spacedDigitsGrouped(s) {
		return Value{}, false
	}
	return parseCompact(compact(s))
}

// spacedDigitsGrouped reports whether the white space s holds between two
// digits, if any, separates thousands ("2 030", "1 234 567", as PDF text
// layers print a grouped figure): after such a space come exactly three
// digits, and before the first one at most three. "1 2" is two cells whose
// column gap was lost, not the figure 12.
func spacedDigitsGrouped(s string) bool {
	if !hasSpace(s) {
		return true
	}
	// Walk the fields apart by white space, keeping the two before the
	// current one; no allocation, as Parse runs on every cell.
	var pp, a string // the field before last, the last field
	for i := 0; i < len(s); {
		if n := isSpaceAt(s, i); n > 0 {
			i += n
			continue
		}
		j := i
		for j < len(s) && isSpaceAt(s, j) == 0 {
			j++
		}
		b := s[i:j]
		if a != "" && isDigit(a[len(a)-1]) && isDigit(b[0]) {
			// a's digits end a group: the first group (1–3 digits), or a
			// middle one (exactly 3, the whole field); b's start a group of 3.
			first := pp == "" || !isDigit(pp[len(pp)-1]) || !isDigit(a[0])
			if first && trailingDigits(a) > 3 || !first && (len(a) != 3 || leadingDigits(a) != 3) || leadingDigits(b) != 3 {
				return false
			}
		}
		pp, a = a, b
		i = j
	}
	return true
}

func trailingDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[len(s)-1-n]) {
		n++
	}
	return n
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// parseCompact is Parse on a cell already folded by compact.
func parseCompact(c string) (v Value, ok bool) {
	switch c {
	case "":
		return Value{Kind: report.KindEmpty}, true
	case "-", "--", "—", "——", "–", "---":
		return Value{Kind: report.KindEmpty}, true
	case "/", "//", "\\", "无", "不适用", "不涉及":
		return Value{Kind: report.KindNotApplicable}, true
	case "零", "零件", "零条", "零个", "零项":
		return Value{Kind: report.KindNumber, Unit: strings.TrimPrefix(c, "零")}, true
	}
	if digits(c) {
		// At most 15 digits: the integer is exact in a float64.
		n := 0
		for i := 0; i < len(c); i++ {
			n = n*10 + int(c[i]-'0')
		}
		return Value{Kind: report.KindNumber, Number: float64(n)}, true
	}
	if c[0] > 0x7f && !strings.HasPrefix(c, "零") {
		return Value{}, false // a label: figures start with a digit or sign
	}
	return figure(c)
}

// figure reads a cell that is one figure: an optional sign, digits with
// optional thousands separators ("1,036") and decimals, an optional 余/多,
// an optional unit, bare or in brackets, and an optional 余/多 after it.
// Anything else in the cell makes it not a value, so a label such as
// "2.其他法律行政法规禁止公开" is never read as 2. It scans by hand: this
// runs on every cell of every report, where a regexp costs most of the time.
func figure(c string) (Value, bool) {
	i, neg := 0, false
	if c != "" && (c[0] == '+' || c[0] == '-') {
		neg = c[0] == '-'
		i++
	}
	intStart := i
	for i < len(c) && isDigit(c[i]) {
		i++
	}
	lead := i - intStart
	if lead == 0 {
		return Value{}, false
	}
	grouped := false
	if i < len(c) && c[i] == ',' {
		// Thousands groups: one to three digits, then ",ddd" groups only.
		if lead > 3 {
			return Value{}, false
		}
		for i+4 <= len(c) && c[i] == ',' && isDigit(c[i+1]) && isDigit(c[i+2]) && isDigit(c[i+3]) {
			i += 4
			if i < len(c) && isDigit(c[i]) {
				return Value{}, false
			}
		}
		grouped = true
	}
	intEnd := i
	if i+1 < len(c) && c[i] == '.' && isDigit(c[i+1]) {
		for i++; i < len(c) && isDigit(c[i]); i++ {
		}
	}
	numEnd := i
	approx := false
	if n := approxAt(c[i:]); n > 0 {
		approx, i = true, i+n
	}
	if i < len(c) && c[i] == '(' {
		i++
	}
	unit := ""
	for _, u := range units {
		if strings.HasPrefix(c[i:], u) {
			unit, i = u, i+len(u)
			break
		}
	}
	if i < len(c) && c[i] == ')' {
		i++
	}
	if n := approxAt(c[i:]); n > 0 {
		approx, i = true, i+n
	}
	if i != len(c) {
		return Value{}, false
	}
	num := c[intStart:numEnd]
	if grouped {
		num = strings.ReplaceAll(c[intStart:intEnd], ",", "") + c[intEnd:numEnd]
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return Value{}, false
	}
	if neg {
		f = -f
	}
	return Value{Kind: report.KindNumber, Number: f, Unit: unit, Approx: approx}, true
}

// approxAt returns the byte length of a 余 or 多 ("more than") at the start
// of s, or 0.
func approxAt(s string) int {
	if strings.HasPrefix(s, "余") || strings.HasPrefix(s, "多") {
		return len("余")
	}
	return 0
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// digits reports whether s is a plain run of ASCII digits, the common cell.
func digits(s string) bool {
	if len(s) == 0 || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// InWan returns a money figure in 万元, the unit of every amount key. A cell
// printed in 元 is divided by 10,000; 万 and 万元 are already 万元. unit is the
// cell's own unit or, when the cell prints none, the column header's.
func InWan(n float64, unit string) float64 {
	if unit == "元" {
		return n / 10000
	}
	return n
}

// compact folds a cell to the form Parse and Canon compare: full-width ASCII
// to half-width, the ideographic space and no-break space removed with all
// other white space, and the Chinese brackets and minus signs mapped.
func compact(s string) string {
	if !needsCompact(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0x3000 || r == 0xA0 || r == 0x200B || r == 0xFEFF:
			continue
		case r == '【' || r == '〔' || r == '［':
			r = '('
		case r == '】' || r == '〕' || r == '］':
			r = ')'
		case r == 0x2212 || r == 0xFE63: // minus sign, small hyphen-minus
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsCompact reports whether compact would change s: most cells of a
// normalised text are already folded, and are returned without a copy. It
// scans bytes and decodes only runes whose lead byte can start one that
// compact rewrites (C2: U+00A0; E2: U+200B, U+2212; E3: U+3000, 【〔】〕;
// EF: full-width forms, U+FE63, U+FEFF); a Chinese character never does.
func needsCompact(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
			return true
		case 0xC2, 0xE2, 0xE3, 0xEF:
			r, _ := utf8.DecodeRuneInString(s[i:])
			switch {
			case r >= 0xFF01 && r <= 0xFF5E, r == 0x3000, r == 0xA0, r == 0x200B, r == 0xFEFF,
				r == '【', r == '〔', r == '［', r == '】', r == '〕', r == '］', r == 0x2212, r == 0xFE63:
				return true
			}
		}
	}
	return false
}
