package exports

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/queries"
)

// table reads a query result by column name; a missing column reads as NULL.
type table struct {
	res *queries.Result
	idx map[string]int
}

func newTable(res *queries.Result) *table {
	t := &table{res: res, idx: map[string]int{}}
	if res == nil {
		t.res = &queries.Result{}
	}
	for i, c := range t.res.Columns {
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
	v, _ := number(t.get(row, col))
	return int(v)
}

// cell is a figure for a workbook cell: nil (an empty cell) when NULL.
func (t *table) cell(row []any, col string) any {
	v, ok := number(t.get(row, col))
	if !ok {
		return nil
	}
	return v
}

type floater interface{ Float64() float64 }

// number converts a driver value to a figure; NULL and NaN have none.
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

// text converts a driver value to text; NULL is "".
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
	case bool:
		if x {
			return "是"
		}
		return "否"
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = text(e)
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v)
}

// safeText neutralises text a spreadsheet would read as a formula (or that
// a CSV export of the sheet would): a leading = + - @ tab or CR gets an
// apostrophe, so the cell shows the text and never runs it.
func safeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width look-alikes are turned into formulas by some spreadsheets.
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}
