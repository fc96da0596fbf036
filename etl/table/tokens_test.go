package table

import (
	"reflect"
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"one cell per line", "规章\n\n0\n\n 1 \n\n2\n", []string{"规章", "0", "1", "2"}},
		{"pipe row with blank cell", "| 规章 | 0 | | 3 |\n", []string{"规章", "0", "", "3"}},
		{"pipe padding kept as blanks", "行政许可 | 0 | ||\n|||\n", []string{"行政许可", "0", "", ""}},
		{"markdown rule", "a | b\n---|---\n1 | 2\n", []string{"a", "b", "1", "2"}},
		{"tabs keep inner blanks", "规章\t0\t\t3\n", []string{"规章", "0", "", "3"}},
		{"layout spaces", "规章        0     1      2\n", []string{"规章", "0", "1", "2"}},
		{"full-width pipe", "规章｜0｜1\n", []string{"规章", "0", "1"}},
		{"cut last token dropped", "规章\n0\n1\n2", []string{"规章", "0", "1"}},
		{"cut after separator kept", "规章 | 0 | 1 | ", []string{"规章", "0", "1"}},
		{"crlf", "规章\r\n0\r\n", []string{"规章", "0"}},
		{"single-space row", "行政 规范性文件 1 / 12\n", []string{"行政 规范性文件", "1", "/", "12"}},
		{"prose with a figure inside", "共收到申请 3 件\n", []string{"共收到申请 3 件"}},
		{"only figures", "1 036\n", []string{"1 036"}},
		{"figures whose gaps were lost", "1 2\n", []string{"1", "2"}},
		{"a grouped figure in a layout row", "规章      2 030      5\n", []string{"规章", "2 030", "5"}},
		{"figures glued by single spaces in a layout row", "规章      1 2      3\n", []string{"规章", "1", "2", "3"}},
		{"a four-digit group is two figures", "12 1000\n", []string{"12", "1000"}},
		{"page number between rows", "规章\n- 3 -\n0\n— 12 —\n1\n第 3 页 共 10 页\n2\n", []string{"规章", "0", "1", "2"}},
		{"a bare number is a cell", "规章\n3\n", []string{"规章", "3"}},
		{"a dash is a blank cell", "规章\n-\n", []string{"规章", "-"}},
	}
	for _, tt := range tests {
		got := texts(Tokens(tt.in))
		if len(got) == 0 {
			got = []string{}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Tokens(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTokenSpans(t *testing.T) {
	t.Parallel()
	in := "| 一、本年新收 | 3 | ０ |\n"
	for _, tok := range Tokens(in) {
		if in[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q has span [%d,%d) = %q", tok.Text, tok.Start, tok.End, in[tok.Start:tok.End])
		}
	}
}

func TestValuesAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		n      int
		usable int
	}{
		{"pipe row complete", "| 规章 | 0 | / | 3 |\n", 3, 3},
		{"pipe row with padding", "| 行政许可 | 5 | | |\n", 1, 1},
		{"cell per line complete", "规章\n0\n1\n2\n下一行\n", 3, 3},
		{"dropped blank inside row", "规章\n0\n2\n下一行\n", 3, 0},
		{"truncated text keeps first cells", "规章\n0\n2\n", 3, 2},
		{"label then values on next line", "| 规章 |\n| 1 | 2 | 3 |\n", 3, 3},
		{"merged label leaves blanks", "| 规章 | | | 1 | 2 | 3 |\n", 3, 3},
		{"row shorter than its columns", "| 规章 | 1 | 2 |\n| 行政许可 | 3 |\n", 3, 0},
	}
	for _, tt := range tests {
		toks := Tokens(tt.in)
		r := ValuesAfter(toks, 0, tt.n)
		if got := r.Usable(tt.n); got != tt.usable {
			t.Errorf("%s: ValuesAfter(%q).Usable(%d) = %d, want %d (cells %q)", tt.name, tt.in, tt.n, got, tt.usable, texts(r.Cells))
		}
	}
}

// FuzzParse feeds arbitrary text to the tokenizer, the value parser and the
// row reader: none may panic, and every token's span must hold its text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"规章\n\n0\n\n0\n", "| 规章 | 0 | | 3 |\n", "行政许可 | 0 | ||\n|||\n", "148(万)", "+19", "-2", "0件", "零",
		"251000元", "１２３", "—", "/", "不适用", "规章\t0\t\t3", "规章      0     1", "｜", "\u3000\u3000|\u00a0",
		"(三)3.危及“三安全一稳定”", strings.Repeat("|", 10), "1,2,3", "9999999999999999999999999", "\xff\xfe|0",
		"2 030", "1 2", "12 1000", "规章      1 2      3\n", "- 3 -\n", "第 3 页 共 10 页\n", "3/10\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Parse(s)
		Canon(s)
		toks := Tokens(s)
		for i, tok := range toks {
			if tok.Start < 0 || tok.End > len(s) || tok.Start > tok.End || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %d %q has bad span [%d,%d)", i, tok.Text, tok.Start, tok.End)
			}
			r := ValuesAfter(toks, i, 7)
			if u := r.Usable(7); u < 0 || u > len(r.Cells) || u > 7 {
				t.Fatalf("Usable = %d with %d cells", u, len(r.Cells))
			}
		}
	})
}

func TestTextTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"layout gaps survive folding", "規章        0     1\t\t2\n", []string{"规章", "0", "1", "", "2"}},
		{"single spaces are not gaps", "本年 新收 申请\n", []string{"本年 新收 申请"}},
		{"ideographic gap", "行政许可\u3000\u3000５\n", []string{"行政许可", "5"}},
	}
	for _, tt := range tests {
		got := texts(TextTokens(normalize.New(tt.in)))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: TextTokens(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestValuesAfterExtra: a row whose line holds more figures than its
// columns (a figure whose digits a PDF spaced out, "规章 2 0 3 0") is not
// usable; blank padding after the figures is.
func TestValuesAfterExtra(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		usable int
	}{
		{"| 规章 | 0 | 1 | 3 |\n", 3},
		{"| 规章 | 0 | 1 | 3 | | |\n", 3},
		{"| 规章 | | 0 | 1 | 3 |\n", 3},
		{"| 规章 | 2 | 0 | 3 | 0 |\n", 0},
		{"规章      2 0 3 0\n", 0},
	}
	for _, tt := range tests {
		toks := Tokens(tt.in)
		if got := ValuesAfter(toks, 0, 3).Usable(3); got != tt.usable {
			t.Errorf("ValuesAfter(%q).Usable(3) = %d, want %d", tt.in, got, tt.usable)
		}
	}
}
