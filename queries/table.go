package queries

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/queries/labels"
)

// Table reads a Result by column name, so that a query which gains or
// reorders columns does not break the pages and workbooks that read it. A
// column the result lacks reads as NULL.
type Table struct {
	res *Result
	idx map[string]int
}

// NewTable indexes the columns of res; a nil res is an empty table.
func NewTable(res *Result) *Table {
	t := &Table{res: res, idx: map[string]int{}}
	if res == nil {
		t.res = &Result{}
	}
	for i, c := range t.res.Columns {
		t.idx[c] = i
	}
	return t
}

// Rows returns the rows of the result, in query order.
func (t *Table) Rows() [][]any { return t.res.Rows }

// Has tells whether the result has column col.
func (t *Table) Has(col string) bool {
	_, ok := t.idx[col]
	return ok
}

// Value returns the driver value of column col in row; nil (NULL) when the
// result has no such column.
func (t *Table) Value(row []any, col string) any {
	i, ok := t.idx[col]
	if !ok || i >= len(row) {
		return nil
	}
	return row[i]
}

// Str returns column col of row as text (see Plain); NULL is "".
func (t *Table) Str(row []any, col string) string { return Plain(t.Value(row, col)) }

// Num returns column col of row as a figure (see Number); false when it
// has none.
func (t *Table) Num(row []any, col string) (float64, bool) { return Number(t.Value(row, col)) }

// Int returns column col of row as a whole number: for years, ranks and
// counts of rows, where the caller has no use for "missing". NULL reads 0,
// so do not use it for report figures (blank is not zero): use Num or
// OptNum.
func (t *Table) Int(row []any, col string) int {
	v, _ := Number(t.Value(row, col))
	return int(v)
}

// OptNum returns column col of row as a figure, or nil when it has none.
func (t *Table) OptNum(row []any, col string) *float64 {
	v, ok := Number(t.Value(row, col))
	if !ok {
		return nil
	}
	return &v
}

// Bool returns column col of row as a flag: a BOOLEAN, or text that
// strconv.ParseBool accepts; anything else, NULL included, is false.
func (t *Table) Bool(row []any, col string) bool {
	switch v := t.Value(row, col).(type) {
	case bool:
		return v
	case string:
		b, _ := strconv.ParseBool(v)
		return b
	}
	return false
}

// List returns column col of row as a list of codes (a VARCHAR[] column
// such as missing_parts), each as Plain text; nil when NULL or empty.
func (t *Table) List(row []any, col string) []string {
	switch v := t.Value(row, col).(type) {
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s := Plain(e); s != "" {
				out = append(out, s)
			}
		}
		return out
	case []string:
		return slices.Clone(v)
	}
	return nil
}

// Agency is who an agency is, as the named queries tell it: its name and
// the columns agency_kind, level, province, city and division_code (the
// 6-digit code etl/load stores with every report).
type Agency struct {
	Name, Kind, Level, Province, City, DivisionCode string
}

// FillAgency sets the blank fields of a from the agency columns of row; the
// level is given in words (市级), for display.
// Queries differ in which of them they carry, so an agency is known from
// all the rows about it together; the first non-blank value stays.
func (t *Table) FillAgency(row []any, a *Agency) {
	for _, f := range []struct {
		field *string
		col   string
	}{{&a.Kind, "agency_kind"}, {&a.Level, "level"}, {&a.Province, "province"}, {&a.City, "city"},
		{&a.DivisionCode, "division_code"}} {
		if *f.field == "" {
			*f.field = t.Str(row, f.col)
			if f.col == "level" {
				*f.field = labels.Level(*f.field)
			}
		}
	}
}

// floater is what the DuckDB driver's DECIMAL values offer.
type floater interface{ Float64() float64 }

// Number converts a driver value to a figure. NULL, NaN, infinities and text
// that is not a number have no figure (false): blank is not zero.
func Number(v any) (float64, bool) {
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

// Plain converts a driver value to plain text for pages and workbooks:
// NULL is "" (Text, for the terminal, shows "NULL"), a date is YYYY-MM-DD,
// a float has no spurious zeros, a list is joined with "; ". It does not
// escape anything: the caller escapes for its medium.
func Plain(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	case time.Time:
		return x.Format("2006-01-02")
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Plain(e)
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v)
}

// RunFunc runs one named query with a filter. DB gives one over a
// database; a caller building several outputs can pass one that runs each
// whole query once and shares the result.
type RunFunc func(ctx context.Context, name string, f Filter) (*Result, error)

// DB returns the RunFunc that runs named queries on db with Run.
func DB(db *sql.DB) RunFunc {
	return func(ctx context.Context, name string, f Filter) (*Result, error) {
		return Run(ctx, db, name, f)
	}
}

// LoadTables runs each of names unfiltered through run and returns the
// results by name.
func LoadTables(ctx context.Context, run RunFunc, names []string) (map[string]*Table, error) {
	out := make(map[string]*Table, len(names))
	for _, name := range names {
		r, err := run(ctx, name, Filter{})
		if err != nil {
			return nil, err
		}
		out[name] = NewTable(r)
	}
	return out, nil
}

// SourcesQuery is the named query that lists every printed cell with its
// provenance. At 3,000 agencies it is a million rows, so outputs read it
// SourceBatch agencies at a time (see LoadSources) and let each batch go.
const SourcesQuery = "sources"

// SourceBatch is how many agencies' sources an output holds at once.
const SourceBatch = 200

// LoadSources runs SourcesQuery for the agencies named.
func LoadSources(ctx context.Context, run RunFunc, agencies []string) (*Table, error) {
	r, err := run(ctx, SourcesQuery, Filter{Agencies: agencies})
	if err != nil {
		return nil, fmt.Errorf("load sources: %w", err)
	}
	return NewTable(r), nil
}

// Annual tells whether a period column value holds a whole year: "year",
// or "" when the result has no period column. Half-year reports are listed
// with their sources but kept out of year-on-year comparisons.
func Annual(period string) bool { return period == "" || period == "year" }
