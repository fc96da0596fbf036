package read

import (
	"context"
	"strings"
	"testing"
)

// TestRawHTMLTables: a text file whose tables came through as page source
// has each table block replaced by its pipe rows, the prose lines around it
// kept; prose that merely mentions a tag, or a block without cells, is left
// as it is.
func TestRawHTMLTables(t *testing.T) {
	t.Parallel()
	// A table block split over lines, one row a line, as some crawlers save it.
	multiline := "<TABLE border=\"1\">\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n" +
		"<tr><td>规章</td><td>/</td><td>/</td><td>/</td></tr>\n<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>22</td></tr>\n</TABLE>"
	for _, tt := range []struct {
		name    string
		in      string
		changed bool
		want    []string
		gone    []string
	}{
		{"prose then table", "某区人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n全年主动公开政府信息812条。\n\n" +
			reviewTableHTML + "\n\n六、其他需要报告的事项\n本年度未收取信息处理费。\n", true,
			[]string{"| 3 |  |  | 1 | 4 |", "一、总体情况\n全年主动公开政府信息812条。\n", "六、其他需要报告的事项\n本年度未收取信息处理费。"},
			[]string{"<td", "<table"}},
		{"one row a line, upper case", "二、主动公开政府信息情况\n" + multiline + "\n三、收到和处理政府信息公开申请情况\n", true,
			[]string{"| 行政规范性文件 | 5 | 1 | 22 |", "三、收到和处理政府信息公开申请情况"}, []string{"<tr>"}},
		{"table left open runs to the end", "二、主动公开\n" + strings.TrimSuffix(multiline, "</TABLE>"), true,
			[]string{"| 行政规范性文件 | 5 | 1 | 22 |"}, []string{"<td>"}},
		{"prose mentions the tags", "网站改版后，表格统一以<table>标签和<td>单元格发布，共修改页面<td>模板3个、<td>样式2个、<td>脚本1个。\n", false, nil, nil},
		{"table tag without cells", "<table><tr><td>全文见附件</td></tr></table>\n主动公开政府信息40条。\n", false, nil, nil},
		{"tag-like words", "本报告<tablet>一节说明 <tables> 的用法。\n", false, nil, nil},
	} {
		got, changed, err := rawHTMLTables(tt.in, DefaultLimits())
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if changed != tt.changed {
			t.Errorf("%s: changed = %v, want %v\n%s", tt.name, changed, tt.changed, got)
		}
		if !changed && got != tt.in {
			t.Errorf("%s: text changed but reported unchanged", tt.name)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: result lacks %q:\n%s", tt.name, w, got)
			}
		}
		for _, g := range tt.gone {
			if strings.Contains(got, g) {
				t.Errorf("%s: result still holds %q:\n%s", tt.name, g, got)
			}
		}
	}
}

// TestReadRawHTMLTables reads such a file through File: a .txt stays a text
// document, its table laid out.
func TestReadRawHTMLTables(t *testing.T) {
	t.Parallel()
	p := writeFile(t, t.TempDir(), "report.txt", []byte("某局2021年政府信息公开工作年度报告\n一、总体情况\n"+reviewTableHTML+"\n"))
	doc, err := File(context.Background(), p, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatTXT || !strings.Contains(doc.Text, "| 3 |  |  | 1 | 4 |") || strings.Contains(doc.Text, "<td") ||
		!strings.HasPrefix(doc.Text, "某局2021年政府信息公开工作年度报告\n一、总体情况\n") {
		t.Errorf("File: format %q, text:\n%s", doc.Format, doc.Text)
	}
}
