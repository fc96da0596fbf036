package read

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// reviewTableHTML is a review table as report pages print it: a header over
// two rows with rowspan/colspan, blanks as &nbsp;, attributes in double
// quotes (which a JavaScript string escapes).
const reviewTableHTML = `<p>四、政府信息公开行政复议、行政诉讼情况</p>` +
	`<table border="1"><tbody><tr><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>` +
	`<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td>` +
	`<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>` +
	`<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>` +
	`<tr><td><p>3</p></td><td>&nbsp;</td><td>&nbsp;</td><td><p>1</p></td><td><p>4</p></td><td><p>2</p></td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td><p>2</p></td>` +
	`<td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr></tbody></table><p>五、存在的主要问题及改进情况</p>`

// jsQuote writes s as a JavaScript string in quote q, escaping as a
// serializer does.
func jsQuote(s string, q byte) string {
	r := strings.NewReplacer(`\`, `\\`, string(q), `\`+string(q), "\n", `\n`)
	return string(q) + r.Replace(s) + string(q)
}

func TestJSHTML(t *testing.T) {
	t.Parallel()
	jsonEscaped := strings.NewReplacer("<", `\u003c`, ">", `\u003e`, `"`, `\"`).Replace(reviewTableHTML)
	half := len(reviewTableHTML) / 2
	tests := []struct {
		name    string
		in      string
		changed bool
		want    []string // lines the result holds
		gone    []string // text the result no longer holds
	}{
		{"a let statement, double quotes escaped",
			"var menu = [{\"id\": \"1\", \"name\": \"政策文件\"}];\nlet content = " + jsQuote(reviewTableHTML, '"') + ";\n",
			true,
			[]string{"| 3 |  |  | 1 | 4 | 2 |  |  |  | 2 |  |  |  |  |  |", "四、政府信息公开行政复议、行政诉讼情况", `"name": "政策文件"`},
			[]string{`\"`, "&nbsp;", "<td"}},
		{"single quotes",
			"window.report = " + jsQuote(reviewTableHTML, '\'') + "\n",
			true, []string{"| 行政复议 | 行政复议 |"}, []string{"<table"}},
		{"JSON with \\u003c escapes",
			`{"code":0,"data":{"title":"年度报告","content":"` + jsonEscaped + `"}}`,
			true, []string{"| 结果维持 | 结果纠正 |"}, []string{`\u003c`}},
		{"literals joined with +",
			"var html = " + jsQuote(reviewTableHTML[:half], '"') + " +\n    " + jsQuote(reviewTableHTML[half:], '"') + ";",
			true, []string{"| 3 |  |  | 1 | 4 |"}, []string{"+"}},
		{"a template literal over several lines",
			"const c = `" + strings.ReplaceAll(reviewTableHTML, "</tr>", "</tr>\n") + "`;",
			true, []string{"| 3 |  |  | 1 | 4 |"}, nil},
		{"a commented-out apostrophe does not pair quotes",
			"// don't touch\nlet content = " + jsQuote(reviewTableHTML, '"') + ";",
			true, []string{"| 3 |  |  | 1 | 4 |", "// don't touch"}, nil},
		// Negatives: text that only mentions a table stays as it was.
		{"a plain report", "本年度共收到政府信息公开申请3件。\n", false, nil, nil},
		{"a short string naming the tag", `var tag = "<table>"; var x = 1;` + strings.Repeat(" ", 80), false, nil, nil},
		{"a layout table of one cell",
			"let c = " + jsQuote(`<table><tr><td>`+strings.Repeat("本机关依法公开政府信息。", 10)+`</td></tr></table>`, '"') + ";",
			false, nil, nil},
		{"an unclosed literal", `let c = "<table><tr><td>1</td><td>2</td></tr></table>` + strings.Repeat("x", 80), false, nil, nil},
	}
	for _, tt := range tests {
		got, changed, err := jsHTML(tt.in, DefaultLimits())
		if err != nil {
			t.Errorf("%s: jsHTML: %v", tt.name, err)
			continue
		}
		if changed != tt.changed {
			t.Errorf("%s: jsHTML changed = %v, want %v\n%s", tt.name, changed, tt.changed, got)
			continue
		}
		if !changed && got != tt.in {
			t.Errorf("%s: jsHTML changed the text but says it did not", tt.name)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: jsHTML result lacks %q:\n%s", tt.name, w, got)
			}
		}
		for _, g := range tt.gone {
			if strings.Contains(got, g) {
				t.Errorf("%s: jsHTML result still holds %q:\n%s", tt.name, g, got)
			}
		}
	}
}

