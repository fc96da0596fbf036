package table

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xxgk/xxgk/etl/report"
)

// Value is what one printed cell holds.
type Value struct {
	Kind   report.ValueKind
	Number float64 // meaningful only when Kind is report.KindNumber
	Unit   string  // the unit printed in the cell, e.g. "万", "元", "件"; "" when none
	Approx bool    // the cell said 余/多: "more than Number"
}

// numberRE reads a cell that is one figure: optional sign, digits with
// optional thousands separators and decimals, an optional unit (bare or in
// brackets) and an optional 余/多. Anything else in the cell makes it not a
// value, so a label such as "2.其他法律行政法规禁止公开" is never read as 2.
var numberRE = regexp.MustCompile(`^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(余|多)?\(?(万元|万|元|件次|人次|件|条|个|项|次|人|篇|家|起|宗|份|封)?\)?(余|多)?$`)

// maxValue bounds the byte length of a value cell ("1,234,567.89(万元)" with
// padding); longer cells are labels or sentences.
const maxValue = 64

// Parse reads one cell. ok is false when the cell is not a value at all (a
// label, a sentence); a blank or a dash is a value of an empty kind.
func Parse(s string) (v Value, ok bool) {
	if len(s) > maxValue {
		return Value{}, false
	}
	c := compact(s)
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
		f, err := strconv.ParseFloat(c, 64)
		return Value{Kind: report.KindNumber, Number: f}, err == nil
	}
	if c[0] > 0x7f && !strings.HasPrefix(c, "零") {
		return Value{}, false // a label: figures start with a digit or sign
	}
	m := numberRE.FindStringSubmatch(c)
	if m == nil {
		return Value{}, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", "")+m[3], 64)
	if err != nil {
		return Value{}, false
	}
	if m[1] == "-" {
		f = -f
	}
	return Value{Kind: report.KindNumber, Number: f, Unit: m[5], Approx: m[4] != "" || m[6] != ""}, true
}

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
// normalised text are already folded, and are returned without a copy.
func needsCompact(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E, r == ' ', r == '\t', r == '\n', r == '\r', r == 0x3000, r == 0xA0,
			r == 0x200B, r == 0xFEFF, r == '【', r == '〔', r == '［', r == '】', r == '〕', r == '］', r == 0x2212, r == 0xFE63:
			return true
		}
	}
	return false
}
