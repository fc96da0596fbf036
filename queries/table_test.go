package queries

import (
	"context"
	"database/sql"
	"math"
	"math/big"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

// TestTableDriverValues reads one row of real DuckDB values by column name:
// the types the named queries return, each with the text and figure it must
// give. Blank is not zero: NULL, NaN and empty text have no figure.
func TestTableDriverValues(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(context.Background(), `SELECT
		1234567::BIGINT AS big, 42::INTEGER AS int, 2.5::DOUBLE AS dbl, 12.34::DECIMAL(9,2) AS dec,
		170141183460469231731687303715884105727::HUGEINT AS huge, NULL::DOUBLE AS null_dbl,
		'NaN'::DOUBLE AS nan, '' AS empty, '/' AS slash, '17' AS numtext, 'true' AS truetext,
		true AS flag, DATE '2021-03-04' AS day, ['a', 'b'] AS list, '=cmd' AS formula`)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scanAll(rows)
	if err != nil {
		t.Fatal(err)
	}
	tb := NewTable(res)
	if len(tb.Rows()) != 1 {
		t.Fatalf("rows = %d, want 1", len(tb.Rows()))
	}
	row := tb.Rows()[0]
	tests := []struct {
		col     string
		str     string
		num     float64
		isNum   bool
		integer int
		flag    bool
	}{
		{"big", "1234567", 1234567, true, 1234567, false},
		{"int", "42", 42, true, 42, false},
		{"dbl", "2.5", 2.5, true, 2, false},
		{"dec", "", 12.34, true, 12, false},
		{"huge", "170141183460469231731687303715884105727", 1.7014118346046923e38, true, math.MinInt64, false},
		{"null_dbl", "", 0, false, 0, false},
		{"nan", "NaN", 0, false, 0, false},
		{"empty", "", 0, false, 0, false},
		{"slash", "/", 0, false, 0, false},
		{"numtext", "17", 17, true, 17, false},
		{"truetext", "true", 0, false, 0, true},
		{"flag", "true", 0, false, 0, true},
		{"day", "2021-03-04", 0, false, 0, false},
		{"list", "a; b", 0, false, 0, false},
		{"formula", "=cmd", 0, false, 0, false}, // escaping is the caller's
		{"no_such_column", "", 0, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.col, func(t *testing.T) {
			if tt.col != "dec" { // a DECIMAL prints as the driver formats it
				if got := tb.Str(row, tt.col); got != tt.str {
					t.Errorf("Str = %q, want %q", got, tt.str)
				}
			}
			got, ok := tb.Num(row, tt.col)
			if ok != tt.isNum || (ok && math.Abs(got-tt.num) > 1e-9*math.Max(1, math.Abs(tt.num))) {
				t.Errorf("Num = %v, %v; want %v, %v", got, ok, tt.num, tt.isNum)
			}
			if p := tb.OptNum(row, tt.col); (p != nil) != tt.isNum || (p != nil && *p != got) {
				t.Errorf("OptNum = %v, want a figure: %v", p, tt.isNum)
			}
			if tt.col != "huge" { // beyond int: the conversion is the platform's
				if got := tb.Int(row, tt.col); got != tt.integer {
					t.Errorf("Int = %d, want %d", got, tt.integer)
				}
			}
			if got := tb.Bool(row, tt.col); got != tt.flag {
				t.Errorf("Bool = %v, want %v", got, tt.flag)
			}
			if got := tb.Has(tt.col); got != (tt.col != "no_such_column") {
				t.Errorf("Has = %v", got)
			}
		})
	}
}

// scanAll reads every row of rows into a Result.
func scanAll(rows *sql.Rows) (*Result, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		res.Rows = append(res.Rows, vals)
	}
	return res, rows.Err()
}

func TestNumberAndPlain(t *testing.T) {
	tests := []struct {
		name  string
		in    any
		num   float64
		isNum bool
		text  string
	}{
		{"nil", nil, 0, false, ""},
		{"zero is a figure", 0.0, 0, true, "0"},
		{"float", 1234.5, 1234.5, true, "1234.5"},
		{"float32", float32(0.5), 0.5, true, "0.5"},
		{"int8", int8(-3), -3, true, "-3"},
		{"uint64", uint64(7), 7, true, "7"},
		{"big int", big.NewInt(99), 99, true, "99"},
		{"infinity", math.Inf(1), 0, false, "+Inf"},
		{"blank text", "", 0, false, ""},
		{"spaces", " ", 0, false, " "},
		{"numeric text", "3.25", 3.25, true, "3.25"},
		{"bytes", []byte("ab"), 0, false, "ab"},
		{"date", time.Date(2020, 1, 2, 15, 0, 0, 0, time.UTC), 0, false, "2020-01-02"},
		{"list with null", []any{"x", nil, 2.0}, 0, false, "x; ; 2"},
		{"bool", false, 0, false, "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Number(tt.in)
			if got != tt.num || ok != tt.isNum {
				t.Errorf("Number(%#v) = %v, %v; want %v, %v", tt.in, got, ok, tt.num, tt.isNum)
			}
			if s := Plain(tt.in); s != tt.text {
				t.Errorf("Plain(%#v) = %q, want %q", tt.in, s, tt.text)
			}
		})
	}
}

func TestNilTable(t *testing.T) {
	tb := NewTable(nil)
	if len(tb.Rows()) != 0 || tb.Has("agency") || tb.Str(nil, "agency") != "" {
		t.Errorf("a nil result must read as an empty table")
	}
}

func TestFillAgency(t *testing.T) {
	tests := []struct {
		name   string
		res    *Result
		before Agency
		want   Agency
	}{
		{"fills blanks from the first rows that carry them",
			&Result{Columns: []string{"agency", "agency_kind", "level", "province"}, Rows: [][]any{
				{"甲局", nil, "county", ""}, {"甲局", "department", "city", "某省"}}},
			Agency{Name: "甲局"}, Agency{Name: "甲局", Kind: "department", Level: "县级", Province: "某省"}},
		{"keeps what is known",
			&Result{Columns: []string{"agency_kind", "city"}, Rows: [][]any{{"government", "某市"}}},
			Agency{Kind: "department"}, Agency{Kind: "department", City: "某市"}},
		{"a result without agency columns changes nothing",
			&Result{Columns: []string{"metric"}, Rows: [][]any{{"received"}}},
			Agency{Name: "乙局"}, Agency{Name: "乙局"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, a := NewTable(tt.res), tt.before
			for _, row := range tb.Rows() {
				tb.FillAgency(row, &a)
			}
			if a != tt.want {
				t.Errorf("FillAgency = %+v, want %+v", a, tt.want)
			}
		})
	}
}
