package tables

import (
	"strings"
	"testing"

	"github.com/xxgk/xxgk/etl/normalize"
)

// A PDF text layer prints a header row as one line of words apart by single
// spaces ("自然人 法人或其他组织 总计"), a name set over two lines in its
// cell as two words ("结果 维持"), the figures of a long row on the line
// after its label, and page numbers between the rows (real-variants.md item
// 22). The figures are this file's own.

// pdfApps prints appRows2021 as such a layer: long labels with their
// figures on the next line, a page mark after row page.
func pdfApps(header string, page int, mark string) string {
	var b strings.Builder
	b.WriteString("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n")
	b.WriteString(header)
	for i, r := range appRows2021 {
		if r.group != "" {
			b.WriteString(r.group + "\n")
		}
		sep := " "
		if len([]rune(r.label)) > 12 {
			sep = "\n"
		}
		b.WriteString(r.label + sep + strings.Join(r.cells[:], " ") + "\n")
		if i == page {
			b.WriteString(mark + "\n")
		}
	}
	return b.String()
}

const pdfAppHeader = "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"

const pdfReview = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n" +
	"结果 维持 结果 纠正 其他 结果 尚未 审结 总计 未经复议直接起诉 复议后起诉\n" +
	"结果 维持 结果 纠正 其他 结果 尚未 审结 总计 结果 维持 结果 纠正 其他 结果 尚未 审结 总计\n" +
	"2 1 0 1 4 0 0 0 1 1 1 0 0 0 1\n五、存在的主要问题及改进情况\n"

func TestPDFTextLayer(t *testing.T) {
	t.Parallel()
	review := map[string]float64{"review.upheld": 2, "review.corrected": 1, "review.other": 0, "review.pending": 1, "review.total": 4,
		"lit_direct.pending": 1, "lit_direct.total": 1, "lit_after_review.upheld": 1, "lit_after_review.total": 1}
	for _, tt := range []struct {
		name string
		text string
		want map[string]float64
		none []string
	}{
		{"header rows of spaced words, page number between rows", pdfApps(pdfAppHeader, 4, "- 3 -"), wantApps(), nil},
		{"a page footer between rows", pdfApps(pdfAppHeader, 7, "第 3 页"), wantApps(), nil},
		{"review header names over two lines", pdfApps(pdfAppHeader, -1, "") + pdfReview, review, nil},
		// Words that are not column names name no column: with the
		// organisation columns unnamed, no cell is placed.
		{"spaced line that is not the header", pdfApps("自然人 法人或其他组织 总计\n单位 个人 团体 其他\n", -1, ""),
			nil, []string{"apps_new.person", "granted.total"}},
		// A sentence of words is not a review header: the litigation groups
		// are not named, so nothing is placed.
		{"spaced sentence that is not the review header",
			"四、政府信息公开行政复议、行政诉讼情况\n行政复议 结果 维持 的 案件 总计 未 发生 变化\n2 1 0 1 4 0 0 0 1 1 1 0 0 0 1\n",
			nil, []string{"review.upheld", "review.total"}},
	} {
		r := Extract(normalize.New(tt.text))
		checkFigures(t, tt.name, r, tt.want, tt.none)
	}
}

// mergedApps prints appRows2021 as pipe rows with one label cell, the group
// labels merged into the cell of the row they open ("三、本年度办理结果
// （一）予以公开", "（六）其他处理 1.申请人…"), as a table copied from a
// page with spanned label columns comes through.
func mergedApps(grantedLabel string) string {
	var b strings.Builder
	b.WriteString("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n|  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n")
	for _, r := range appRows2021 {
		label := r.label
		switch {
		case r.key == "granted":
			label = grantedLabel
		case r.group != "":
			label = r.group + " " + label
		}
		b.WriteString("|  " + label + " | " + strings.Join(r.cells[:], " | ") + "  |\n")
	}
	return b.String()
}

func TestMergedRowLabels(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, text string
		want       map[string]float64
	}{
		{"group and row label in one cell", mergedApps("三、本年度办理结果 （一）予以公开"), wantApps()},
		{"ideographic space between them", mergedApps("三、本年度办理结果\u3000（一）予以公开"), wantApps()},
		// Text after the space that opens with no numbering is part of the
		// label, not a row of its own: the row stays 部分公开.
		{"a note after the label", strings.Replace(mergedApps("三、本年度办理结果 （一）予以公开"), "（二）部分公开（", "（二）部分公开 （", 1), wantApps()},
	} {
		r := Extract(normalize.New(tt.text))
		checkFigures(t, tt.name, r, tt.want, nil)
	}
}
