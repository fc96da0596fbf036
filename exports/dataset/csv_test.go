package dataset

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/xxgk/xxgk/queries"
)

func TestCell(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"NULL is an empty cell, not 0", nil, ""},
		{"zero is 0", 0.0, "0"},
		{"a million has no exponent", 1e6, "1000000"},
		{"a fraction keeps its digits", 12.34, "12.34"},
		{"a negative figure stays a number", -3.0, "-3"},
		{"a tiny figure has no exponent", 0.000012, "0.000012"},
		{"NaN is no figure", math.NaN(), ""},
		{"integers", int32(2020), "2020"},
		{"int64", int64(-7), "-7"},
		{"true", true, "true"},
		{"false", false, "false"},
		{"a date", time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC), "2020-03-01"},
		{"a time, in UTC", time.Date(2020, 3, 1, 8, 30, 0, 0, time.FixedZone("CST", 8*3600)), "2020-03-01T00:30:00Z"},
		{"plain text", "甲市司法局", "甲市司法局"},
		{"a formula", "=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"plus", "+86 10", "'+86 10"},
		{"minus text", "-全年", "'-全年"},
		{"at", "@cmd", "'@cmd"},
		{"a tab", "\tx", "'\tx"},
		{"a carriage return", "\rx", "'\rx"},
		{"an apostrophe, so the escaping can be undone", "'引号", "''引号"},
		{"bytes are text", []byte("=x"), "'=x"},
		{"a formula later in the text is harmless", "收到=5", "收到=5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cell(tt.v); got != tt.want {
				t.Errorf("Cell(%#v) = %q, want %q", tt.v, got, tt.want)
			}
		})
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"", "a", "=1+1", "'", "''x", "-", "+", "@", "\t", "收到申请", "'=x"} {
		if got := Unescape(Escape(s)); got != s {
			t.Errorf("Unescape(Escape(%q)) = %q", s, got)
		}
		if e := Escape(s); e != "" && strings.IndexByte("=+-@\t\r", e[0]) >= 0 {
			t.Errorf("Escape(%q) = %q still starts like a formula", s, e)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	res := &queries.Result{Columns: []string{"agency", "year", "value", "mystery"},
		Rows: [][]any{{"甲市司法局", int32(2020), 12.0, "x"}, {"=1+1", int32(2021), nil, nil}}}
	tests := []struct {
		name string
		o    CSVOptions
		want string
	}{
		{"Chinese headers, BOM", CSVOptions{BOM: true},
			BOM + "机关,年度,数值,mystery\n甲市司法局,2020,12,x\n'=1+1,2021,,\n"},
		{"codes, no BOM", CSVOptions{Codes: true},
			"agency,year,value,mystery\n甲市司法局,2020,12,x\n'=1+1,2021,,\n"},
		{"units in the headers", CSVOptions{Units: map[string]string{"value": "件"}},
			"机关,年度,数值（件）,mystery\n甲市司法局,2020,12,x\n'=1+1,2021,,\n"},
		{"a units row", CSVOptions{Units: map[string]string{"value": "件"}, UnitsRow: true},
			"机关,年度,数值,mystery\n单位,,件,\n甲市司法局,2020,12,x\n'=1+1,2021,,\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSV(&b, res, tt.o); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("WriteCSV =\n%q\nwant\n%q", b.String(), tt.want)
			}
			// Any CSV reader reads it back.
			body := strings.TrimPrefix(b.String(), BOM)
			if _, err := csv.NewReader(strings.NewReader(body)).ReadAll(); err != nil {
				t.Errorf("not CSV: %v", err)
			}
		})
	}
	c, err := NewCSV(&bytes.Buffer{}, []string{"a", "b"}, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Row([]any{1}); err == nil {
		t.Error("Row with too few values: no error")
	}
}

func TestKeyUnit(t *testing.T) {
	for key, want := range map[string]string{
		"apps_new.total": "件", "proactive.total": "条", "proactive.interpretations": "篇",
		"fees.collected": "万元", "art20.fees.amount": "万元", "art20.licensing.prev_items": "项",
		"staff.total": "人", "unknown.key": "",
	} {
		if got := keyUnit(key); got != want {
			t.Errorf("keyUnit(%s) = %q, want %q", key, got, want)
		}
	}
}
