package queries

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// The output formats of WriteResult.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatJSON  = "json"
)

// WriteResult writes res to w as an aligned text table, CSV (a header row,
// NULL as an empty cell) or JSON (an array of objects with the columns in
// result order, NULL as null).
func WriteResult(w io.Writer, res *Result, format string) error {
	switch format {
	case FormatTable:
		return writeTable(w, res)
	case FormatCSV:
		return writeCSV(w, res)
	case FormatJSON:
		return writeJSON(w, res)
	}
	return fmt.Errorf("unknown format %q (want table, csv or json)", format)
}

// Text renders one driver value for people: NULL for a missing value (blank
// is not zero), floats with up to 12 significant digits, dates as
// YYYY-MM-DD. Control characters of report text are replaced by spaces so
// a cell cannot move the cursor or break a line.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case float64:
		return formatFloat(x, 12)
	case float32:
		return formatFloat(float64(x), 7)
	case string:
		return printable(x)
	case []byte:
		return printable(string(x))
	case time.Time:
		return formatTime(x)
	case *big.Int:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return printable(fmt.Sprint(v))
}

func formatFloat(f float64, digits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(f, 'g', digits, 64)
}

func formatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.UTC().Format(time.RFC3339)
}

func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}

// displayWidth counts East Asian wide and fullwidth characters as two
// columns, so tables of Chinese names line up in a terminal.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func writeTable(w io.Writer, res *Result) error {
	cells := make([][]string, 0, len(res.Rows)+1)
	cells = append(cells, res.Columns)
	for _, row := range res.Rows {
		line := make([]string, len(row))
		for i, v := range row {
			line[i] = Text(v)
		}
		cells = append(cells, line)
	}
	widths := make([]int, len(res.Columns))
	for _, line := range cells {
		for i, c := range line {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b bytes.Buffer
	for _, line := range cells {
		for i, c := range line {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
			if i < len(line)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)))
			}
		}
		b.WriteByte('\n')
	}
	_, err := w.Write(b.Bytes())
	return err
}

// csvText renders a value for CSV: NULL is an empty cell, numbers keep full
// precision, and text that a spreadsheet would read as a formula (= + - @)
// is prefixed with an apostrophe.
func csvText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return neutralise(x)
	case []byte:
		return neutralise(string(x))
	}
	return Text(v)
}

func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeCSV(w io.Writer, res *Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(res.Columns); err != nil {
		return err
	}
	line := make([]string, len(res.Columns))
	for _, row := range res.Rows {
		for i, v := range row {
			line[i] = csvText(v)
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
	case float32:
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return nil
		}
	case time.Time:
		return formatTime(x)
	case []byte:
		return string(x)
	case *big.Int:
		return json.Number(x.String())
	}
	return v
}

func writeJSON(w io.Writer, res *Result) error {
	var b bytes.Buffer
	b.WriteString("[")
	for r, row := range res.Rows {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, v := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			k, err := json.Marshal(res.Columns[i])
			if err != nil {
				return err
			}
			val, err := json.Marshal(jsonValue(v))
			if err != nil {
				return fmt.Errorf("column %s: %w", res.Columns[i], err)
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(val)
		}
		b.WriteString("}")
	}
	if len(res.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}
