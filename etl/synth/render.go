package synth

import (
	"html"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Layout is how a report's tables reach the text: the three ways real
// reports come out of their web pages.
type Layout string

// The layouts.
const (
	LayoutCells Layout = "cells" // one cell per line, blank lines between (a copied web table)
	LayoutPipe  Layout = "pipe"  // one table row per line: "| a | b |"
	LayoutHTML  Layout = "html"  // an HTML page with <table>, rowspan and colspan
)

// cell is one table cell as printed.
type cell struct {
	text   string
	rs, cs int // rowspan, colspan; 0 means 1
}

func c(text string) cell            { return cell{text: text} }
func span(text string, cs int) cell { return cell{text: text, cs: cs} }
func rspan(text string, rs int) cell {
	return cell{text: text, rs: rs}
}

// builder accumulates one report's text and its label.
type builder struct {
	r      *rand.Rand
	layout Layout
	sb     strings.Builder
	label  *Label
	wide   bool // full-width brackets （）, else ASCII ()
	blanks blankPolicy
	blank  string // how this report prints a blank cell
	// Habits of the page or of the text extraction, per report.
	wrap        int  // hard line breaks in prose every wrap runes (a PDF's lines); 0: none
	wideDigits  bool // prose digits in full width (１２３)
	wideCells   bool // table digits in full width
	paddedCells bool // cells carry stray spaces ("  0", "3 ")
	shortLabels bool // row labels without 数量, sub-rows numbered 1、
	// src, when set, is the report this one copies its prose from; fills
	// are the paragraphs of prose printed so far.
	src   *source
	fills []string
}

// filler is a paragraph of boilerplate prose of n clauses: fresh, or the
// copied source's. The fresh one is drawn either way, so a copy spends
// the random stream as the genuine report would.
func (b *builder) filler(n int) string {
	p := fillerPara(b.r, n)
	if b.src != nil {
		p = b.src.paragraph(p)
	}
	b.fills = append(b.fills, p)
	return p
}

// blankPolicy says which zero cells a report leaves blank.
type blankPolicy int

const (
	blankNone  blankPolicy = iota // every cell printed, zeros as 0
	blankParts                    // zero applicant-column cells blank, totals printed
	blankZeros                    // every zero cell blank
)

func (b *builder) br(s string) string {
	if b.wide {
		return s
	}
	return strings.NewReplacer("（", "(", "）", ")", "：", ":", "，", ",").Replace(s)
}

// heading writes a section heading.
func (b *builder) heading(s string) {
	if b.layout == LayoutHTML {
		b.sb.WriteString("<p><strong>" + html.EscapeString(s) + "</strong></p>\n")
		return
	}
	b.sb.WriteString(s + "\n\n")
}

// para writes a paragraph of prose.
func (b *builder) para(s string) {
	if s == "" {
		return
	}
	if b.wideDigits {
		s = wideDigits(s)
	}
	if b.layout == LayoutHTML {
		b.sb.WriteString("<p>" + html.EscapeString(s) + "</p>\n")
		return
	}
	if b.wrap > 0 {
		s = hardWrap(s, b.wrap)
	}
	b.sb.WriteString(pick(b.r, "", "  ", "　　") + s + "\n\n")
}

// wideDigits writes ASCII digits as full-width digits.
func wideDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, s)
}

// hardWrap breaks s into lines of n runes, as text taken from a PDF is:
// a line may end between a number and its unit.
func hardWrap(s string, n int) string {
	rs := []rune(s)
	var out strings.Builder
	for len(rs) > n {
		out.WriteString(string(rs[:n]) + "\n")
		rs = rs[n:]
	}
	out.WriteString(string(rs))
	return out.String()
}

// cellText applies the report's cell habits to a printed figure.
func (b *builder) cellText(s string) string {
	if b.wideCells {
		s = wideDigits(s)
	}
	if b.paddedCells && chance(b.r, 0.5) {
		s = pick(b.r, " ", "  ", "\u00a0") + s + pick(b.r, "", "", " ")
	}
	return s
}

