package national

import (
	"strings"

	"github.com/xxgk/xxgk/etl/table"
)

// reviewCols maps the review table's result headers (folded by
// table.Canon) to key suffixes.
var reviewCols = map[string]string{
	"结果维持": "upheld", "维持": "upheld",
	"结果纠正": "corrected", "纠正": "corrected",
	"其他结果": "other", "其他": "other",
	"尚未审结": "pending",
	"总计":   "total", "合计": "total",
}

func colReview(c string) string { return reviewCols[c] }

// reviewTemplate is the order of the results in the template, and their
// wording.
var (
	reviewTemplate       = []string{"upheld", "corrected", "other", "pending", "total"}
	reviewTemplateLabels = []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
)

// subsequence reports whether xs appear in ys in the same order.
func subsequence(xs, ys []string) bool {
	j := 0
	for _, y := range ys {
		if j < len(xs) && xs[j] == y {
			j++
		}
	}
	return j == len(xs)
}

// The three groups of the review table, in printed order, with the labels
// used when the report's own cannot be quoted.
var reviewGroups = []struct{ key, label string }{
	{"review", "行政复议"},
	{"lit_direct", "行政诉讼-未经复议直接起诉"},
	{"lit_after_review", "行政诉讼-复议后起诉"},
}

// review reads the review and litigation table that starts at toks[from]. Its
// header names the five results of each of the three groups (行政复议,
// 未经复议直接起诉, 复议后起诉); the 15 cells follow in one run. The order of
// the five results is taken from the header as printed; the header must name
// both litigation groups, else nothing is placed.
func (d *doc) review(from int) {
	var order, labels []string
	direct, after := false, false
	groups := []string{reviewGroups[0].label, reviewGroups[1].label, reviewGroups[2].label}
	i := from
	for ; i < len(d.toks) && i < from+60; i++ {
		c := d.canon[i]
		if d.toks[i].IsValue && c != "" {
			break
		}
		one := [1]reviewHeader{{canon: c}}
		hs := reviewHeaders(d.toks[i].Text)
		if hs == nil {
			hs = one[:]
		}
		for _, h := range hs {
			switch {
			case strings.Contains(h.canon, "直接起诉") && len(h.canon) < 40:
				if !direct {
					groups[1] = "行政诉讼-" + h.quote(d, i)
				}
				direct = true
				continue
			case strings.Contains(h.canon, "复议后") && len(h.canon) < 40:
				if !after {
					groups[2] = "行政诉讼-" + h.quote(d, i)
				}
				after = true
				continue
			}
			if col := colReview(h.canon); col != "" && len(order) < 5 && !contains(order, col) {
				order = append(order, col)
				labels = append(labels, h.quote(d, i))
			}
		}
	}
	if !direct || !after || i >= len(d.toks) {
		return
	}
	if len(order) < 5 {
		// Result headers cut into pieces (PDF text prints them vertically,
		// one character a line): the template order is used when the
		// results that could be read follow it.
		if !subsequence(order, reviewTemplate) {
			return
		}
		order, labels = reviewTemplate, reviewTemplateLabels
	}
	// A value row that opens with blank cells starts at its first cell.
	for i > 0 && d.toks[i].Multi && d.toks[i-1].Line == d.toks[i].Line && d.canon[i-1] == "" {
		i--
	}
	run := table.ValuesFrom(d.toks, i, 15)
	n := run.Usable(15)
	for k := 0; k < n; k++ {
		g := reviewGroups[k/5]
		d.add(table.Cell{Key: g.key + "." + order[k%5], Table: "review", Row: groups[k/5], Col: labels[k%5],
			Tok: &run.Cells[k], Value: run.Cells[k].Value})
	}
}

// reviewHeader is one header name of the review table: a cell, or a name
// rebuilt from the words of a header row printed on one line.
type reviewHeader struct {
	canon, text string // text is empty when the name is the whole cell
}

func (h reviewHeader) quote(d *doc, i int) string {
	if h.text == "" {
		return d.quote(i)
	}
	return h.text
}

// reviewHeaders returns the header names of a cell. A header row whose
// cells are apart by single spaces (a PDF text layer) is one cell, and a
// name printed over two lines comes through as two words ("结果 维持 结果
// 纠正 其他 结果 尚未 审结 总计 未经复议直接起诉 复议后起诉"): two words that
// make a name are joined. A cell that is not such a row gives nil: the cell
// is one name.
func reviewHeaders(text string) []reviewHeader {
	if strings.Count(text, " ") < 2 {
		return nil
	}
	words := strings.Fields(text)
	if len(words) < 3 {
		return nil
	}
	known := func(w string) bool {
		return colReview(w) != "" || strings.Contains(w, "直接起诉") || strings.Contains(w, "复议后") ||
			w == "行政复议" || w == "行政诉讼"
	}
	var out []reviewHeader
	for k := 0; k < len(words); k++ {
		switch w := words[k]; {
		case k+1 < len(words) && colReview(w+words[k+1]) != "" && len(w+words[k+1]) > len("维持"):
			out = append(out, reviewHeader{w + words[k+1], w + words[k+1]})
			k++
		case known(w):
			out = append(out, reviewHeader{w, w})
		default:
			return nil // not a header row
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
