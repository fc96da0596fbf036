package charts

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"time"

	"github.com/xxgk/xxgk/queries"
)

// table reads a query result by column name, so a query that gains columns
// does not break the pages. A column the result lacks reads as NULL.
type table struct {
	name string
	res  *queries.Result
	idx  map[string]int
}

func newTable(name string, res *queries.Result) *table {
	t := &table{name: name, res: res, idx: map[string]int{}}
	if res == nil {
		t.res = &queries.Result{}
		return t
	}
	for i, c := range res.Columns {
		t.idx[c] = i
	}
	return t
}

func (t *table) rows() [][]any { return t.res.Rows }

func (t *table) get(row []any, col string) any {
	i, ok := t.idx[col]
	if !ok || i >= len(row) {
		return nil
	}
	return row[i]
}

func (t *table) str(row []any, col string) string { return text(t.get(row, col)) }

func (t *table) num(row []any, col string) (float64, bool) { return number(t.get(row, col)) }

func (t *table) int(row []any, col string) int {
	v, ok := number(t.get(row, col))
	if !ok {
		return 0
	}
	return int(v)
}

func (t *table) optNum(row []any, col string) *float64 {
	v, ok := number(t.get(row, col))
	if !ok {
		return nil
	}
	return &v
}

func (t *table) bool(row []any, col string) bool {
	switch v := t.get(row, col).(type) {
	case bool:
		return v
	case string:
		b, _ := strconv.ParseBool(v)
		return b
	}
	return false
}

// floater is what DuckDB's DECIMAL values offer.
type floater interface{ Float64() float64 }

// number converts a driver value to a figure. NULL, NaN and text that is not
// a number have no figure: blank is not zero.
func number(v any) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case nil:
		return 0, false
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int:
		f = float64(x)
	case int8:
		f = float64(x)
	case int16:
		f = float64(x)
	case int32:
		f = float64(x)
	case int64:
		f = float64(x)
	case uint8:
		f = float64(x)
	case uint16:
		f = float64(x)
	case uint32:
		f = float64(x)
	case uint64:
		f = float64(x)
	case *big.Int:
		f, _ = new(big.Float).SetInt(x).Float64()
	case floater:
		f = x.Float64()
	case string:
		p, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return 0, false
		}
		f = p
	default:
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// text converts a driver value to display text; NULL is "".
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	case time.Time:
		return x.Format("2006-01-02")
	case float64, float32:
		f, _ := number(x)
		return formatNumber(f)
	case []any:
		s := ""
		for i, e := range x {
			if i > 0 {
				s += "; "
			}
			s += text(e)
		}
		return s
	}
	return fmt.Sprint(v)
}

// formatNumber prints a figure without a spurious ".000000" and with
// thousands separators for large counts.
func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return groupThousands(strconv.FormatInt(int64(f), 10))
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func groupThousands(s string) string {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// display shows an optional figure; a missing one is "—", never 0.
func display(v *float64) string {
	if v == nil {
		return "—"
	}
	return formatNumber(*v)
}

// percent shows an optional ratio as a percentage; missing is "—".
func percent(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

// percentile shows a 0–100 percentile; missing is "—".
func percentile(v *float64) string {
	if v == nil {
		return "—"
	}
	return strconv.FormatFloat(*v, 'f', 0, 64)
}