// set records a printed figure in the label.
func (b *builder) set(key string, v float64, approx bool) {
	b.label.Metrics[key] = v
	if approx {
		b.label.Approx = append(b.label.Approx, key)
	}
}

// blankText is how this report prints a blank cell.
func (b *builder) blankText() string {
	if b.blank == "" {
		// One report, one habit: an empty cell, or a slash or dash; a copied
		// web table (one cell per line) cannot show an empty cell.
		b.blank = pick(b.r, "/", "-", "—")
		if b.layout != LayoutCells && chance(b.r, 0.6) {
			b.blank = " "
		}
	}
	return strings.TrimSpace(b.blank)
}

// cellNum prints a count cell and labels it, unless the blank policy leaves
// it empty (blank is not zero: an empty cell is not labelled).
func (b *builder) cellNum(key string, v int, isTotal bool) cell {
	if v == 0 && (b.blanks == blankZeros || (b.blanks == blankParts && !isTotal)) {
		return c(b.blankText())
	}
	b.set(key, float64(v), false)
	return c(b.cellText(strconv.Itoa(v)))
}

// table writes a table in the report's layout.
func (b *builder) table(rows [][]cell) {
	switch b.layout {
	case LayoutHTML:
		b.sb.WriteString(`<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">` + "\n<tbody>\n")
		for _, row := range rows {
			b.sb.WriteString("<tr>")
			for _, x := range row {
				b.sb.WriteString("<td")
				if x.rs > 1 {
					b.sb.WriteString(` rowspan="` + strconv.Itoa(x.rs) + `"`)
				}
				if x.cs > 1 {
					b.sb.WriteString(` colspan="` + strconv.Itoa(x.cs) + `"`)
				}
				b.sb.WriteString("><p>" + strings.ReplaceAll(html.EscapeString(x.text), "\n", "<br/>") + "</p></td>")
			}
			b.sb.WriteString("</tr>\n")
		}
		b.sb.WriteString("</tbody>\n</table>\n")
	case LayoutPipe:
		// As the web-to-text converters of real reports do (see the pipe
		// tables of the sample corpus): the cells a row holds, then padding
		// to the table's width at the end ("| 行政许可 | 0 | ||").
		width := 0
		for _, x := range rows[0] {
			width += max(x.cs, 1)
		}
		for _, row := range rows {
			b.sb.WriteString("|")
			for _, x := range row {
				b.sb.WriteString(" " + strings.ReplaceAll(x.text, "\n", "") + " |")
			}
			if pads := width - len(row); pads > 0 {
				b.sb.WriteString(" " + strings.Repeat("|", pads))
			}
			b.sb.WriteString("\n")
		}
		b.sb.WriteString("\n")
	default:
		for _, row := range rows {
			for _, x := range row {
				b.sb.WriteString(x.text + "\n\n")
			}
		}
	}
}

// document wraps the body for its layout.
func (b *builder) document(title, meta string) []byte {
	body := b.sb.String()
	if b.layout != LayoutHTML {
		return []byte(title + "\n\n" + meta + "\n\n" + body)
	}
	var out strings.Builder
	out.Grow(len(body) + 1024)
	out.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) + "</title>\n")
	out.WriteString("<style>td{border:1px solid #000;padding:4px}</style>\n</head>\n<body>\n")
	out.WriteString(`<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>` + "\n")
	out.WriteString("<h1>" + html.EscapeString(title) + "</h1>\n")
	out.WriteString(`<div class="info">` + html.EscapeString(meta) + "</div>\n<div class=\"content\">\n")
	out.WriteString(body)
	out.WriteString("</div>\n<div class=\"footer\">主办单位：" + html.EscapeString(b.label.Agency) + "　版权所有</div>\n</body>\n</html>\n")
	return []byte(out.String())
}

// finish sorts the approx list so labels are stable.
func (b *builder) finish() {
	sort.Strings(b.label.Approx)
}
