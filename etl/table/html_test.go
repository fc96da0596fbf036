package table

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// firstTable parses page and returns its first <table>.
func firstTable(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		t.Fatalf("no <table> in %q", page)
	}
	return found
}

func TestHTMLGrid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		page string
		want [][]string
	}{
		{
			name: "plain",
			page: `<table><tr><th>项目</th><th>数量</th></tr><tr><td>收到申请</td><td> 12 </td></tr></table>`,
			want: [][]string{{"项目", "数量"}, {"收到申请", "12"}},
		},
		{
			name: "colspan and rowspan as in the 2021 application table",
			page: `<table><tbody>
<tr><td colspan="3" rowspan="2">本列数据的勾稽关系</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">(一)予以公开</td><td>5</td><td>7</td></tr>
<tr><td>(二)部分公开</td><td>区分处理的</td><td></td><td>/</td></tr>
</tbody></table>`,
			want: [][]string{
				{"本列数据的勾稽关系", "本列数据的勾稽关系", "本列数据的勾稽关系", "申请人情况", "申请人情况"},
				{"本列数据的勾稽关系", "本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "总计"},
				{"三、本年度办理结果", "(一)予以公开", "(一)予以公开", "5", "7"},
				{"三、本年度办理结果", "(二)部分公开", "区分处理的", "", "/"},
			},
		},
		{
			name: "rowspan in the last column",
			page: `<table><tr><td>a</td><td rowspan="3">x</td></tr><tr><td>b</td></tr><tr></tr></table>`,
			want: [][]string{{"a", "x"}, {"b", "x"}, {"", "x"}},
		},
		{
			name: "ragged rows padded, whitespace and breaks folded",
			page: `<table><tr><td>a<br>b</td><td>c&nbsp;&nbsp; d</td><td>e</td></tr><tr><td>f</td></tr></table>`,
			want: [][]string{{"a b", "c d", "e"}, {"f", "", ""}},
		},
		{
			name: "nested table flattened into its cell",
			page: `<table><tr><td>outer<table><tr><td>in1</td><td>in2</td></tr></table></td><td>z</td></tr></table>`,
			want: [][]string{{"outer in1 in2", "z"}},
		},
		{
			name: "hostile spans capped",
			page: `<table><tr><td colspan="100000" rowspan="-3">w</td></tr></table>`,
			want: [][]string{strings.Split(strings.Repeat("w", maxColspan), "")},
		},
		{
			name: "script in cell dropped",
			page: `<table><tr><td>1<script>alert(1)</script></td></tr></table>`,
			want: [][]string{{"1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := HTMLGrid(firstTable(t, tt.page)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("HTMLGrid(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestPipeRows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		grid [][]string
		want string
	}{
		{"rows", [][]string{{"a", "b"}, {"1", ""}}, "| a | b |\n| 1 |  |\n"},
		{"empty rows skipped", [][]string{{"", " "}, {"x", "y"}}, "| x | y |\n"},
		{"pipes and newlines escaped", [][]string{{"a|b", "c\nd", "e｜f"}}, "| a¦b | c d | e¦f |\n"},
		{"nothing", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := PipeRows(tt.grid); got != tt.want {
				t.Errorf("PipeRows(%q) = %q, want %q", tt.grid, got, tt.want)
			}
		})
	}
}
