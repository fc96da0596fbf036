package queries

import (
	"bytes"
	"strings"
	"testing"
)

// Text from reports reaches a terminal through the table format: its
// control and format characters are printed escaped, and the table stays
// one line per row; CSV and JSON keep the value exact.
func TestTableEscapesControls(t *testing.T) {
	hostile := "甲市\x1b[2J\r乙\u202e丙\n丁\xff"
	res := &Result{Columns: []string{"agency", "n"}, Rows: [][]any{{hostile, int64(1)}, {[]byte("x\x07y"), nil}}}
	tests := []struct {
		format     string
		want, lack []string
	}{
		{FormatTable, []string{`甲市\x1b[2J\r乙\u202e丙\n丁\xff`, `x\ay`, "NULL"}, []string{"\x1b", "\r", "\u202e", "\x07", "丙\n"}},
		{FormatCSV, []string{hostile}, nil},
		{FormatJSON, []string{`"甲市\u001b[2J\r乙`}, nil},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := WriteResult(&b, res, tt.format); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%q", tt.format, w, out)
			}
		}
		for _, l := range tt.lack {
			if strings.Contains(out, l) {
				t.Errorf("%s: output holds %q raw:\n%q", tt.format, l, out)
			}
		}
		if tt.format == FormatTable {
			if n := strings.Count(out, "\n"); n != 3 {
				t.Errorf("table: %d lines, want 3 (header and two rows):\n%s", n, out)
			}
		}
	}
}
