package synth

import (
	"fmt"
	"html"
	"math/rand/v2"
	"regexp"
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
	rs, cs int    // rowspan, colspan; 0 means 1
	key    string // the metric key of a value cell, "" for a label (glued tables need it)
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
	blank  string     // how this report prints a blank cell
	glue   *glueStyle // the report's tables are glued (glued.go); nil for most
	jsData bool       // an HTML report delivered as a script data file (see document)
	// stated are the figures the report states outside its tables (its
	// sentences), and lost the table cells a glued run does not determine:
	// a cell a glued table loses is still labelled when a sentence states it.
	stated map[string]float64
	lost   map[string]bool
	// Habits of the page or of the text extraction, per report.
	wrap        int  // hard line breaks in prose every wrap runes (a PDF's lines); 0: none
	wideDigits  bool // prose digits in full width (１２３)
	lostBlanks  bool // prose counts wrapped in '?' for blanks a copy lost ("共?1340条?")
	wideCells   bool // table digits in full width
	paddedCells bool // cells carry stray spaces ("  0", "3 ")
	shortLabels bool // row labels without 数量, sub-rows numbered 1、
	splitLabels bool // long row labels broken over two lines, as a Word paste prints them
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
	if b.lostBlanks {
		s = lostBlankRE.ReplaceAllString(s, "?$1?")
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

// lostBlankRE is a count in prose, for the lost-blank habit.
var lostBlankRE = regexp.MustCompile(`(\d+(?:条|件|篇))`)

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

// set records a figure a sentence states in the label.
func (b *builder) set(key string, v float64, approx bool) {
	if b.stated == nil {
		b.stated = map[string]float64{}
	}
	b.stated[key] = v
	b.setCell(key, v, approx)
}

// setCell records a figure a table cell prints in the label.
func (b *builder) setCell(key string, v float64, approx bool) {
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
		return cell{text: b.blankText(), key: key}
	}
	b.setCell(key, float64(v), false)
	return cell{text: b.cellText(strconv.Itoa(v)), key: key}
}

// table writes a table in the report's layout.
func (b *builder) table(rows [][]cell) {
	if b.glue != nil {
		b.gluedTable(rows)
		return
	}
	b.plainTable(rows)
}

// plainTable writes a table with its cells apart.
func (b *builder) plainTable(rows [][]cell) {
	b.writeRows(rows, tableWidth(rows))
	if b.layout != LayoutHTML {
		b.sb.WriteString("\n")
	}
}

// tableWidth is the width of a table in grid columns: its first row's.
func tableWidth(rows [][]cell) int {
	width := 0
	for _, x := range rows[0] {
		width += max(x.cs, 1)
	}
	return width
}

// writeRows writes rows of a table width columns wide in the report's
// layout; the HTML layout writes the whole table.
func (b *builder) writeRows(rows [][]cell, width int) {
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
	default:
		for _, row := range rows {
			for _, x := range row {
				b.sb.WriteString(x.text + "\n\n")
			}
		}
	}
}

// pageBreakRate is the share of text tables that a page break cuts, as a
// PDF or Word copy prints them: a page number, then the header again.
const pageBreakRate = 0.2

// brokenTable writes a table whose first header rows are its header, cut
// by a page break before one of its rows: the page number, then the header
// repeated, then the rest. With cut set, a table printed one cell per line
// may be cut inside a row, after its label and some of its last seven cells
// (the application table's cells). HTML pages and glued tables have no page
// breaks.
func (b *builder) brokenTable(rows [][]cell, header int, cut bool) {
	r := b.r
	if b.layout == LayoutHTML || len(rows) < header+3 || !chance(r, pageBreakRate) {
		b.table(rows)
		return
	}
	width := tableWidth(rows)
	k := header + 1 + r.IntN(len(rows)-header-2)
	before, after := rows[:k], rows[k:]
	if cut && b.layout == LayoutCells && len(after[0]) > 7 && chance(r, 0.5) {
		// Inside row k: its leading cells and some of its values before the
		// break, the remaining values after it.
		row := after[0]
		at := len(row) - 7 + 1 + r.IntN(6)
		before = append(append([][]cell{}, before...), row[:at])
		after = append([][]cell{row[at:]}, after[1:]...)
	}
	page := 2 + r.IntN(8)
	mark := pick(r, fmt.Sprintf("- %d -", page), fmt.Sprintf("— %d —", page), fmt.Sprintf("第%d页", page),
		fmt.Sprintf("第 %d 页 共 %d 页", page, page+1+r.IntN(4)))
	if b.glue != nil {
		// A glued table lost its layout with its page breaks. The break
		// was drawn all the same, so the agency's later reports stay as
		// they are without glued tables.
		b.table(rows)
		return
	}
	b.writeRows(before, width)
	b.sb.WriteString("\n" + mark + "\n\n")
	b.writeRows(rows[:header], width)
	b.writeRows(after, width)
	b.sb.WriteString("\n")
}

// flatTable writes a table flattened onto one line, its cells apart by
// single spaces, as copies of provincial tables print it (real-variants.md
// item 20); empty cells leave no trace. Text layouts only.
func (b *builder) flatTable(rows [][]cell) {
	var words []string
	for _, row := range rows {
		for _, x := range row {
			if t := strings.Join(strings.Fields(x.text), ""); t != "" {
				words = append(words, t)
			}
		}
	}
	b.sb.WriteString(strings.Join(words, " ") + "\n\n")
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
	if b.jsData {
		return b.scriptData(title, "<h1>"+html.EscapeString(title)+"</h1>\n<p>"+html.EscapeString(meta)+"</p>\n"+body)
	}
	return []byte(out.String())
}

// scriptData is the report as some sites deliver it (real-variants.md item
// 19): a script data file whose string literal holds the page's HTML, with
// escaped quotes and &nbsp; for blank cells; a crawler saves it as text.
func (b *builder) scriptData(title, content string) []byte {
	r := b.r
	content = strings.ReplaceAll(content, "<p></p></td>", "<p>&nbsp;</p></td>")
	esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	if chance(r, 0.3) {
		// JSON encoders escape the markup too.
		esc = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "", "<", `\u003c`, ">", `\u003e`, "&", `\u0026`)
	}
	var out strings.Builder
	out.WriteString("//字典项\nlet menu = [{\n\t\"id\": \"1\",\n\t\"name\": \"政府信息公开年报\"\n}]\n\n")
	out.WriteString("let title = \"" + esc.Replace(title) + "\";\n")
	out.WriteString("let content = \"" + esc.Replace(content) + "\";\n")
	return []byte(out.String())
}

// finish sorts the approx list so labels are stable.
func (b *builder) finish() {
	sort.Strings(b.label.Approx)
}
