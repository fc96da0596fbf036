package dataset

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/xxgk/xxgk/queries"
)

// BOM is the UTF-8 byte-order mark. Excel on Windows reads a CSV file as
// the local code page (GBK) unless it starts with one, and garbles the
// Chinese; every other reader skips it.
const BOM = "\ufeff"

// CSVOptions say how WriteCSV and NewCSV write a result.
type CSVOptions struct {
	// BOM writes the UTF-8 byte-order mark first (for Excel).
	BOM bool
	// Codes keeps the column codes as headers; by default the headers are
	// Chinese (Header).
	Codes bool
	// Units gives the unit of some columns (column → unit, e.g. "value" →
	// "件"). They are written in the headers ("数值（件）") or, with
	// UnitsRow, as a second row that starts with 单位.
	Units    map[string]string
	UnitsRow bool
}

// CSV writes the rows of a query result as CSV, one row at a time:
//
//   - blank is left empty, never 0: NULL is an empty cell;
//   - numbers keep full precision and never use an exponent (1000000, not
//     1e+06); booleans are true and false; dates YYYY-MM-DD, times ISO 8601
//     in UTC;
//   - a text cell a spreadsheet would run as a formula (it starts with =,
//     +, -, @, a tab or a carriage return) is written with an apostrophe
//     in front, and so is a text cell that starts with an apostrophe, so
//     the escaping can be undone exactly: a program removes one leading
//     apostrophe from every text cell that has one (Unescape). Numbers are
//     never escaped: -3 stays a number.
type CSV struct {
	w    *csv.Writer
	line []string
}

// NewCSV writes the BOM (when asked) and the header of a result with the
// columns cols to w, and returns the writer of its rows.
func NewCSV(w io.Writer, cols []string, o CSVOptions) (*CSV, error) {
	if o.BOM {
		if _, err := io.WriteString(w, BOM); err != nil {
			return nil, err
		}
	}
	c := &CSV{w: csv.NewWriter(w), line: make([]string, len(cols))}
	head := make([]string, len(cols))
	for i, col := range cols {
		head[i] = col
		if !o.Codes {
			head[i] = Header(col)
		}
		if u := o.Units[col]; u != "" && !o.UnitsRow {
			head[i] += "（" + u + "）"
		}
	}
	if err := c.w.Write(head); err != nil {
		return nil, err
	}
	if o.UnitsRow && len(o.Units) > 0 {
		units := make([]string, len(cols))
		for i, col := range cols {
			units[i] = o.Units[col]
		}
		if len(units) > 0 && units[0] == "" {
			units[0] = "单位"
		}
		if err := c.w.Write(units); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Row writes one row of driver values, in the order of the columns.
func (c *CSV) Row(vals []any) error {
	if len(vals) != len(c.line) {
		return fmt.Errorf("csv row of %d values, want %d", len(vals), len(c.line))
	}
	for i, v := range vals {
		c.line[i] = Cell(v)
	}
	return c.w.Write(c.line)
}

// Close flushes the rows written.
func (c *CSV) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// WriteCSV writes a whole query result to w as CSV (see CSV).
func WriteCSV(w io.Writer, res *queries.Result, o CSVOptions) error {
	bw := bufio.NewWriter(w)
	c, err := NewCSV(bw, res.Columns, o)
	if err != nil {
		return err
	}
	for _, r := range res.Rows {
		if err := c.Row(r); err != nil {
			return err
		}
	}
	if err := c.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// Cell renders one driver value as a CSV cell (see CSV).
func Cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return Escape(x)
	case []byte:
		return Escape(string(x))
	case float64:
		return number(x, 64)
	case float32:
		return number(float64(x), 32)
	case int:
		return strconv.Itoa(x)
	case int8:
		return strconv.FormatInt(int64(x), 10)
	case int16:
		return strconv.FormatInt(int64(x), 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint8:
		return strconv.FormatUint(uint64(x), 10)
	case uint16:
		return strconv.FormatUint(uint64(x), 10)
	case uint32:
		return strconv.FormatUint(uint64(x), 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case *big.Int:
		return x.String()
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.UTC().Format(time.RFC3339)
	}
	return Escape(fmt.Sprint(v))
}

// number writes a float without an exponent; NaN and infinities, which no
// figure can be, are left empty like a blank.
func number(f float64, bits int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, bits)
}

// Escape neutralises a text cell a spreadsheet would run as a formula:
// one that starts with =, +, -, @, a tab or a carriage return gets an
// apostrophe in front, and so does one that already starts with an
// apostrophe, so that Unescape undoes it exactly.
func Escape(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r'", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// Unescape undoes Escape: it removes one leading apostrophe. Apply it to
// the text columns of a CSV file of the dataset when reading it by program.
func Unescape(s string) string { return strings.TrimPrefix(s, "'") }