func TestJSEscape(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`"a\"b"`, `a"b`}, {`'a\'b'`, `a'b`}, {`"\\"`, `\`}, {`"\/"`, `/`},
		{`"\u4e2d\u6587"`, "中文"}, {`"\x3c"`, "<"}, {`"\u{1F600}"`, "😀"}, {`"\ud83d\ude00"`, "😀"},
		{`"a\nb"`, "a\nb"}, {"\"a\\\nb\"", "ab"}, {`"\q"`, "q"},
	}
	for _, tt := range tests {
		got, end, ok := jsString(tt.in, 0)
		if !ok || got != tt.want || end != len(tt.in) {
			t.Errorf("jsString(%q) = %q, %d, %v; want %q, %d, true", tt.in, got, end, ok, tt.want, len(tt.in))
		}
	}
	if _, _, ok := jsString("\"a\nb\"", 0); ok {
		t.Errorf("jsString read a double-quoted literal across a line break")
	}
}

// TestReadJSHTML reads a data file and a page that carry the report in a
// script string: the tables come out as pipe rows. A page that shows its
// table does not get the script's copy added.
func TestReadJSHTML(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	js := writeFile(t, dir, "report.txt", []byte("let title = \"2019年度报告\";\nlet content = "+jsQuote(reviewTableHTML, '"')+";\n"))
	page := writeFile(t, dir, "page.html", []byte("<html><body><div id=\"app\"></div><script>var data = "+jsQuote(reviewTableHTML, '"')+";</script></body></html>"))
	shown := writeFile(t, dir, "shown.html", []byte("<html><body>"+reviewTableHTML+"<script>var data = "+jsQuote(strings.ReplaceAll(reviewTableHTML, "<p>3</p>", "<p>9</p>"), '"')+";</script></body></html>"))
	for _, tt := range []struct {
		path       string
		want, gone string
	}{
		{js, "| 3 |  |  | 1 | 4 |", "<td"},
		{page, "| 3 |  |  | 1 | 4 |", "var data"},
		{shown, "| 3 |  |  | 1 | 4 |", "| 9 |"},
	} {
		doc, err := File(context.Background(), tt.path, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(doc.Text, tt.want) || strings.Contains(doc.Text, tt.gone) {
			t.Errorf("File(%s).Text holds %q: %v, %q: %v; want true, false:\n%s", tt.path, tt.want,
				strings.Contains(doc.Text, tt.want), tt.gone, strings.Contains(doc.Text, tt.gone), doc.Text)
		}
	}
}

// TestJSHTMLLimits holds the tables of script strings to the limits a page
// is held to: a data file or a page whose literal lays out more cells, tags
// or text than allowed is refused with the limit named, and the same file
// under the default limits is read.
func TestJSHTMLLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var rows strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&rows, "<tr><td>第%d行</td><td>%d</td><td>%d</td></tr>", i, i, i+1)
	}
	big := `<table border="1">` + rows.String() + `</table>`
	js := writeFile(t, dir, "data.txt", []byte("let content = "+jsQuote(big, '"')+";\n"))
	page := writeFile(t, dir, "page.html", []byte("<html><body><div id=\"app\"></div><script>var data = "+jsQuote(big, '"')+";</script></body></html>"))
	for _, tt := range []struct {
		name string
		lim  func(*Limits)
		flag string
	}{
		{"cells", func(l *Limits) { l.MaxCells = 100 }, "--max-cells"},
		{"tags", func(l *Limits) { l.MaxNodes = 500 }, "--max-nodes"},
		{"text", func(l *Limits) { l.MaxText = 2000 }, "--max-text"},
	} {
		for _, path := range []string{js, page} {
			if tt.name == "tags" && path == page {
				continue // the page's own tag count refuses it before the script is read
			}
			lim := DefaultLimits()
			tt.lim(&lim)
			_, err := File(context.Background(), path, lim)
			var le *LimitError
			if !errors.As(err, &le) || le.Flag != tt.flag {
				t.Errorf("%s, %s: File = %v; want the %s limit", tt.name, filepath.Base(path), err, tt.flag)
			}
		}
	}
	for _, path := range []string{js, page} {
		doc, err := File(context.Background(), path, DefaultLimits())
		if err != nil || !strings.Contains(doc.Text, "| 第199行 | 199 | 200 |") {
			t.Errorf("%s under the default limits: %v", filepath.Base(path), err)
		}
	}
}

// FuzzJSHTML feeds arbitrary text to the script-string reader: it must not
// panic, and text it leaves unchanged must come back as it was.
func FuzzJSHTML(f *testing.F) {
	f.Add("let content = " + jsQuote(reviewTableHTML, '"') + ";")
	f.Add(`{"content":"\u003ctable\u003e\u003ctr\u003e\u003ctd\u003e1\u003c/td\u003e\u003ctd\u003e2\u003c/td\u003e\u003c/tr\u003e\u003c/table\u003e` + strings.Repeat(" ", 64) + `"}`)
	f.Add("var a = '<table>\\u{110000}\\ud800\\x\\u12' + \"<table><tr><td>1</td><td>2</td></tr></table>\";")
	f.Add("/* <table> */ // <table>\n`<table>${x}</table>`")
	f.Fuzz(func(t *testing.T, s string) {
		got, changed, err := jsHTML(s, DefaultLimits())
		if err == nil && !changed && got != s {
			t.Fatalf("jsHTML changed the text but says it did not")
		}
		jsHTMLOnly(s, newHTMLBudget(DefaultLimits()), 0)
	})
}
