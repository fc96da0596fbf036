package queries

import (
	"bufio"
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

	"github.com/xxgk/xxgk/internal/termtext"
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
// YYYY-MM-DD. Control and format characters of report text (ESC, CR, a
// newline, BiDi overrides) and invalid UTF-8 are written escaped ("\x1b",
// termtext), so a cell cannot move the cursor, reorder or break a line.
// The table format prints these texts; CSV and JSON keep values exact.
func Text(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case float64:
		return formatFloat(x, 12)
	case float32:
		return formatFloat(float64(x), 7)
	case string:
		return termtext.Escape(x)
	case []byte:
		return termtext.Escape(string(x))
	case time.Time:
		return formatTime(x)
	case *big.Int:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return termtext.Escape(fmt.Sprint(v))
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
	return writeRows(&csvRows{w: csv.NewWriter(w)}, res)
}

// writeRows writes a whole result through a row writer.
func writeRows(out rowWriter, res *Result) error {
	if err := out.header(res.Columns); err != nil {
		return err
	}
	for _, row := range res.Rows {
		if err := out.row(row); err != nil {
			return err
		}
	}
	return out.end()
}

// rowWriter writes a result one row at a time (Stream and WriteResult
// share it, so both print the same bytes).
type rowWriter interface {
	header(cols []string) error
	row(vals []any) error
	end() error
}

// csvRows writes CSV: a header row, then one line per row.
type csvRows struct {
	w    *csv.Writer
	line []string
}

func (c *csvRows) header(cols []string) error {
	c.line = make([]string, len(cols))
	return c.w.Write(cols)
}

func (c *csvRows) row(vals []any) error {
	for i, v := range vals {
		c.line[i] = csvText(v)
	}
	return c.w.Write(c.line)
}

func (c *csvRows) end() error {
	c.w.Flush()
	return c.w.Error()
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
	return writeRows(&jsonRows{w: bufio.NewWriter(w)}, res)
}

// jsonRows writes a JSON array of objects, one line per row.
type jsonRows struct {
	w    *bufio.Writer
	cols [][]byte // the column names, JSON-encoded once
	n    int
}

func (j *jsonRows) header(cols []string) error {
	j.cols = make([][]byte, len(cols))
	for i, c := range cols {
		k, err := json.Marshal(c)
		if err != nil {
			return err
		}
		j.cols[i] = k
	}
	_, err := j.w.WriteString("[")
	return err
}

func (j *jsonRows) row(vals []any) error {
	if j.n > 0 {
		j.w.WriteString(",")
	}
	j.n++
	j.w.WriteString("\n  {")
	for i, v := range vals {
		if i > 0 {
			j.w.WriteString(", ")
		}
		val, err := json.Marshal(jsonValue(v))
		if err != nil {
			return fmt.Errorf("column %s: %w", j.cols[i], err)
		}
		j.w.Write(j.cols[i])
		j.w.WriteString(": ")
		j.w.Write(val)
	}
	_, err := j.w.WriteString("}")
	return err
}

func (j *jsonRows) end() error {
	if j.n > 0 {
		j.w.WriteString("\n")
	}
	j.w.WriteString("]\n")
	return j.w.Flush()
}
